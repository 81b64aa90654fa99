import { useState, type FormEvent } from 'react';
import { traceIdFromText } from '../../lib/traceIdFromText';

export interface CompareFormProps {
  traceIdA: string | null;
  traceIdB: string | null;
  onCompare: (ids: { a: string; b: string }) => void;
}

/** The two trace ids (or pasted trace links) to compare, and a way to swap them. */
export function CompareForm({ traceIdA, traceIdB, onCompare }: CompareFormProps) {
  const [textA, setTextA] = useState(traceIdA ?? '');
  const [textB, setTextB] = useState(traceIdB ?? '');
  const a = traceIdFromText(textA);
  const b = traceIdFromText(textB);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (a && b) onCompare({ a, b });
  };
  return (
    <form className="compare-ids" onSubmit={handleSubmit} aria-label="Traces to compare">
      <label className="inline-field">
        A
        <input
          value={textA}
          onChange={(event) => setTextA(event.target.value)}
          placeholder="Trace id or link"
          aria-label="Trace A"
          spellCheck={false}
        />
      </label>
      <button
        type="button"
        className="button"
        aria-label="Swap A and B"
        title="Swap A and B"
        disabled={!a || !b}
        onClick={() => a && b && onCompare({ a: b, b: a })}
      >
        ⇄
      </button>
      <label className="inline-field">
        B
        <input
          value={textB}
          onChange={(event) => setTextB(event.target.value)}
          placeholder="Trace id or link"
          aria-label="Trace B"
          spellCheck={false}
        />
      </label>
      <button type="submit" className="button primary" disabled={!a || !b}>
        Compare
      </button>
    </form>
  );
}
