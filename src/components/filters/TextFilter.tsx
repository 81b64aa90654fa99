import { useId, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { Choice } from '../../lib/configChoices';
import styles from './TextFilter.module.css';

export interface TextFilterProps {
  label: string;
  /** The applied value (from the URL). */
  value: string | undefined;
  /** Known values, offered as suggestions; any other text works too. */
  choices?: readonly Choice[];
  placeholder?: string;
  onCommit: (value: string | undefined) => void;
}

/**
 * Typing puts text in an input event; picking a datalist option does not (Chrome sends a plain
 * Event, Firefox an InputEvent of type insertReplacementText).
 */
function isPicked(event: ChangeEvent<HTMLInputElement>): boolean {
  const native = event.nativeEvent;
  return !(native instanceof InputEvent) || native.inputType === 'insertReplacementText';
}

/**
 * A filter on an id with suggestions. The ids are exact matches on the server, so a half-typed
 * one would empty the list: the text applies on Enter, on leaving the field, or when a
 * suggestion is picked, never while typing. Escape restores the applied value.
 */
export function TextFilter({ label, value, choices, placeholder, onCommit }: TextFilterProps) {
  const id = useId();
  const hintId = useId();
  const applied = value ?? '';
  // `source` is the applied value the draft started from.
  const [draft, setDraft] = useState({ source: applied, text: applied });

  // The URL changed (back/forward, a chip removed, a row's id clicked): show what it says.
  if (draft.source !== applied) setDraft({ source: applied, text: applied });

  const commit = (text: string) => {
    const next = text.trim();
    if (next === applied) return;
    onCommit(next === '' ? undefined : next);
  };

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    setDraft((current) => ({ ...current, text }));
    if (isPicked(event) && choices?.some((choice) => choice.value === text)) commit(text);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit(draft.text);
    if (event.key === 'Escape') setDraft((current) => ({ ...current, text: applied }));
  };

  const isPending = draft.text.trim() !== applied;
  const listId = choices?.length ? `${id}-choices` : undefined;
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <div className={styles.input}>
        <input
          id={id}
          type="text"
          list={listId}
          value={draft.text}
          placeholder={placeholder ?? 'Any'}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={isPending ? hintId : undefined}
          data-pending={isPending || undefined}
          onChange={handleChange}
          onKeyDown={handleKeyDown}
          onBlur={() => commit(draft.text)}
        />
        {isPending && (
          <span id={hintId} className="visually-hidden">
            Press Enter to apply
          </span>
        )}
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
