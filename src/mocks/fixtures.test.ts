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
 * from the API: the shared examples of real answers, and everything the mock server sends.
 */

// `../shared/examples` sits beside the repository: there in CI, maybe absent in a user's
// clone. A Vite glob (not node:fs) keeps this file in the browser-typed app project.
const SHARED_EXAMPLES = import.meta.glob<unknown>('../../../shared/examples/*.json', {
  eager: true,
  import: 'default',
});
const sharedFiles = Object.entries(SHARED_EXAMPLES).map(
  ([file, json]) => [file.slice(file.lastIndexOf('/') + 1), json] as const,
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
 */
function expectDurationsMatchTimes(nodes: TraceNode[]): void {
  for (const node of nodes) {
    const us = parseIsoToUs(node.end_time) - parseIsoToUs(node.start_time);
    if (/^\d+\.\d+ms$/.test(node.duration)) {
      expect(Math.abs(parseFloat(node.duration) - us / 1000), node.id).toBeLessThan(1);
    } else {
      expect(node.duration, node.id).toBe(formatWireDuration(us));
    }
  }
}

function validateSharedExample(name: string, json: unknown): void {
  if (name === 'errors.json') {
    for (const body of Object.values(json as Record<string, unknown>)) errorBodySchema.parse(body);
  } else if (name.startsWith('traces-page')) {
    traceListResponseSchema.parse(json);
  } else if (name.startsWith('span-')) {
    expectDurationsMatchTimes([parseTraceNode(json)]);
  } else if (name.startsWith('trace-')) {
    expectDurationsMatchTimes(nodesOf(parseTraceDetail(json).tree));
  } else {
    throw new Error(`No schema is known for the shared example ${name}: add one to this test`);
  }
}

describe('shared examples (../shared/examples)', () => {
  if (sharedFiles.length === 0) {
    it.skip('skipped: ../shared/examples is absent in this checkout', () => {});
  }
  for (const [name, json] of sharedFiles) {
    it(`${name} validates with the app schemas`, () => {
      validateSharedExample(name, json);
    });
  }
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
