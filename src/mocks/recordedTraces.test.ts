import { describe, expect, it } from 'vitest';
import { getResponse } from 'msw';
import { parseTraceDetail } from '../api/parse';
import type { TraceDetail, TraceNode, TraceSessionStats, TraceSummary } from '../api/schemas';
import { createHandlers } from './handlers';
import { createMockDatabase } from './mockDatabase';
import { DERIVED_ARUN_TRACE_ID, RECORDED_DB_ID } from './recordedTraces';
import spanLlm from './recorded/real-agentos/span-llm.json';
import spanToolError from './recorded/real-agentos/span-tool-error.json';
import spanOtherTrace from './recorded/real-agentos/error-404-span-other-trace.json';
import teamDelegation from './recorded/real-agentos/trace-team-delegation.json';
import workflowError from './recorded/real-agentos/trace-workflow-error.json';

const BASE = 'http://127.0.0.1:7787';
const handlers = createHandlers({ baseUrl: BASE, db: createMockDatabase({ traceCount: 10 }) });

async function call(path: string): Promise<{ status: number; body: unknown }> {
  const separator = path.includes('?') ? '&' : '?';
  const url = `${BASE}${path}${separator}db_id=${RECORDED_DB_ID}`;
  const response = await getResponse(handlers, new Request(url));
  if (!response) throw new Error(`No handler for ${path}`);
  return { status: response.status, body: await response.json() };
}

async function get<T>(path: string): Promise<T> {
  const { status, body } = await call(path);
  expect(status).toBe(200);
  return body as T;
}

interface Page<T> {
  data: T[];
  meta: { total_count: number };
}

function nodes(roots: TraceNode[]): TraceNode[] {
  const out: TraceNode[] = [];
  const stack = [...roots];
  for (let node = stack.pop(); node; node = stack.pop()) {
    out.push(node);
    stack.push(...(node.spans ?? []));
  }
  return out;
}

describe('the recorded database (real AgentOS answers)', () => {
  it('is listed in /config with its name', async () => {
    const config = await get<{ traces: { dbs: { db_id: string; domain_config: unknown }[] } }>(
      '/config',
    );
    expect(config.traces.dbs).toContainEqual(
      expect.objectContaining({
        db_id: RECORDED_DB_ID,
        domain_config: { display_name: 'Recorded: real AgentOS (agno 2.9.0)' },
      }),
    );
  });

  it('lists the 8 recorded traces and the derived one, newest first', async () => {
    const page = await get<Page<TraceSummary>>('/traces?limit=100');
    expect(page.meta.total_count).toBe(9);
    expect(page.data.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'Support_Agent.run',
        'Research_Team.run',
        'Research_Team.arun',
        'AwsBedrock.invoke',
        'Nightly_ETL.run',
        'Stock_Price_Agent.arun',
      ]),
    );
    for (const summary of page.data) {
      expect(summary).not.toHaveProperty('tree');
      expect(summary).not.toHaveProperty('output');
    }
  });

  it('serves each recorded trace exactly as the real server sent it', async () => {
    expect(await get(`/traces/${teamDelegation.trace_id}`)).toEqual(teamDelegation);
    expect(await get(`/traces/${workflowError.trace_id}`)).toEqual(workflowError);
  });

  it('looks spans up like the real server', async () => {
    expect(await get('/traces/44499f90eea1c19da8c105c689773670?span_id=d4ee654fc39a6bda')).toEqual(
      spanLlm,
    );
    expect(await get('/traces/44499f90eea1c19da8c105c689773670?span_id=29685ec4cd895503')).toEqual(
      spanToolError,
    );
    expect(await call(`/traces/${teamDelegation.trace_id}?span_id=d4ee654fc39a6bda`)).toEqual({
      status: 404,
      body: spanOtherTrace,
    });
  });

  it('filters and groups the recorded traces', async () => {
    const team = await get<Page<TraceSummary>>('/traces?team_id=research-team');
    expect(team.data.map((t) => t.name).sort()).toEqual([
      'Research_Team.arun',
      'Research_Team.run',
    ]);
    const errors = await get<Page<TraceSummary>>('/traces?status=ERROR');
    expect(errors.data.map((t) => t.trace_id)).toEqual([workflowError.trace_id]);
    const sessions = await get<Page<TraceSessionStats>>('/trace_session_stats?limit=100');
    expect(sessions.data.find((s) => s.session_id === 'sess-alice-research')?.total_traces).toBe(2);
  });

  it('derives one .arun copy of the team run, marked by its own ids', async () => {
    const derived = await get<TraceDetail>(`/traces/${DERIVED_ARUN_TRACE_ID}`);
    expect(() => parseTraceDetail(derived)).not.toThrow();
    expect(derived.name).toBe('Research_Team.arun');
    const names = nodes(derived.tree).map((n) => n.name);
    expect(names).toEqual(
      expect.arrayContaining(['AwsBedrock.ainvoke', 'Researcher.arun', 'Writer.arun']),
    );
    expect(names.some((n) => /\.(run|invoke)$/.test(n))).toBe(false);

    const original = nodes(teamDelegation.tree);
    const copy = nodes(derived.tree);
    expect(copy).toHaveLength(original.length);
    const originalIds = new Set(original.map((n) => n.id));
    expect(copy.some((n) => originalIds.has(n.id))).toBe(false);
    expect(derived.run_id).not.toBe(teamDelegation.run_id);
    expect(derived.start_time).not.toBe(teamDelegation.start_time);
    expect(derived.start_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    // Same run, a little slower: 1.54s recorded.
    expect(derived.duration).toMatch(/^1\.(6|7)\ds$/);
  });
});
