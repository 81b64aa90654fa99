import { useId, useState, type KeyboardEvent } from 'react';
import { useDebouncedCallback } from 'use-debounce';
import type { Choice } from '../../lib/configChoices';

export interface TextFilterProps {
  label: string;
  /** The applied value (from the URL). */
  value: string | undefined;
  /** Known values, offered as suggestions; any other text works too. */
  choices?: readonly Choice[];
  placeholder?: string;
  onCommit: (value: string | undefined) => void;
}

const DEBOUNCE_MS = 600;

/**
 * A free-text filter with suggestions. Typing applies after a pause, Enter or leaving the field
 * applies at once, and picking a suggestion applies immediately; Escape restores the applied
 * value.
 */
export function TextFilter({ label, value, choices, placeholder, onCommit }: TextFilterProps) {
  const id = useId();
  const applied = value ?? '';
  // `source` is the applied value the draft started from; `committed`, what this field last sent.
  const [draft, setDraft] = useState<{ source: string; text: string; committed: string | null }>({
    source: applied,
    text: applied,
    committed: null,
  });

  // The URL changed (back/forward, a chip removed, a row's id clicked): show what it says,
  // unless it is the value this field just committed while the user kept typing.
  if (draft.source !== applied) {
    const keepTyping = applied === draft.committed;
    setDraft({ source: applied, text: keepTyping ? draft.text : applied, committed: null });
  }

  const commitNow = (text: string) => {
    const next = text.trim();
    if (next === applied) return;
    setDraft((current) => ({ ...current, committed: next }));
    onCommit(next === '' ? undefined : next);
  };
  const debounced = useDebouncedCallback(commitNow, DEBOUNCE_MS);
  const commit = (text: string) => {
    debounced.cancel();
    commitNow(text);
  };

  const handleChange = (text: string) => {
    setDraft((current) => ({ ...current, text }));
    if (choices?.some((choice) => choice.value === text)) commit(text);
    else debounced(text);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit(draft.text);
    if (event.key === 'Escape') {
      debounced.cancel();
      setDraft((current) => ({ ...current, text: applied }));
    }
  };

  const listId = choices?.length ? `${id}-choices` : undefined;
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <div className="filter-input">
        <input
          id={id}
          type="text"
          list={listId}
          value={draft.text}
          placeholder={placeholder ?? 'Any'}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => handleChange(event.target.value)}
          onKeyDown={handleKeyDown}
          onBlur={() => commit(draft.text)}
        />
        {applied && (
          <button
            type="button"
            className="icon-button"
            aria-label={`Clear ${label.toLowerCase()} filter`}
            title={`Clear ${label.toLowerCase()} filter`}
            onClick={() => {
              setDraft((current) => ({ ...current, text: '' }));
              commit('');
            }}
          >
            ×
          </button>
        )}
      </div>
      {listId && (
        <datalist id={listId}>
          {choices?.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </datalist>
      )}
    </div>
  );
}
