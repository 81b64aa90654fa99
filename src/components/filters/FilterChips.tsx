export interface FilterChip {
  /** Stable key, e.g. the URL parameter. */
  id: string;
  label: string;
  value: string;
  onRemove: () => void;
}

export interface FilterChipsProps {
  chips: readonly FilterChip[];
  onClearAll: () => void;
}

/** The filters in force, each removable, and one action that removes them all. */
export function FilterChips({ chips, onClearAll }: FilterChipsProps) {
  if (chips.length === 0) return null;
  return (
    <div className="filter-chips" role="group" aria-label="Active filters">
      <ul>
        {chips.map((chip) => (
          <li key={chip.id} className="chip">
            <span className="chip-label">{chip.label}:</span>
            <span className="chip-value" title={chip.value}>
              {chip.value}
            </span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove filter ${chip.label}: ${chip.value}`}
              title="Remove this filter"
              onClick={chip.onRemove}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button link-button" onClick={onClearAll}>
        Clear filters
      </button>
    </div>
  );
}
