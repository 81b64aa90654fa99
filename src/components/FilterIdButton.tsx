import styles from './FilterIdButton.module.css';

export interface FilterIdButtonProps {
  /** What the id is, in words: "agent", "session" … */
  kind: string;
  id: string;
  /** What the list holds, for the name and tooltip: "traces" or "sessions". */
  noun?: 'traces' | 'sessions';
  onFilter: () => void;
}

/** An id in a row that narrows the list to it when clicked. */
export function FilterIdButton({ kind, id, noun = 'traces', onFilter }: FilterIdButtonProps) {
  return (
    <button
      type="button"
      className={styles.button}
      aria-label={noun === 'traces' ? `Filter by ${kind} ${id}` : `Filter ${noun} by ${kind} ${id}`}
      title={`${id}\nShow only ${noun} of this ${kind}`}
      onClick={onFilter}
    >
      {id}
    </button>
  );
}
