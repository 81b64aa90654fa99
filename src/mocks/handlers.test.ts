import { describe, it, expect } from 'vitest';
import { getResponse } from 'msw';
import type { TraceDetail, TraceNode, TraceSessionStats, TraceSummary } from '../api/schemas';
import { FILTER_SCHEMA, parseIsoToUs } from './filterExpression';
import { generateDeepTrace } from './generateTrace';
import { createHandlers } from './handlers';
import { DEFAULT_NOW_MS, createMockDatabase } from './mockDatabase';

// The real server's answers to the same requests (src/mocks/recorded/real-agentos/INDEX.md).
const RECORDED = import.meta.glob<unknown>('./recorded/real-agentos/*.json', {
  eager: true,
  import: 'default',
});
function recorded(name: string): unknown {
  const body = RECORDED[`./recorded/real-agentos/${name}`];
  if (body === undefined) throw new Error(`No recorded answer ${name}`);
  return body;
}

const BASE = 'http://127.0.0.1:7787';
const db = createMockDatabase();
const handlers = createHandlers({ baseUrl: BASE, db });
const KEY = 's3cret';
const securedHandlers = createHandlers({ baseUrl: BASE, db, securityKey: KEY });

interface Page<T> {
  data: T[];
  meta: {
    page: number;
    limit: number;
    total_pages: number;
    total_count: number;
    search_time_ms: number;
  };
}

async function call(
  path: string,
  init?: RequestInit,
  list = handlers,
): Promise<{ status: number; body: unknown }> {
  const response = await getResponse(list, new Request(`${BASE}${path}`, init));
  if (!response) throw new Error(`No handler for ${path}`);
  return { status: response.status, body: await response.json() };
}

async function get<T>(path: string): Promise<T> {
  const { status, body } = await call(path);
  expect(status).toBe(200);
  return body as T;
}

function search(body: unknown, path = '/traces/search') {
  return call(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function isoMinutesAgo(minutes: number): string {
  return new Date(DEFAULT_NOW_MS - minutes * 60_000).toISOString();
}

/** A nested (non-root) span of the given trace. */
function someNestedSpan(trace: TraceDetail): TraceNode {
  const child = trace.tree[0]?.spans?.[0];
  if (!child) throw new Error('trace has no children');
  return child;
}

describe('GET /traces', () => {
  it('paginates the 95 traces: 5 pages of 20, the last with 15', async () => {
    const first = await get<Page<TraceSummary>>('/traces');
    expect(first.meta).toMatchObject({ page: 1, limit: 20, total_pages: 5, total_count: 95 });
    expect(first.meta.search_time_ms).toEqual(expect.any(Number));
    expect(first.data).toHaveLength(20);
    const last = await get<Page<TraceSummary>>('/traces?page=5&limit=20');
    expect(last.data).toHaveLength(15);
    expect((await get<Page<TraceSummary>>('/traces?page=6')).data).toHaveLength(0);
    expect((await get<Page<TraceSummary>>('/traces?limit=1000')).meta).toMatchObject({
      total_pages: 1,
      total_count: 95,
    });
  });

  it('answers summaries, newest first across pages', async () => {
    const pages = await Promise.all(
      [1, 2, 3, 4, 5].map((p) => get<Page<TraceSummary>>(`/traces?page=${p}`)),
    );
    const all = pages.flatMap((p) => p.data);
    expect(new Set(all.map((t) => t.trace_id)).size).toBe(95);
    const starts = all.map((t) => parseIsoToUs(t.start_time));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    for (const t of all) {
      expect(t).not.toHaveProperty('tree');
      expect(t).not.toHaveProperty('output');
      expect(t).not.toHaveProperty('error');
    }
  });

  it('narrows by exact-match filters', async () => {
    const errors = await get<Page<TraceSummary>>('/traces?status=ERROR&limit=100');
    expect(errors.meta.total_count).toBe(10);
    expect(errors.data.every((t) => t.status === 'ERROR')).toBe(true);

    const agent = await get<Page<TraceSummary>>('/traces?agent_id=stock_agent&limit=100');
    expect(agent.meta.total_count).toBeGreaterThan(0);
    expect(agent.data.every((t) => t.agent_id === 'stock_agent')).toBe(true);

    const sample = errors.data.find((t) => t.run_id !== undefined) as TraceSummary;
    const bySession = await get<Page<TraceSummary>>(
      `/traces?session_id=${sample.session_id ?? ''}&limit=100`,
    );
    expect(bySession.data.every((t) => t.session_id === sample.session_id)).toBe(true);
    const byRun = await get<Page<TraceSummary>>(`/traces?run_id=${sample.run_id ?? ''}`);
    expect(byRun.data.map((t) => t.trace_id)).toEqual([sample.trace_id]);

    const both = await get<Page<TraceSummary>>(
      '/traces?status=OK&user_id=ana@example.com&limit=100',
    );
    expect(both.data.every((t) => t.status === 'OK' && t.user_id === 'ana@example.com')).toBe(true);
    expect(both.meta.total_count).toBeLessThan(95);
  });

  it('has traces in the last 15 minutes and the last hour, and honours both time bounds', async () => {
    const quarter = await get<Page<TraceSummary>>(`/traces?start_time=${isoMinutesAgo(15)}`);
    const hour = await get<Page<TraceSummary>>(`/traces?start_time=${isoMinutesAgo(60)}`);
    expect(quarter.meta.total_count).toBeGreaterThan(0);
    expect(hour.meta.total_count).toBeGreaterThan(quarter.meta.total_count);
    const bound = parseIsoToUs(isoMinutesAgo(60));
    expect(hour.data.every((t) => parseIsoToUs(t.start_time) >= bound)).toBe(true);

    // The same instant written at +05:30 gives the same answer.
    const shifted = new Date(DEFAULT_NOW_MS - 60 * 60_000 + 5.5 * 3_600_000)
      .toISOString()
      .replace('Z', '+05:30');
    const hourShifted = await get<Page<TraceSummary>>(
      `/traces?start_time=${encodeURIComponent(shifted)}`,
    );
    expect(hourShifted.meta.total_count).toBe(hour.meta.total_count);

    const older = await get<Page<TraceSummary>>(`/traces?end_time=${isoMinutesAgo(60)}&limit=100`);
    expect(older.data.every((t) => parseIsoToUs(t.end_time) <= bound)).toBe(true);
    expect(older.meta.total_count + hour.meta.total_count).toBeLessThanOrEqual(95);
  });

  it('answers 422 with the FastAPI array detail for bad parameters', async () => {
    const zero = await call('/traces?limit=0');
    expect(zero.status).toBe(422);
    expect(zero.body).toEqual({
      detail: [
        {
          type: 'greater_than_equal',
          loc: ['query', 'limit'],
          msg: 'Input should be greater than or equal to 1',
          input: '0',
          ctx: { ge: 1 },
        },
      ],
    });
    expect(await call('/traces?limit=0')).toEqual({
      status: 422,
      body: recorded('error-422-limit0.json'),
    });
    expect(await call('/traces?page=two')).toEqual({
      status: 422,
      body: recorded('error-422-page-string.json'),
    });
    const bad = await call('/traces?page=-1&limit=abc&start_time=yesterday');
    expect(bad.status).toBe(422);
    const locs = (bad.body as { detail: { loc: string[] }[] }).detail.map((d) => d.loc.join('.'));
    expect(locs.sort()).toEqual(['query.limit', 'query.page']);
  });

  it('answers page=0 with the first rows and meta.page 0, as the real server does', async () => {
    const zero = await get<Page<TraceSummary>>('/traces?page=0&limit=2');
    const first = await get<Page<TraceSummary>>('/traces?page=1&limit=2');
    expect(zero.meta).toMatchObject({ page: 0, limit: 2, total_pages: first.meta.total_pages });
    expect(zero.data).toEqual(first.data);
    const real = recorded('traces-page0.json') as Page<TraceSummary>;
    expect(real.meta.page).toBe(0);
  });

  it("answers a start_time it cannot parse with the server's 500, and accepts one with no zone", async () => {
    expect(await call('/traces?start_time=yesterday')).toEqual({
      status: 500,
      body: recorded('error-500-start-time-garbage.json'),
    });
    const noZone = await call('/traces?start_time=2025-11-19T10:00:00');
    expect(noZone.status).toBe(200);
  });

  it('reads another database by db_id, and 404s an unknown one', async () => {
    const staging = await get<Page<TraceSummary>>('/traces?db_id=staging-traces');
    expect(staging.meta.total_count).toBe(12);
    const unknown = await call('/traces?db_id=nope');
    expect(unknown).toEqual({ status: 404, body: { detail: "No database found with id 'nope'" } });
  });
});

describe('GET /traces/{trace_id}', () => {
  const trace = db.list()[3] as TraceDetail;

  it('answers the TraceDetail with its tree, or 404', async () => {
    const detail = await get<TraceDetail>(`/traces/${trace.trace_id}`);
    expect(detail).toEqual(trace);
    expect(await call('/traces/0000')).toEqual({
      status: 404,
      body: { detail: 'Trace not found' },
    });
  });

  it('ignores run_id: a run id is not a trace id (404)', async () => {
    const byRun = await call(`/traces/ignored?run_id=${trace.run_id ?? ''}`);
    expect(byRun).toEqual({ status: 404, body: recorded('error-404-trace-by-run-id.json') });
    const withBoth = await get<TraceDetail>(`/traces/${trace.trace_id}?run_id=nonsense`);
    expect(withBoth.trace_id).toBe(trace.trace_id);
  });

  it('answers one span without its children', async () => {
    const span = someNestedSpan(trace);
    const answer = await get<TraceNode>(`/traces/${trace.trace_id}?span_id=${span.id}`);
    const { spans: _spans, ...expected } = span;
    expect(answer).toEqual(expected);
    expect(answer).not.toHaveProperty('spans');
  });

  it('shows a root span with its own input and metadata, as the server does', async () => {
    const root = trace.tree[0] as TraceNode;
    const answer = await get<TraceNode>(`/traces/${trace.trace_id}?span_id=${root.id}`);
    expect(answer).not.toHaveProperty('spans');
    expect(answer.input).toBe(trace.input);
    expect(answer.metadata).not.toHaveProperty('total_input_tokens');
  });

  it('404s a span that does not exist or belongs to another trace', async () => {
    expect(await call(`/traces/${trace.trace_id}?span_id=ffffffffffffffff`)).toEqual({
      status: 404,
      body: { detail: 'Span not found' },
    });
    const other = db.list()[10] as TraceDetail;
    const span = someNestedSpan(other);
    expect(await call(`/traces/${trace.trace_id}?span_id=${span.id}`)).toEqual({
      status: 404,
      body: { detail: `Span ${span.id} does not belong to trace ${trace.trace_id}` },
    });
  });

  it('finds spans in a 10,000-level trace', async () => {
    const deep = generateDeepTrace({
      seed: 4,
      depth: 10_000,
      startMs: DEFAULT_NOW_MS - 3_600_000,
      traceId: 'deep',
    });
    const deepDb = createMockDatabase({ traceCount: 3, largeTraceSpans: 0, extraTraces: [deep] });
    const deepHandlers = createHandlers({ baseUrl: BASE, db: deepDb });
    let leaf = deep.tree[0] as TraceNode;
    while (leaf.spans?.[0]) leaf = leaf.spans[0];
    const span = await call(`/traces/deep?span_id=${leaf.id}`, undefined, deepHandlers);
    expect(span.status).toBe(200);
    expect((span.body as TraceNode).id).toBe(leaf.id);
    const whole = await call('/traces/deep', undefined, deepHandlers);
    expect(whole.status).toBe(200);
  });
});

describe('authentication', () => {
  it('needs a bearer token when a key is set, but not for /health', async () => {
    expect(await call('/traces', undefined, securedHandlers)).toEqual({
      status: 401,
      body: { detail: 'Authorization header required' },
    });
    expect(
      await call('/traces', { headers: { Authorization: 'Bearer wrong' } }, securedHandlers),
    ).toEqual({
      status: 401,
      body: { detail: 'Invalid authentication token' },
    });
    const ok = await call(
      '/traces?limit=0',
      { headers: { Authorization: `Bearer ${KEY}` } },
      securedHandlers,
    );
    expect(ok.status).toBe(422); // authenticated, then validated
    expect(
      (await call('/config', { headers: { Authorization: `Bearer ${KEY}` } }, securedHandlers))
        .status,
    ).toBe(200);
    expect(await call('/health', undefined, securedHandlers)).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
  });

  it('accepts the raw key without a Bearer prefix, and refuses another scheme', async () => {
    expect(
      (await call('/traces', { headers: { Authorization: KEY } }, securedHandlers)).status,
    ).toBe(200);
    expect(
      await call('/traces', { headers: { Authorization: 'Basic Zm9vOmJhcg==' } }, securedHandlers),
    ).toEqual({ status: 401, body: recorded('error-401-basic-scheme.json') });
    expect(await call('/config', undefined, securedHandlers)).toEqual({
      status: 401,
      body: recorded('error-401-config.json'),
    });
  });

  it('ignores the header when no key is set', async () => {
    expect((await call('/traces', { headers: { Authorization: 'Bearer whatever' } })).status).toBe(
      200,
    );
  });
});

describe('GET /traces/filter-schema', () => {
  it('answers the schema, not a trace lookup', async () => {
    expect(await get('/traces/filter-schema')).toEqual(FILTER_SCHEMA);
  });
});

describe('POST /traces/search', () => {
  it('answers whole TraceDetails for group_by run, with the same envelope', async () => {
    const { status, body } = await search({
      filter: {
        op: 'AND',
        conditions: [
          { op: 'EQ', key: 'status', value: 'ERROR' },
          { op: 'IN', key: 'agent_id', values: ['stock_agent', 'research_agent', 'support_agent'] },
        ],
      },
      group_by: 'run',
      page: 1,
      limit: 100,
    });
    expect(status).toBe(200);
    const page = body as Page<TraceDetail>;
    const expected = db
      .list()
      .filter(
        (t) =>
          t.status === 'ERROR' &&
          ['stock_agent', 'research_agent', 'support_agent'].includes(t.agent_id ?? ''),
      );
    expect(page.data.map((t) => t.trace_id)).toEqual(expected.map((t) => t.trace_id));
    expect(page.meta.total_count).toBe(expected.length);
    expect(page.data.every((t) => Array.isArray(t.tree))).toBe(true);
  });

  it('supports OR and NOT, and defaults to all traces without a filter', async () => {
    const or = (
      await search({
        filter: {
          op: 'OR',
          conditions: [
            { op: 'STARTSWITH', key: 'name', value: 'research' },
            { op: 'EQ', key: 'team_id', value: 'finance-team' },
          ],
        },
        group_by: 'run',
        page: 1,
        limit: 100,
      })
    ).body as Page<TraceDetail>;
    expect(or.meta.total_count).toBeGreaterThan(0);
    expect(
      or.data.every(
        (t) => t.name.toLowerCase().startsWith('research') || t.team_id === 'finance-team',
      ),
    ).toBe(true);

    const not = (
      await search({
        filter: { op: 'NOT', condition: { op: 'EQ', key: 'status', value: 'OK' } },
        group_by: 'run',
        page: 1,
        limit: 100,
      })
    ).body as Page<TraceDetail>;
    expect(not.data.every((t) => t.status !== 'OK')).toBe(true);

    const all = (await search({ filter: null, group_by: 'run', page: 2, limit: 50 }))
      .body as Page<TraceDetail>;
    expect(all.meta).toMatchObject({ page: 2, limit: 50, total_pages: 2, total_count: 95 });
    expect(all.data).toHaveLength(45);
  });

  it('answers session stats for group_by session', async () => {
    const { body } = await search({
      filter: { op: 'EQ', key: 'user_id', value: 'ana@example.com' },
      group_by: 'session',
      page: 1,
      limit: 20,
    });
    const page = body as Page<TraceSessionStats>;
    expect(page.meta.total_count).toBeGreaterThan(0);
    expect(page.data.every((s) => s.user_id === 'ana@example.com' && s.total_traces > 0)).toBe(
      true,
    );
  });

  it('answers 400 for a malformed filter and 422 for a bad body', async () => {
    expect(
      await search({ filter: { op: 'IN', key: 'status' }, group_by: 'run', page: 1, limit: 20 }),
    ).toEqual({
      status: 400,
      body: {
        detail:
          "Invalid filter expression: IN filter requires 'key' and 'values' fields. Got: {'op': 'IN', 'key': 'status'}",
      },
    });
    const tooMany = await search({ filter: null, group_by: 'run', page: 1, limit: 101 });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body).toMatchObject({
      detail: [{ type: 'less_than_equal', loc: ['body', 'limit'] }],
    });
    expect((await search({ group_by: 'trace', limit: 0 })).status).toBe(422);
    const notJson = await call('/traces/search', { method: 'POST', body: '{oops' });
    expect(notJson.status).toBe(422);
    expect(await search({ filter: { op: 'BOGUS', key: 'status', value: 'OK' } })).toEqual({
      status: 400,
      body: recorded('error-400-search-bad-op.json'),
    });
    expect(await search({ filter: { op: 'AND', clauses: [] } })).toEqual({
      status: 400,
      body: recorded('error-400-search-and-without-conditions.json'),
    });
  });

  it('answers an unknown key with an empty page, and an empty filter with everything', async () => {
    const unknown = await search({
      filter: { op: 'EQ', key: 'no_such_field', value: 'x' },
      group_by: 'session',
    });
    expect(unknown.status).toBe(200);
    expect((unknown.body as Page<TraceSessionStats>).data).toEqual([]);
    expect((recorded('search-unknown-key.json') as Page<unknown>).data).toEqual([]);
    const empty = await search({ filter: {}, group_by: 'run', limit: 1 });
    expect(empty.status).toBe(200);
    expect((empty.body as Page<TraceDetail>).meta.total_count).toBe(db.list().length);
  });
});

describe('GET /trace_session_stats', () => {
  it('groups traces by session, newest activity first', async () => {
    const page = await get<Page<TraceSessionStats>>('/trace_session_stats?limit=100');
    expect(page.meta.total_count).toBe(25);
    expect(page.data.reduce((n, s) => n + s.total_traces, 0)).toBe(90);
    const last = page.data.map((s) => parseIsoToUs(s.last_trace_at));
    expect(last).toEqual([...last].sort((a, b) => b - a));
    for (const s of page.data) {
      expect(parseIsoToUs(s.first_trace_at)).toBeLessThanOrEqual(parseIsoToUs(s.last_trace_at));
      expect([s.agent_id, s.team_id, s.workflow_id].filter(Boolean)).toHaveLength(1);
    }
    expect(await call('/trace_session_stats?page=0')).toEqual({
      status: 422,
      body: recorded('error-422-session-stats-page0.json'),
    });
    const paged = await get<Page<TraceSessionStats>>('/trace_session_stats?page=2&limit=10');
    expect(paged.meta).toMatchObject({ page: 2, total_pages: 3 });
    expect(paged.data).toHaveLength(10);
  });

  it('filters by user and entity', async () => {
    const page = await get<Page<TraceSessionStats>>(
      '/trace_session_stats?user_id=li.wei@example.com',
    );
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((s) => s.user_id === 'li.wei@example.com')).toBe(true);
    const teams = await get<Page<TraceSessionStats>>(
      '/trace_session_stats?team_id=research-team&limit=100',
    );
    expect(teams.data.every((s) => s.team_id === 'research-team')).toBe(true);
  });
});

describe('GET /config and /health', () => {
  it('lists the databases, agents, teams and workflows', async () => {
    const config = await get<typeof db.config>('/config');
    const dbIds = ['agno-traces', 'staging-traces', 'recorded-agentos', 'hostile-traces'];
    expect(config.databases).toEqual(dbIds);
    expect(config.os_database).toBe('agno-traces');
    expect(config.traces?.dbs?.map((d) => d.db_id)).toEqual(dbIds);
    expect(config.agents?.map((a) => a.id)).toContain('stock_agent');
    expect(config.teams?.map((t) => t.id)).toContain('research-team');
    expect(config.workflows?.map((w) => w.id)).toContain('content-pipeline');
    expect(await get('/health')).toEqual({ status: 'ok' });
  });
});

describe('base URLs', () => {
  it('serves under a path and leaves other origins alone', async () => {
    const demo = createHandlers({ baseUrl: 'http://localhost:3000/demo-api/', db });
    const inside = await getResponse(
      demo,
      new Request('http://localhost:3000/demo-api/traces?limit=1'),
    );
    expect(inside?.status).toBe(200);
    const unknownPath = await getResponse(
      demo,
      new Request('http://localhost:3000/demo-api/agents'),
    );
    expect(unknownPath?.status).toBe(404);
    expect(await getResponse(demo, new Request('http://localhost:7777/traces'))).toBeUndefined();
    expect(await getResponse(demo, new Request('http://localhost:3000/traces'))).toBeUndefined();
  });
});
