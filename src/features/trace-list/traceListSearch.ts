import { z } from 'zod/mini';
import type { TraceListParams } from '../../api/client';
import type { FilterExpr } from '../../api/schemas';
import {
  PAGINATION_DEFAULTS,
  PAGINATION_FIELDS,
  type PageSize,
  type PaginationSearch,
} from '../../lib/paginationSearch';
import { choiceField, textField, withoutBlankValues } from '../../lib/searchFields';
import { withoutUndefined } from '../../lib/searchParams';
import { parseSearchFields, type ParsedSearch } from '../../lib/searchSchema';
import {
  TIME_RANGE_FIELDS,
  toTimeWindow,
  type TimeRangeSearch,
  type TimeWindow,
} from '../../lib/timeRange';
import { andAll } from './filterExpression';
import { colsField, sortField, type TraceSort } from './tableView';

/**
 * The trace list's whole state lives in the URL, under the API's own parameter names where the
 * API has one: `status`, `agent_id` … `run_id`, `start_time`/`end_time`, `page`, `limit`,
 * `db_id`; `filter` is the advanced search expression (the body field of POST /traces/search),
 * and `range` a time preset relative to now. `sort` and `cols` are the table's view (see
 * tableView.ts): they reorder and trim what is on screen, not what is fetched.
 */
export const TRACE_STATUSES = ['OK', 'ERROR'] as const;
type TraceStatusFilter = (typeof TRACE_STATUSES)[number];

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
  extends Omit<PaginationSearch, 'limit'>, TimeRangeSearch, Partial<Record<IdFilterKey, string>> {
  /** Absent: the default of the list shown, which is smaller for advanced search (pageSizeOf). */
  limit?: PageSize;
  status?: TraceStatusFilter;
  /** Advanced search expression, kept as it came: the server is the judge of its validity. */
  filter?: FilterExpr;
  /** Which of the server's databases to read; overrides the connection's choice. */
  db_id?: string;
  /** The column the page is sorted by, `-` first for descending. */
  sort?: TraceSort;
  /** The columns shown, as a difference from the default ones. */
  cols?: string;
}

/** What a link to the list may carry: the values, or their text as the address bar has it. */
export type TraceListSearchInput = {
  [K in keyof TraceListSearch]?: TraceListSearch[K] | string;
};

export const TRACE_LIST_DEFAULTS: TraceListSearch = { page: PAGINATION_DEFAULTS.page };

/**
 * The page size of an advanced search when the URL names none. POST /traces/search sends every
 * trace of the page with its whole span tree, about 100 MB at 100k spans: the trees are skipped
 * as they stream (api/readSearchPage.ts), so memory does not grow with the page, but download and
 * scan time do (measured in ADR 8: about 8 s to scan a page of ten such traces). The plain list
 * (GET /traces, summaries only) keeps the usual default.
 */
const SEARCH_PAGE_SIZE: PageSize = 10;

/** The page size when the URL names none: smaller for advanced search. */
function defaultPageSize(search: Pick<TraceListSearch, 'filter'>): PageSize {
  return isAdvanced(search) ? SEARCH_PAGE_SIZE : PAGINATION_DEFAULTS.limit;
}

/** The page size shown and asked for: the URL's when it names one. */
export function pageSizeOf(search: TraceListSearch): PageSize {
  return search.limit ?? defaultPageSize(search);
}

/**
 * The search as the URL holds it: the first page and the default page size (of the list shown)
 * left out, so links stay short and a page size the reader picked stays in the URL.
 */
export function withoutDefaults(search: Partial<TraceListSearch>): Partial<TraceListSearch> {
  const { page, limit, ...rest } = search;
  return withoutUndefined({
    page: page === TRACE_LIST_DEFAULTS.page ? undefined : page,
    limit: limit === defaultPageSize(search) ? undefined : limit,
    ...rest,
  });
}

/** The advanced expression: as the router's JSON parser gave it, or as JSON text. */
const filterField = z.transform((value: unknown, ctx) => {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      parsed = undefined;
    }
  }
  const isExpression =
    parsed !== null &&
    typeof parsed === 'object' &&
    !Array.isArray(parsed) &&
    typeof (parsed as { op?: unknown }).op === 'string';
  if (!isExpression) {
    ctx.issues.push({ code: 'custom', message: 'not a search expression', input: value });
    return z.NEVER;
  }
  // Kept even when malformed inside: the server judges it and the page shows its message.
  return parsed as FilterExpr;
});

/** One schema per parameter: what validates is kept, the rest is reported (searchSchema.ts). */
const TRACE_LIST_FIELDS = {
  ...PAGINATION_FIELDS,
  status: choiceField(TRACE_STATUSES, `not a status (${TRACE_STATUSES.join(' or ')})`),
  ...(Object.fromEntries(ID_FILTER_KEYS.map((key) => [key, textField])) as Record<
    IdFilterKey,
    typeof textField
  >),
  ...TIME_RANGE_FIELDS,
  filter: filterField,
  db_id: textField,
  sort: sortField,
  cols: colsField,
};

/**
 * Whatever is in the address bar becomes a valid state, and what could not be used is listed:
 * the route keeps the state, the page says what a link lost.
 */
export function parseTraceListSearchFields(
  raw: Record<string, unknown>,
): ParsedSearch<TraceListSearch> {
  const { search: fields, dropped } = parseSearchFields(TRACE_LIST_FIELDS, withoutBlankValues(raw));
  const { cols, range, start_time, end_time, limit, ...rest } = fields;
  if (cols && cols.unknown.length > 0) {
    dropped.push({ key: 'cols', value: cols.unknown.join('.'), reason: 'no such column' });
  }
  // A preset wins over fixed bounds.
  if (range) {
    for (const [key, value] of [
      ['start_time', start_time],
      ['end_time', end_time],
    ] as const) {
      if (value) dropped.push({ key, value, reason: `range=${range} is used instead` });
    }
  }
  const search: TraceListSearch = withoutUndefined({
    ...TRACE_LIST_DEFAULTS,
    ...rest,
    limit: limit as PageSize | undefined,
    range,
    start_time: range ? undefined : start_time,
    end_time: range ? undefined : end_time,
    cols: cols?.cols,
  });
  return { search, dropped };
}

/** The state alone (see parseTraceListSearchFields). */
export function parseTraceListSearch(raw: Record<string, unknown>): TraceListSearch {
  return parseTraceListSearchFields(raw).search;
}

/** With an advanced expression, the list comes from POST /traces/search instead of GET /traces. */
export function isAdvanced(search: Pick<TraceListSearch, 'filter'>): boolean {
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
    limit: pageSizeOf(search),
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
const FILTER_KEYS = [
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
