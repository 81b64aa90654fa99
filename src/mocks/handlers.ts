import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { FilterExpr, TraceNode } from '../api/schemas';
import {
  FILTER_SCHEMA,
  InvalidFilterExpressionError,
  matchesFilter,
  parseFilterExpression,
  parseIsoToUs,
} from './filterExpression';
import { toJsonText } from '../lib/jsonText';
import { sessionStatsOf } from './mockDatabase';
import type { MockDatabase, SpanHit, StoredTrace, TraceStore } from './mockDatabase';

/*
 * MSW handlers that behave like AgentOS's trace endpoints (../shared/agentos-api.md): the same
 * status codes, `detail` strings, FastAPI 422 arrays, pagination envelope and absent-not-null
 * bodies. The browser demo, the Node mock server and the tests all run this code.
 */

export interface HandlerOptions {
  /** Origin plus optional path, e.g. `http://127.0.0.1:7787` or `http://localhost:3000/demo-api`. */
  baseUrl: string;
  db: MockDatabase;
  /** When set, every endpoint but /health needs `Authorization: Bearer <key>`. */
  securityKey?: string | null;
}

interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

// JSON text of any answer, 10,000-level chains included; it lives in lib/, re-exported for tests.
export { toJsonText };

function jsonText(text: string, status = 200): Response {
  return new HttpResponse(text, { status, headers: { 'Content-Type': 'application/json' } });
}

function json(body: unknown, status = 200): Response {
  return jsonText(toJsonText(body), status);
}

/**
 * Trace details never change, and a 100,000-span one is ~100 MB of JSON: serialize each once,
 * so repeated loads (benchmarks) measure the viewer rather than the mock.
 */
const detailTexts = new WeakMap<object, string>();

function cachedJson(body: object): Response {
  let text = detailTexts.get(body);
  if (text === undefined) {
    text = toJsonText(body);
    detailTexts.set(body, text);
  }
  return jsonText(text);
}

function detail(status: number, message: string): Response {
  return json({ detail: message }, status);
}

function validationError(issues: ValidationIssue[]): Response {
  return json({ detail: issues }, 422);
}

const INTEGER = /^\s*[+-]?\d+\s*$/;

/** An integer query parameter, FastAPI style: default when absent, 422 issues when wrong. */
function intQuery(
  query: URLSearchParams,
  name: string,
  fallback: number,
  issues: ValidationIssue[],
  bounds: { ge?: number; le?: number } = {},
): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!INTEGER.test(raw)) {
    issues.push({
      type: 'int_parsing',
      loc: ['query', name],
      msg: 'Input should be a valid integer, unable to parse string as an integer',
      input: raw,
    });
    return fallback;
  }
  return checkBounds(Number(raw), raw, ['query', name], issues, bounds) ?? fallback;
}

function checkBounds(
  value: number,
  input: unknown,
  loc: (string | number)[],
  issues: ValidationIssue[],
  { ge, le }: { ge?: number; le?: number },
): number | undefined {
  if (ge !== undefined && value < ge) {
    issues.push({
      type: 'greater_than_equal',
      loc,
      msg: `Input should be greater than or equal to ${ge}`,
      input,
      ctx: { ge },
    });
    return undefined;
  }
  if (le !== undefined && value > le) {
    issues.push({
      type: 'less_than_equal',
      loc,
      msg: `Input should be less than or equal to ${le}`,
      input,
      ctx: { le },
    });
    return undefined;
  }
  return value;
}

/**
 * An ISO 8601 query parameter as epoch microseconds (no zone = UTC, as the server accepts it).
 * One that does not parse is the text of the server's HTTPException(400), which its own
 * catch-all then turns into a 500 (error-500-start-time-garbage.json).
 */
function timeQuery(query: URLSearchParams, name: string, badTimes: string[]): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const us = parseIsoToUs(raw);
  if (Number.isNaN(us)) {
    badTimes.push(
      `400: Invalid ${name} format. Use ISO 8601 format (e.g., '2025-11-19T10:00:00Z' or '2025-11-19T10:00:00+05:30'): Invalid isoformat string: '${raw}'`,
    );
  }
  return us;
}

/** Optional string parameters: an empty value counts as absent, as the server's `if x:` does. */
function textQuery(query: URLSearchParams, name: string): string | undefined {
  const raw = query.get(name);
  return raw === null || raw === '' ? undefined : raw;
}

function pageMeta(page: number, limit: number, total: number, startedAt: number) {
  const elapsed = performance.now() - startedAt;
  return {
    page,
    limit,
    total_pages: total === 0 ? 0 : Math.ceil(total / limit),
    total_count: total,
    // A float, like the server's round(ms, 2); never 0 so it always reads as a timing.
    search_time_ms: Math.max(0.01, Math.round(elapsed * 100) / 100),
  };
}

/** SQL's OFFSET of (page - 1) * limit, where a negative offset counts as 0 (page 0 = page 1). */
function paginate<T>(items: readonly T[], page: number, limit: number): T[] {
  const offset = Math.max(0, (page - 1) * limit);
  return items.slice(offset, offset + limit);
}

type IdKey =
  'run_id' | 'session_id' | 'user_id' | 'agent_id' | 'team_id' | 'workflow_id' | 'status';

interface TraceQuery {
  equals: [IdKey, string][];
  startUs?: number;
  endUs?: number;
  /** The server's message for a time it cannot parse (answered as a 500). */
  badTime?: string;
}

function readTraceQuery(query: URLSearchParams, keys: IdKey[]): TraceQuery {
  const equals: [IdKey, string][] = [];
  for (const key of keys) {
    const value = textQuery(query, key);
    if (value !== undefined) equals.push([key, value]);
  }
  const badTimes: string[] = [];
  return {
    equals,
    startUs: timeQuery(query, 'start_time', badTimes),
    endUs: timeQuery(query, 'end_time', badTimes),
    ...(badTimes[0] !== undefined ? { badTime: badTimes[0] } : {}),
  };
}

function filterEntries(entries: readonly StoredTrace[], q: TraceQuery): StoredTrace[] {
  return entries.filter((e) => {
    // The summary holds every id: a lazily built trace is not built to be filtered out.
    for (const [key, value] of q.equals) if (e.summary[key] !== value) return false;
    // start_time: runs starting at or after it; end_time: runs ending at or before it.
    if (q.startUs !== undefined && e.startUs < q.startUs) return false;
    if (q.endUs !== undefined && e.endUs > q.endUs) return false;
    return true;
  });
}

/**
 * GET /traces/{id}?span_id= answers one node without `spans`. The server builds it from the
 * raw span, so a trace's main root shows its own input/output/error and per-type metadata
 * there, not the trace-wide totals the tree shows.
 */
function spanAnswer(hit: SpanHit): TraceNode {
  const { spans: _spans, metadata, ...fields } = hit.node;
  if (!hit.isMainRoot) return metadata ? { ...fields, metadata } : fields;
  const trace = hit.entry.detail;
  const node: TraceNode = { ...fields };
  if (trace.input) node.input = trace.input;
  if (trace.error) node.error = trace.error;
  else if (trace.output) node.output = trace.output;
  const meta: Record<string, unknown> = {};
  if ((node.type === 'AGENT' || node.type === 'TEAM') && trace.run_id) meta.run_id = trace.run_id;
  if (node.type === 'WORKFLOW' && metadata) {
    for (const key of ['description', 'steps_count', 'steps', 'step_types']) {
      if (metadata[key] !== undefined) meta[key] = metadata[key];
    }
  }
  if (trace.session_id) meta.session_id = trace.session_id;
  if (trace.user_id) meta.user_id = trace.user_id;
  if (Object.keys(meta).length > 0) node.metadata = meta;
  return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer body field, pydantic style (lax: 5, 5.0 and "5" pass). */
function intBody(
  body: Record<string, unknown>,
  name: string,
  fallback: number,
  issues: ValidationIssue[],
  bounds: { ge?: number; le?: number },
): number {
  const raw = body[name];
  if (raw === undefined) return fallback;
  const value =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && INTEGER.test(raw)
        ? Number(raw)
        : Number.NaN;
  if (!Number.isInteger(value)) {
    issues.push({
      type: 'int_parsing',
      loc: ['body', name],
      msg: 'Input should be a valid integer',
      input: raw,
    });
    return fallback;
  }
  return checkBounds(value, raw, ['body', name], issues, bounds) ?? fallback;
}

export function createHandlers({ baseUrl, db, securityKey }: HandlerOptions): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');

  /**
   * The auth dependency runs before parameter validation, as FastAPI's router dependency does.
   * The server strips a `Bearer ` prefix if there is one, so the raw key works too.
   */
  function authError(request: Request): Response | undefined {
    if (!securityKey) return undefined;
    const header = request.headers.get('Authorization');
    if (!header) return detail(401, 'Authorization header required');
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : header;
    if (token !== securityKey) return detail(401, 'Invalid authentication token');
    return undefined;
  }

  function resolveStore(query: URLSearchParams): TraceStore | Response {
    const dbId = textQuery(query, 'db_id');
    return db.store(dbId) ?? detail(404, `No database found with id '${dbId ?? ''}'`);
  }

  return [
    http.get(`${base}/health`, () => json({ status: 'ok' })),

    http.get(`${base}/config`, ({ request }) => authError(request) ?? json(db.config)),

    http.get(`${base}/traces`, ({ request }) => {
      const denied = authError(request);
      if (denied) return denied;
      const startedAt = performance.now();
      const query = new URL(request.url).searchParams;
      const issues: ValidationIssue[] = [];
      const keys: IdKey[] = [
        'run_id',
        'session_id',
        'user_id',
        'agent_id',
        'team_id',
        'workflow_id',
        'status',
      ];
      const traceQuery = readTraceQuery(query, keys);
      // page=0 is accepted (and answers page 1's rows with meta.page 0), as on the real server.
      const page = intQuery(query, 'page', 1, issues, { ge: 0 });
      const limit = intQuery(query, 'limit', 20, issues, { ge: 1 });
      if (issues.length > 0) return validationError(issues);
      if (traceQuery.badTime) {
        return detail(500, `Error retrieving traces: ${traceQuery.badTime}`);
      }
      const store = resolveStore(query);
      if (store instanceof Response) return store;
      const matched = filterEntries(store.entries, traceQuery);
      return json({
        data: paginate(matched, page, limit).map((e) => e.summary),
        meta: pageMeta(page, limit, matched.length, startedAt),
      });
    }),

    // Before /traces/:trace_id, which would otherwise take "filter-schema" for an id.
    http.get(
      `${base}/traces/filter-schema`,
      ({ request }) => authError(request) ?? json(FILTER_SCHEMA),
    ),

    http.post(`${base}/traces/search`, async ({ request }) => {
      const denied = authError(request);
      if (denied) return denied;
      const startedAt = performance.now();
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return validationError([
          {
            type: 'json_invalid',
            loc: ['body', 0],
            msg: 'JSON decode error',
            input: {},
            ctx: { error: 'Expecting value' },
          },
        ]);
      }
      if (!isRecord(body)) {
        return validationError([
          {
            type: 'model_attributes_type',
            loc: ['body'],
            msg: 'Input should be a valid dictionary or object to extract fields from',
            input: body,
          },
        ]);
      }
      const issues: ValidationIssue[] = [];
      const groupBy = body.group_by ?? 'run';
      if (groupBy !== 'run' && groupBy !== 'session') {
        issues.push({
          type: 'literal_error',
          loc: ['body', 'group_by'],
          msg: "Input should be 'run' or 'session'",
          input: groupBy,
          ctx: { expected: "'run' or 'session'" },
        });
      }
      const page = intBody(body, 'page', 1, issues, { ge: 1 });
      const limit = intBody(body, 'limit', 20, issues, { ge: 1, le: 100 });
      // `"filter": {}` is no filter at all: the server tests it with `if filter:`.
      const rawFilter =
        isRecord(body.filter) && Object.keys(body.filter).length === 0 ? null : body.filter;
      if (rawFilter !== undefined && rawFilter !== null && !isRecord(rawFilter)) {
        issues.push({
          type: 'dict_type',
          loc: ['body', 'filter'],
          msg: 'Input should be a valid dictionary',
          input: rawFilter,
        });
      }
      if (issues.length > 0) return validationError(issues);

      let filter: FilterExpr | null = null;
      try {
        filter =
          rawFilter === undefined || rawFilter === null ? null : parseFilterExpression(rawFilter);
      } catch (error) {
        if (error instanceof InvalidFilterExpressionError) return detail(400, error.message);
        throw error;
      }
      const store = resolveStore(new URL(request.url).searchParams);
      if (store instanceof Response) return store;
      const matched = filter
        ? store.entries.filter((e) => matchesFilter(filter, e.summary))
        : store.entries;
      if (groupBy === 'session') {
        const sessions = sessionStatsOf(matched);
        return json({
          data: paginate(sessions, page, limit),
          meta: pageMeta(page, limit, sessions.length, startedAt),
        });
      }
      return json({
        data: paginate(matched, page, limit).map((e) => e.detail),
        meta: pageMeta(page, limit, matched.length, startedAt),
      });
    }),

    http.get<{ trace_id: string }>(`${base}/traces/:trace_id`, ({ request, params }) => {
      const denied = authError(request);
      if (denied) return denied;
      const query = new URL(request.url).searchParams;
      const store = resolveStore(query);
      if (store instanceof Response) return store;
      const traceId = params.trace_id;
      const spanId = textQuery(query, 'span_id');
      if (spanId !== undefined) {
        // The server looks the span up first, in every trace, then checks where it belongs.
        const hit = store.findSpan(spanId);
        if (!hit) return detail(404, 'Span not found');
        if (hit.entry.detail.trace_id !== traceId) {
          return detail(404, `Span ${spanId} does not belong to trace ${traceId}`);
        }
        return json(spanAnswer(hit));
      }
      // agno 2.9.0 ignores `run_id` here: a run id in the path is just an unknown trace id.
      const entry = store.getTrace(traceId);
      return entry ? cachedJson(entry.detail) : detail(404, 'Trace not found');
    }),

    http.get(`${base}/trace_session_stats`, ({ request }) => {
      const denied = authError(request);
      if (denied) return denied;
      const startedAt = performance.now();
      const query = new URL(request.url).searchParams;
      const issues: ValidationIssue[] = [];
      const traceQuery = readTraceQuery(query, ['user_id', 'agent_id', 'team_id', 'workflow_id']);
      // Unlike GET /traces, page=0 is a 422 here (error-422-session-stats-page0.json).
      const page = intQuery(query, 'page', 1, issues, { ge: 1 });
      const limit = intQuery(query, 'limit', 20, issues, { ge: 1 });
      if (issues.length > 0) return validationError(issues);
      if (traceQuery.badTime) {
        // Measured on GET /traces only; this route is written the same way.
        return detail(500, `Error retrieving trace session stats: ${traceQuery.badTime}`);
      }
      const store = resolveStore(query);
      if (store instanceof Response) return store;
      const sessions = sessionStatsOf(filterEntries(store.entries, traceQuery));
      return json({
        data: paginate(sessions, page, limit),
        meta: pageMeta(page, limit, sessions.length, startedAt),
      });
    }),

    // Anything else under the base answers like FastAPI, rather than falling through to the
    // dev server's index.html in the browser demo.
    http.all(`${base}/*`, () => detail(404, 'Not Found')),
  ];
}
