import type { TraceListParams } from '../../api/client';
import type { FilterExpr } from '../../api/schemas';
import {
  PAGINATION_DEFAULTS,
  parsePaginationSearch,
  type PaginationSearch,
} from '../../lib/paginationSearch';
import { oneOf, textParam, withoutUndefined } from '../../lib/searchParams';
import {
  parseTimeRangeSearch,
  toTimeWindow,
  type TimeRangeSearch,
  type TimeWindow,
} from '../../lib/timeRange';
import { andAll } from './filterExpression';

/**
 * The trace list's whole state lives in the URL, under the API's own parameter names where the
 * API has one: `status`, `agent_id` … `run_id`, `start_time`/`end_time`, `page`, `limit`,
 * `db_id`; `filter` is the advanced search expression (the body field of POST /traces/search),
 * and `range` a time preset relative to now.
 */
export const TRACE_STATUSES = ['OK', 'ERROR'] as const;
export type TraceStatusFilter = (typeof TRACE_STATUSES)[number];

export const ID_FILTER_KEYS = [
  'agent_id',
  'team_id',
  'workflow_id',
  'user_id',
  'session_id',
  'run_id',
] as const;
export type IdFilterKey = (typeof ID_FILTER_KEYS)[number];

export const ID_FILTER_LABELS: Record<IdFilterKey, string> = {
  agent_id: 'Agent',
  team_id: 'Team',
  workflow_id: 'Workflow',
  user_id: 'User',
  session_id: 'Session',
  run_id: 'Run',
};

export interface TraceListSearch
  extends PaginationSearch, TimeRangeSearch, Partial<Record<IdFilterKey, string>> {
  status?: TraceStatusFilter;
  /** Advanced search expression, kept as it came: the server is the judge of its validity. */
  filter?: FilterExpr;
  /** Which of the server's databases to read; overrides the connection's choice. */
  db_id?: string;
}

export const TRACE_LIST_DEFAULTS: TraceListSearch = PAGINATION_DEFAULTS;

/** Whatever is in the address bar becomes a valid state; nonsense is dropped. */
export function parseTraceListSearch(raw: Record<string, unknown>): TraceListSearch {
  const ids: Partial<Record<IdFilterKey, string>> = {};
  for (const key of ID_FILTER_KEYS) ids[key] = textParam(raw[key]);
  return withoutUndefined({
    ...parsePaginationSearch(raw),
    status: oneOf(raw.status, TRACE_STATUSES),
    ...ids,
    ...parseTimeRangeSearch(raw),
    filter: filterParam(raw.filter),
    db_id: textParam(raw.db_id),
  });
}

/** The router JSON-parses the value; a hand-edited URL may still hold it as text. */
function filterParam(value: unknown): FilterExpr | undefined {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  return typeof (parsed as { op?: unknown }).op === 'string' ? (parsed as FilterExpr) : undefined;
}

/** With an advanced expression, the list comes from POST /traces/search instead of GET /traces. */
export function isAdvanced(search: TraceListSearch): boolean {
  return search.filter !== undefined;
}

/** GET /traces parameters; a preset range comes back as `window.lastMs`, resolved per request. */
export function toTraceListParams(search: TraceListSearch): {
  params: TraceListParams;
  window: TimeWindow;
} {
  const window = toTimeWindow(search);
  const params: TraceListParams = withoutUndefined({
    page: search.page,
    limit: search.limit,
    status: search.status,
    agent_id: search.agent_id,
    team_id: search.team_id,
    workflow_id: search.workflow_id,
    user_id: search.user_id,
    session_id: search.session_id,
    run_id: search.run_id,
    start_time: window.start_time,
    end_time: window.end_time,
  });
  return { params, window };
}

/**
 * The search DSL equivalent of the simple filters, anded with the advanced expression, so the
 * filters keep working when an expression is applied. A preset range is added per request.
 */
export function toSearchFilter(search: TraceListSearch): FilterExpr | null {
  const window = toTimeWindow(search);
  return andAll([
    search.filter,
    search.status ? { op: 'EQ', key: 'status', value: search.status } : undefined,
    ...ID_FILTER_KEYS.map((key): FilterExpr | undefined => {
      const value = search[key];
      return value === undefined ? undefined : { op: 'EQ', key, value };
    }),
    window.start_time ? { op: 'GTE', key: 'start_time', value: window.start_time } : undefined,
    window.end_time ? { op: 'LTE', key: 'end_time', value: window.end_time } : undefined,
  ]);
}

/** Every key that narrows the list (not page, page size or database). */
export const FILTER_KEYS = [
  'status',
  ...ID_FILTER_KEYS,
  'range',
  'start_time',
  'end_time',
  'filter',
] as const satisfies ReadonlyArray<keyof TraceListSearch>;

export function hasFilters(search: TraceListSearch): boolean {
  return FILTER_KEYS.some((key) => search[key] !== undefined);
}

/** The change that removes every filter; the page goes back to the first. */
export function clearedFilters(): Partial<TraceListSearch> {
  return { ...Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])), page: 1 };
}
