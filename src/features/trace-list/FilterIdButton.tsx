export interface FilterIdButtonProps {
  /** What the id is, in words: "agent", "session" … */
  kind: string;
  id: string;
  onFilter: () => void;
}

/** An id in a row that narrows the list to it when clicked. */
export function FilterIdButton({ kind, id, onFilter }: FilterIdButtonProps) {
  return (
    <button
      type="button"
      className="id-button"
      aria-label={`Filter by ${kind} ${id}`}
      title={`${id}\nShow only traces of this ${kind}`}
      onClick={onFilter}
    >
      {id}
    </button>
  );
}
