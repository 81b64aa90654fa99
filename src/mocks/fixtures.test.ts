import { describe, it, expect } from 'vitest';
import { getResponse } from 'msw';
import { parseTraceDetail, parseTraceNode } from '../api/parse';
import {
  configResponseSchema,
  errorBodySchema,
  filterSchemaResponseSchema,
  paginatedSchema,
  sessionStatsResponseSchema,
  traceDetailFieldsSchema,
  traceListResponseSchema,
} from '../api/schemas';
import type { TraceDetail, TraceNode } from '../api/schemas';
import { parseIsoToUs } from './filterExpression';
import { formatWireDuration, generateTrace } from './generateTrace';
import { RECORDED_DB_ID } from './recordedTraces';
import { createHandlers } from './handlers';
import { HOSTILE_DB_ID, createMockDatabase } from './mockDatabase';

/*
 * One place that parses every fixture with the app's own schemas, so the mocks cannot drift
 * from the API: the real server's recorded answers, and everything the mock server sends.
 */

// The real AgentOS's answers, copied from ../shared/examples/real-agentos into the repository
// (src/mocks/recorded/README.md), so this test never depends on a directory beside the clone.
// Their schemas are checked in realAgentos.test.ts; here, the mocks' duration text against them.
const RECORDED = import.meta.glob<unknown>('./recorded/real-agentos/*.json', {
  eager: true,
  import: 'default',
});
const recorded = new Map(
  Object.entries(RECORDED).map(([file, json]) => [file.slice(file.lastIndexOf('/') + 1), json]),
);

function nodesOf(roots: TraceNode[]): TraceNode[] {
  const out: TraceNode[] = [];
  const stack = [...roots];
  for (let node = stack.pop(); node; node = stack.pop()) {
    out.push(node);
    for (const child of node.spans ?? []) stack.push(child);
  }
  return out;
}

/**
 * The server's duration text agrees with the timestamps: truncated ms, then 2 decimals; a root
 * under a second gets float text ("590.9845232963562ms"), within a millisecond of them.
 *
 * The real server truncates its nanosecond difference while its timestamps are rounded to the
 * microsecond, so with `fromNanoseconds` a difference landing on a whole millisecond may also be
 * written one lower (trace-agent-tool-error.json: 13.000 ms apart, "12ms").
 */
function expectDurationsMatchTimes(nodes: TraceNode[], fromNanoseconds = false): void {
  for (const node of nodes) {
    const us = parseIsoToUs(node.end_time) - parseIsoToUs(node.start_time);
    if (/^\d+\.\d+ms$/.test(node.duration)) {
      expect(Math.abs(parseFloat(node.duration) - us / 1000), node.id).toBeLessThan(1);
    } else if (fromNanoseconds && node.duration !== formatWireDuration(us)) {
      expect(node.duration, node.id).toBe(formatWireDuration(us - 1));
    } else {
      expect(node.duration, node.id).toBe(formatWireDuration(us));
    }
  }
}

describe('recorded answers of the real AgentOS (src/mocks/recorded/real-agentos)', () => {
  // Each recorded trace and span, with the number of spans it holds.
  const SPANS_PER_FILE: [string, number][] = [
    ['span-llm.json', 1],
    ['span-tool-error.json', 1],
    ['trace-agent-async-stream.json', 4],
    ['trace-agent-model-error.json', 2],
    ['trace-agent-tool-error.json', 6],
    ['trace-team-delegation.json', 15],
    ['trace-workflow-error.json', 13],
    ['trace-workflow-loop.json', 16],
  ];

  it('are in the repository: 44 answers, the 8 traces and spans among them', () => {
    expect(recorded.size).toBe(44);
    const spansAndTraces = [...recorded.keys()].filter(
      (name) => /^(span|trace)-/.test(name) && name !== 'trace-session-stats.json',
    );
    expect(spansAndTraces.sort()).toEqual(SPANS_PER_FILE.map(([name]) => name));
  });

  it.each(SPANS_PER_FILE)(
    '%s (%i spans): each duration is written as the mocks write it',
    (name, spanCount) => {
      const json = recorded.get(name);
      const nodes = name.startsWith('span-')
        ? [parseTraceNode(json, name)]
        : nodesOf(parseTraceDetail(json, name).tree);
      expect(nodes).toHaveLength(spanCount);
      expectDurationsMatchTimes(nodes, true);
    },
  );
});

describe('mock server answers', () => {
  const BASE = 'http://mock.test';
  const db = createMockDatabase();
  const handlers = createHandlers({ baseUrl: BASE, db, securityKey: 'key' });
  const auth = { Authorization: 'Bearer key' };

  async function answer(
    path: string,
    init: RequestInit = {},
  ): Promise<{ status: number; json: unknown }> {
    const headers = { ...auth, ...(init.headers as Record<string, string> | undefined) };
    const response = await getResponse(
      handlers,
      new Request(`${BASE}${path}`, { ...init, headers }),
    );
    if (!response) throw new Error(`No handler for ${path}`);
    return { status: response.status, json: await response.json() };
  }

  it('every trace of every database validates as a TraceDetail', async () => {
    for (const dbId of db.dbIds) {
      const store = db.store(dbId);
      expect(store?.entries.length).toBeGreaterThan(0);
      for (const entry of store?.entries ?? []) {
        const traceId = encodeURIComponent(entry.summary.trace_id);
        const { status, json } = await answer(`/traces/${traceId}?db_id=${dbId}`);
        expect(status).toBe(200);
        const trace = parseTraceDetail(json);
        // The hostile database breaks the duration rule on purpose (negative, text payloads).
        // The recorded traces are the real server's own text, which rounds differently.
        if (dbId !== HOSTILE_DB_ID && dbId !== RECORDED_DB_ID) {
          expectDurationsMatchTimes(nodesOf(trace.tree));
        }
      }
    }
  }, 20_000);

  it('list pages, session stats, config and the filter schema validate', async () => {
    for (const path of [
      '/traces',
      '/traces?page=5',
      '/traces?db_id=staging-traces',
      '/traces?status=ERROR&limit=3',
    ]) {
      traceListResponseSchema.parse((await answer(path)).json);
    }
    for (const path of [
      '/trace_session_stats',
      '/trace_session_stats?page=2&limit=5&user_id=ana@example.com',
    ]) {
      sessionStatsResponseSchema.parse((await answer(path)).json);
    }
    configResponseSchema.parse((await answer('/config')).json);
    filterSchemaResponseSchema.parse((await answer('/traces/filter-schema')).json);
  });

  it('single-span answers validate as TraceNodes without children', async () => {
    for (const trace of db.list().slice(0, 10)) {
      const spans = nodesOf(trace.tree);
      for (const span of [spans[0], spans[1], spans[spans.length - 1]]) {
        if (!span) continue;
        const { status, json } = await answer(`/traces/${trace.trace_id}?span_id=${span.id}`);
        expect(status).toBe(200);
        const node = parseTraceNode(json);
        expect(node.id).toBe(span.id);
        expect(node).not.toHaveProperty('spans');
      }
    }
  });

  it('search pages validate for both groupings', async () => {
    const post = (body: unknown) =>
      answer('/traces/search', { method: 'POST', body: JSON.stringify(body) });
    const runs = await post({
      filter: { op: 'EQ', key: 'status', value: 'ERROR' },
      group_by: 'run',
      page: 1,
      limit: 5,
    });
    const page = paginatedSchema(traceDetailFieldsSchema).parse(runs.json);
    for (const trace of page.data) parseTraceDetail(trace);
    const sessions = await post({ filter: null, group_by: 'session', page: 1, limit: 5 });
    sessionStatsResponseSchema.parse(sessions.json);
  });

  it('error bodies validate', async () => {
    const plain = (path: string, headers: Record<string, string>) =>
      getResponse(handlers, new Request(`${BASE}${path}`, { headers }));
    const unauthenticated = [
      await plain('/traces', {}),
      await plain('/traces', { Authorization: 'Bearer no' }),
    ];
    for (const response of unauthenticated) {
      expect(response?.status).toBe(401);
      errorBodySchema.parse(await response?.json());
    }
    const failures = [
      await answer('/traces?limit=0'),
      await answer('/traces/nope'),
      await answer('/traces/nope?span_id=nope'),
      await answer('/traces?db_id=nope'),
      await answer('/traces/search', {
        method: 'POST',
        body: JSON.stringify({ filter: { op: 'IN', key: 'status' } }),
      }),
    ];
    expect(failures.map((f) => f.status)).toEqual([422, 404, 404, 404, 400]);
    for (const failure of failures) errorBodySchema.parse(failure.json);
  });

  it('a benchmark-sized trace validates after a JSON round trip', async () => {
    const big: TraceDetail = generateTrace({
      seed: 10,
      spanCount: 10_000,
      startMs: Date.UTC(2025, 10, 18),
      traceId: 'bench-10000',
    });
    const bigDb = createMockDatabase({ traceCount: 2, largeTraceSpans: 0, extraTraces: [big] });
    const response = await getResponse(
      createHandlers({ baseUrl: BASE, db: bigDb }),
      new Request(`${BASE}/traces/bench-10000`),
    );
    const trace = parseTraceDetail(await response?.json());
    expect(nodesOf(trace.tree)).toHaveLength(10_000);
  });
});
