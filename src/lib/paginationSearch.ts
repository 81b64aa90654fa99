import { z } from 'zod/mini';
import { positiveIntField } from './searchFields';

/** Page and page size as they appear in a list page's URL (`?page=2&limit=50`). */
// 10 is advanced search's default (trace-list/traceListSearch.ts), and offered to every list.
export const PAGE_SIZES = [10, 20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface PaginationSearch {
  page: number;
  limit: PageSize;
}

export const PAGINATION_DEFAULTS: PaginationSearch = { page: 1, limit: 20 };

/** The two fields for a route's search schema (see searchSchema.ts); absent means the default. */
export const PAGINATION_FIELDS = {
  page: positiveIntField('pages are numbered from 1'),
  limit: positiveIntField('not a page size').check(
    z.refine((size) => (PAGE_SIZES as readonly number[]).includes(size), {
      error: `not an offered page size (${PAGE_SIZES.join(', ')})`,
    }),
  ),
};
