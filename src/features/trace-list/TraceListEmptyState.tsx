import { EmptyState } from '../../components/PageState';
import type { ActiveFilter } from './activeFilters';

export interface TraceListEmptyStateProps {
  filters: readonly ActiveFilter[];
  page: number;
  totalCount: number;
  totalPages: number;
  onClearFilters: () => void;
  onFirstPage: () => void;
}

/** Says why the list is empty: past the last page, filters that match nothing, or no traces. */
export function TraceListEmptyState({
  filters,
  page,
  totalCount,
  totalPages,
  onClearFilters,
  onFirstPage,
}: TraceListEmptyStateProps) {
  if (totalCount > 0 && page > totalPages) {
    return (
      <EmptyState title={`Page ${page} is past the end`}>
        <p className="muted">
          There {totalPages === 1 ? 'is 1 page' : `are ${totalPages} pages`} of traces.
        </p>
        <button type="button" className="button" onClick={onFirstPage}>
          Go to the first page
        </button>
      </EmptyState>
    );
  }
  if (filters.length > 0) {
    return (
      <EmptyState title="No traces match these filters">
        <ul className="empty-filters">
          {filters.map((filter) => (
            <li key={filter.id}>
              <strong>{filter.label}:</strong> {filter.value}
            </li>
          ))}
        </ul>
        <p className="muted">Remove one of them, widen the time range, or start again.</p>
        <button type="button" className="button" onClick={onClearFilters}>
          Clear all filters
        </button>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No traces yet">
      <p className="muted">
        Run an agent, team or workflow with tracing on, and its traces appear here.
      </p>
    </EmptyState>
  );
}
