/** Page and page size as they appear in a list page's URL (`?page=2&limit=50`). */
export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface PaginationSearch {
  page: number;
  limit: PageSize;
}

export const PAGINATION_DEFAULTS: PaginationSearch = { page: 1, limit: 20 };

function positiveInt(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** Whatever is in the address bar becomes a valid state; nonsense falls back to defaults. */
export function parsePaginationSearch(raw: Record<string, unknown>): PaginationSearch {
  const limit = positiveInt(raw.limit);
  return {
    page: positiveInt(raw.page) ?? PAGINATION_DEFAULTS.page,
    limit: PAGE_SIZES.find((size) => size === limit) ?? PAGINATION_DEFAULTS.limit,
  };
}
