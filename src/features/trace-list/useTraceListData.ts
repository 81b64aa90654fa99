import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ApiQueries } from '../../api/queries';
import type { PaginationMeta, TraceSummary } from '../../api/schemas';
import {
  isAdvanced,
  pageSizeOf,
  toSearchFilter,
  toTraceListParams,
  type TraceListSearch,
} from './traceListSearch';

/** How often the first page is polled when auto-refresh is on. */
export const LIVE_INTERVAL_MS = 5_000;

export interface TraceListData {
  traces: TraceSummary[] | undefined;
  meta: PaginationMeta | undefined;
  isPending: boolean;
  /** The page on screen is the previous one while the requested one loads. */
  isPlaceholderData: boolean;
  isFetching: boolean;
  error: Error | null;
  /** A refresh failed: what is on screen is older than it looks. */
  isStale: boolean;
  dataUpdatedAt: number;
  refetch: () => void;
}

/**
 * One page of traces: GET /traces, or POST /traces/search when an advanced expression is set
 * (the simple filters are then anded into it). Only the page on screen is fetched, plus the
 * next one in the background; the previous page stays on screen while the next loads.
 */
export function useTraceListData(
  queries: ApiQueries,
  search: TraceListSearch,
  isLive: boolean,
): TraceListData {
  const queryClient = useQueryClient();
  const advanced = isAdvanced(search);
  const { params, window } = toTraceListParams(search);
  const searchParams = {
    filter: toSearchFilter(search),
    page: search.page,
    limit: pageSizeOf(search),
  };
  // Live polling only re-reads the first page: later pages would shift under the reader.
  const refetchInterval = isLive && search.page === 1 ? LIVE_INTERVAL_MS : false;

  const list = useQuery({
    ...queries.traceList(params, window),
    enabled: !advanced,
    refetchInterval,
  });
  const found = useQuery({
    ...queries.search(searchParams, window),
    enabled: advanced,
    refetchInterval,
  });
  const active = advanced ? found : list;
  const totalPages = active.data?.meta.total_pages ?? 0;
  const hasNext = !active.isPlaceholderData && active.isSuccess && search.page < totalPages;

  // Prefetch the next page so "Next" is instant: one page ahead, never the whole list. Not for
  // an advanced search: its pages carry each trace's whole span tree, possibly hundreds of MB.
  const nextList = queries.traceList({ ...params, page: search.page + 1 }, window);
  const nextKey = JSON.stringify(nextList.queryKey);
  useEffect(() => {
    if (hasNext && !advanced) void queryClient.prefetchQuery(nextList);
    // The key says everything the options depend on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryClient, hasNext, advanced, nextKey]);

  return {
    traces: active.data?.data,
    meta: active.data?.meta,
    isPending: active.isPending,
    isPlaceholderData: active.isPlaceholderData,
    isFetching: active.isFetching,
    error: active.error,
    isStale: active.isRefetchError,
    dataUpdatedAt: active.dataUpdatedAt,
    refetch: () => void active.refetch(),
  };
}
