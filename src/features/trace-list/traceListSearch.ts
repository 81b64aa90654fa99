import type { TraceListParams } from '../../api/client';
import {
  PAGINATION_DEFAULTS,
  parsePaginationSearch,
  type PaginationSearch,
} from '../../lib/paginationSearch';

/** The trace list's state in the URL. Parameter names are the API's own. */
export type TraceListSearch = PaginationSearch;

export const TRACE_LIST_DEFAULTS: TraceListSearch = PAGINATION_DEFAULTS;

export function parseTraceListSearch(raw: Record<string, unknown>): TraceListSearch {
  return parsePaginationSearch(raw);
}

export function toTraceListParams(search: TraceListSearch): TraceListParams {
  return { page: search.page, limit: search.limit };
}
