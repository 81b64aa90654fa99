export interface PaginationProps {
  page: number;
  totalPages: number;
  totalCount: number;
  pageSize: number;
  pageSizes: readonly number[];
  isFetching?: boolean;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: number) => void;
  /** What is being counted, e.g. "traces". */
  noun: string;
}

export function Pagination({
  page,
  totalPages,
  totalCount,
  pageSize,
  pageSizes,
  isFetching,
  onPageChange,
  onPageSizeChange,
  noun,
}: PaginationProps) {
  const lastPage = Math.max(totalPages, 1);
  return (
    <nav className="pagination" aria-label="Pagination">
      <span className="muted">
        {totalCount.toLocaleString()} {noun}
      </span>
      <label className="inline-field">
        Page size
        <select value={pageSize} onChange={(event) => onPageSizeChange(Number(event.target.value))}>
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        disabled={page <= 1}
        onClick={() => onPageChange(page - 1)}
      >
        Previous
      </button>
      <span aria-live="polite" aria-busy={isFetching}>
        Page {page} of {lastPage}
      </span>
      <button
        type="button"
        className="button"
        disabled={page >= lastPage}
        onClick={() => onPageChange(page + 1)}
      >
        Next
      </button>
    </nav>
  );
}
