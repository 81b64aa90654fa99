import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ApiClient, SearchParams, SessionStatsParams, TraceListParams } from './client';
import { createApiClient } from './client';
import { baseUrlOf, fetchFor, isDemo, useConnection, type Connection } from './connection';
import { fetchTrace } from './readTraceStream';
import type { FilterExpr } from './schemas';
import { setTraceLoadProgress } from './traceLoadProgress';

/**
 * A time window relative to now ("the last hour"). It is part of the query key as a duration
 * and becomes a `start_time` only when each request is sent, so a refresh slides the window
 * while the key, and the cached page on screen, stay the same.
 */
export interface RelativeWindow {
  lastMs?: number;
}

function startOfWindow(window: RelativeWindow | undefined): string | undefined {
  return window?.lastMs ? new Date(Date.now() - window.lastMs).toISOString() : undefined;
}

function withStartAtOrAfter(filter: FilterExpr | null, startTime: string | undefined) {
  if (!startTime) return filter;
  const since: FilterExpr = { op: 'GTE', key: 'start_time', value: startTime };
  return filter ? ({ op: 'AND', conditions: [filter, since] } satisfies FilterExpr) : since;
}

const windowKey = (window: RelativeWindow | undefined) =>
  window?.lastMs ? [{ lastMs: window.lastMs }] : [];

type Scope = ApiClient['scope'];

/**
 * Every query key the app uses, from one place. Keys start with the connection's scope
 * (endpoint and database), so two servers' answers never mix in the cache.
 */
const queryKeys = {
  all: (scope: Scope) => ['agentos', scope.baseUrl, scope.dbId] as const,
  traceLists: (scope: Scope) => [...queryKeys.all(scope), 'traces', 'list'] as const,
  traceList: (scope: Scope, params: TraceListParams) =>
    [...queryKeys.traceLists(scope), params] as const,
  traceDetail: (scope: Scope, traceId: string) =>
    [...queryKeys.all(scope), 'traces', 'detail', traceId] as const,
  span: (scope: Scope, traceId: string, spanId: string) =>
    [...queryKeys.traceDetail(scope, traceId), 'span', spanId] as const,
  filterSchema: (scope: Scope) => [...queryKeys.all(scope), 'filter-schema'] as const,
  search: (scope: Scope, params: SearchParams) =>
    [...queryKeys.all(scope), 'traces', 'search', params] as const,
  sessionStats: (scope: Scope, params: SessionStatsParams) =>
    [...queryKeys.all(scope), 'sessions', params] as const,
  config: (scope: Scope) => ['agentos', scope.baseUrl, 'config'] as const,
  health: (scope: Scope) => ['agentos', scope.baseUrl, 'health'] as const,
};

/** `queryOptions` for every endpoint, bound to one client. */
export function createApiQueries(client: ApiClient) {
  const { scope } = client;
  return {
    client,
    traceList: (params: TraceListParams, window?: RelativeWindow) =>
      queryOptions({
        queryKey: [...queryKeys.traceList(scope, params), ...windowKey(window)],
        queryFn: ({ signal }) =>
          client.listTraces(
            { ...params, start_time: startOfWindow(window) ?? params.start_time },
            signal,
          ),
        // The previous page stays on screen while the next one loads.
        placeholderData: keepPreviousData,
      }),
    traceDetail: (traceId: string) =>
      queryOptions({
        queryKey: queryKeys.traceDetail(scope, traceId),
        queryFn: async ({ signal, queryKey }) => {
          try {
            return await client.getTrace(traceId, signal, (progress) =>
              setTraceLoadProgress(queryKey, progress),
            );
          } finally {
            setTraceLoadProgress(queryKey, null);
          }
        },
        // A trace does not change once written; refetching a 100k-span tree is expensive.
        staleTime: 5 * 60_000,
      }),
    span: (traceId: string, spanId: string) =>
      queryOptions({
        queryKey: queryKeys.span(scope, traceId, spanId),
        queryFn: ({ signal }) => client.getSpan(traceId, spanId, signal),
        staleTime: 5 * 60_000,
      }),
    filterSchema: () =>
      queryOptions({
        queryKey: queryKeys.filterSchema(scope),
        queryFn: ({ signal }) => client.getFilterSchema(signal),
        staleTime: Infinity,
      }),
    search: (params: SearchParams, window?: RelativeWindow) =>
      queryOptions({
        queryKey: [...queryKeys.search(scope, params), ...windowKey(window)],
        queryFn: ({ signal }) =>
          client.searchTraces(
            { ...params, filter: withStartAtOrAfter(params.filter, startOfWindow(window)) },
            signal,
          ),
        placeholderData: keepPreviousData,
        // A POST: the default policy retries idempotent GETs only.
        retry: false,
      }),
    sessionStats: (params: SessionStatsParams, window?: RelativeWindow) =>
      queryOptions({
        queryKey: [...queryKeys.sessionStats(scope, params), ...windowKey(window)],
        queryFn: ({ signal }) =>
          client.getSessionStats(
            { ...params, start_time: startOfWindow(window) ?? params.start_time },
            signal,
          ),
        placeholderData: keepPreviousData,
      }),
    config: () =>
      queryOptions({
        queryKey: queryKeys.config(scope),
        queryFn: ({ signal }) => client.getConfig(signal),
        staleTime: 10 * 60_000,
      }),
  };
}

export type ApiQueries = ReturnType<typeof createApiQueries>;

/**
 * The queries for the current connection; a new client only when the connection changes.
 * `dbId` overrides the connection's database (a list page's `?db_id=`, so a link shows the same
 * database to whoever opens it).
 */
export function useApiQueries(dbId?: string | null): ApiQueries {
  const connection = useConnection();
  return useMemo(() => apiQueriesFor(connection, dbId), [connection, dbId]);
}

/** The same outside React (route loaders): queries for a connection and an optional database. */
export function apiQueriesFor(connection: Connection, dbId?: string | null): ApiQueries {
  return createApiQueries(
    createApiClient({
      baseUrl: baseUrlOf(connection),
      securityKey: connection.securityKey,
      dbId: dbId ?? connection.dbId,
      timeoutMs: connection.timeoutSeconds * 1000,
      fetch: fetchFor(connection),
      // The demo's mock answers in this page's service worker: its traces are fetched here.
      fetchTrace: isDemo(connection) ? undefined : fetchTrace,
    }),
  );
}
