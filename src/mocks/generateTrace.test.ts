import { describe, it, expect } from 'vitest';
import { parseTraceDetail } from '../api/parse';
import type { TraceDetail, TraceNode } from '../api/schemas';
import { parseIsoToUs } from './filterExpression';
import {
  formatWireDuration,
  formatWireTime,
  generateDeepTrace,
  generateTrace,
} from './generateTrace';
import type { TraceKind } from './generateTrace';
import { toJsonText } from './handlers';

const START_MS = Date.UTC(2025, 10, 19, 10, 30);
const KINDS: TraceKind[] = ['agent', 'team', 'workflow'];

interface Visit {
  node: TraceNode;
  parent: TraceNode | undefined;
  isRoot: boolean;
}

/** Every node with its parent, iteratively (trees go 10,000 levels deep). */
function walk(trace: TraceDetail): Visit[] {
  const out: Visit[] = [];
  const stack: Visit[] = trace.tree.map((node) => ({ node, parent: undefined, isRoot: true }));
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    out.push(visit);
    for (const child of visit.node.spans ?? []) {
      stack.push({ node: child, parent: visit.node, isRoot: false });
    }
  }
  return out;
}

function sampleTraces(): TraceDetail[] {
  const traces: TraceDetail[] = [];
  for (let seed = 1; seed <= 40; seed++) {
    const kind = KINDS[seed % 3];
    traces.push(
      generateTrace({ seed, kind, startMs: START_MS + seed * 60_000, error: seed % 4 === 0 }),
    );
  }
  return traces;
}

const DURATION = /^(\d+ms|\d+\.\d{2}s)$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?(\+00:00|Z)$/;

describe('generateTrace', () => {
  it('is deterministic: the same options give the same trace', () => {
    for (const kind of KINDS) {
      const a = generateTrace({ seed: 7, kind, startMs: START_MS, spanCount: 300 });
      const b = generateTrace({ seed: 7, kind, startMs: START_MS, spanCount: 300 });
      expect(toJsonText(a)).toBe(toJsonText(b));
    }
    const other = generateTrace({ seed: 8, kind: 'agent', startMs: START_MS, spanCount: 300 });
    expect(toJsonText(other)).not.toBe(
      toJsonText(generateTrace({ seed: 7, kind: 'agent', startMs: START_MS, spanCount: 300 })),
    );
  });

  it('makes exactly spanCount nodes, for every kind and with errors', () => {
    for (const spanCount of [1, 2, 3, 7, 50, 777]) {
      for (const kind of KINDS) {
        for (const error of [false, true]) {
          const trace = generateTrace({
            seed: spanCount,
            kind,
            spanCount,
            startMs: START_MS,
            error,
          });
          expect(walk(trace)).toHaveLength(spanCount);
        }
      }
    }
  });

  it('makes a 100,000-span trace quickly, with a realistic depth', () => {
    const started = performance.now();
    const trace = generateTrace({ seed: 1, spanCount: 100_000, startMs: START_MS });
    const elapsed = performance.now() - started;
    const visits = walk(trace);
    expect(visits).toHaveLength(100_000);
    expect(trace.total_spans).toBe(100_000);
    // Generous for slow CI machines; locally about one second.
    expect(elapsed).toBeLessThan(10_000);

    const depth = new Map<TraceNode, number>();
    let maxDepth = 0;
    for (const { node, parent } of visits) {
      const d = parent ? (depth.get(parent) ?? 0) + 1 : 1;
      depth.set(node, d);
      maxDepth = Math.max(maxDepth, d);
    }
    expect(maxDepth).toBeGreaterThanOrEqual(3);
    expect(maxDepth).toBeLessThanOrEqual(12);
    expect(() => parseTraceDetail(trace)).not.toThrow();
  }, 60_000);

  it('picks a realistic small size when spanCount is omitted', () => {
    for (const trace of sampleTraces()) {
      const count = walk(trace).length;
      expect(count).toBeGreaterThanOrEqual(3);
      expect(count).toBeLessThanOrEqual(80);
    }
  });

  it('writes durations and timestamps in the server format', () => {
    expect(formatWireDuration(0)).toBe('0ms');
    expect(formatWireDuration(999)).toBe('0ms');
    expect(formatWireDuration(845_999)).toBe('845ms');
    expect(formatWireDuration(1_199_999)).toBe('1.20s');
    expect(formatWireDuration(73_450_000)).toBe('73.45s');
    expect(formatWireTime(Date.UTC(2025, 10, 19, 10, 30) * 1000 + 104_233, '+00:00')).toBe(
      '2025-11-19T10:30:00.104233+00:00',
    );
    // Python's isoformat() drops a zero fraction.
    expect(formatWireTime(Date.UTC(2025, 10, 19, 10, 30) * 1000, 'Z')).toBe('2025-11-19T10:30:00Z');

    const zones = new Set<string>();
    for (const trace of sampleTraces()) {
      expect(trace.duration).toMatch(DURATION);
      expect(trace.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\+00:00|Z)$/);
      zones.add(trace.start_time.endsWith('Z') ? 'Z' : '+00:00');
      for (const { node } of walk(trace)) {
        expect(node.start_time).toMatch(TIMESTAMP);
        expect(node.end_time).toMatch(TIMESTAMP);
        const us = parseIsoToUs(node.end_time) - parseIsoToUs(node.start_time);
        expect(node.duration).toBe(formatWireDuration(us));
      }
    }
    expect(zones).toEqual(new Set(['Z', '+00:00']));
  });

  it('has sub-millisecond spans', () => {
    const trace = generateTrace({ seed: 3, kind: 'agent', spanCount: 400, startMs: START_MS });
    expect(walk(trace).some(({ node }) => node.duration === '0ms')).toBe(true);
  });

  it('marks the failing span and all its ancestors ERROR, with error and no output', () => {
    for (const kind of KINDS) {
      for (let seed = 1; seed <= 15; seed++) {
        const trace = generateTrace({ seed, kind, startMs: START_MS, error: true });
        const visits = walk(trace);
        const errors = visits.filter(({ node }) => node.status === 'ERROR');
        expect(trace.status).toBe('ERROR');
        expect(trace.error).toEqual(expect.any(String));
        expect(trace).not.toHaveProperty('output');
        expect(trace.error_count).toBe(errors.length);
        const byNode = new Map(visits.map((v) => [v.node, v]));
        for (const { node, parent, isRoot } of errors) {
          if (!isRoot) {
            expect(node.error).toEqual(expect.any(String));
            expect(node).not.toHaveProperty('output');
          }
          if (parent) expect(parent.status).toBe('ERROR');
          expect(byNode.get(node)).toBeDefined();
        }
        // No ERROR without an ERROR root.
        expect(trace.tree[0]?.status).toBe('ERROR');
      }
    }
  });

  it('leaves out empty optional fields instead of sending null', () => {
    for (const trace of sampleTraces()) {
      expect(toJsonText(trace)).not.toContain('null');
      const root = trace.tree[0] as TraceNode;
      expect(root).not.toHaveProperty('input');
      expect(root).not.toHaveProperty('output');
      expect(root).not.toHaveProperty('error');
      for (const { node } of walk(trace)) {
        if ('spans' in node) expect(node.spans?.length).toBeGreaterThan(0);
        if ('metadata' in node) expect(Object.keys(node.metadata ?? {}).length).toBeGreaterThan(0);
        if (node.status === 'OK') expect(node).not.toHaveProperty('error');
      }
      const ids = [trace.agent_id, trace.team_id, trace.workflow_id].filter(Boolean);
      expect(ids).toHaveLength(1);
    }
  });

  it('sorts children by start time and sums root tokens over LLM spans', () => {
    for (const trace of sampleTraces()) {
      let input = 0;
      let output = 0;
      for (const { node } of walk(trace)) {
        const starts = (node.spans ?? []).map((c) => parseIsoToUs(c.start_time));
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
        if (node.type === 'LLM' && node.metadata) {
          input += Number(node.metadata.input_tokens ?? 0);
          output += Number(node.metadata.output_tokens ?? 0);
        }
      }
      // An orphan root shows the totals instead of its own tokens, as the server does.
      if (trace.tree.length > 1) continue;
      const meta = trace.tree[0]?.metadata ?? {};
      expect(meta.total_input_tokens ?? 0).toBe(input);
      expect(meta.total_output_tokens ?? 0).toBe(output);
    }
  });

  it('writes realistic per-type metadata', () => {
    const trace = generateTrace({ seed: 11, kind: 'team', spanCount: 200, startMs: START_MS });
    for (const { node, isRoot } of walk(trace)) {
      if (isRoot) continue;
      if (node.type === 'LLM') {
        expect(node.name).toMatch(/\.invoke$/);
        expect(node.metadata?.model).toEqual(expect.any(String));
        expect(JSON.parse(node.input ?? '')).toEqual(expect.any(Array));
      }
      if (node.type === 'TOOL') {
        expect(node.metadata?.tool_name).toBe(node.name);
        expect(node.metadata?.parameters).toBe(node.input);
      }
      if (node.type === 'AGENT' || node.type === 'TEAM') {
        expect(node.metadata?.run_id).toEqual(expect.any(String));
      }
    }
    expect(trace.team_id).toEqual(expect.any(String));
    expect(trace).not.toHaveProperty('agent_id');
  });

  it('gives workflows step types and the root its workflow metadata', () => {
    const trace = generateTrace({
      seed: 5,
      kind: 'workflow',
      workflowId: 'content-pipeline',
      spanCount: 60,
      startMs: START_MS,
    });
    const root = trace.tree[0] as TraceNode;
    expect(root.type).toBe('WORKFLOW');
    expect(typeof root.metadata?.description).toBe('string');
    expect(root.metadata).toMatchObject({
      steps_count: 4,
      steps: ['research', 'summarize', 'fact_check', 'write'],
      step_types: ['Agent', 'Agent', 'Condition', 'Step'],
    });
    for (const child of root.spans ?? []) expect(child.step_type).toEqual(expect.any(String));
    expect(trace.workflow_id).toBe('content-pipeline');
  });

  it('supports dropped spans, orphan roots, UNSET runs and large payloads', () => {
    const trace = generateTrace({
      seed: 9,
      kind: 'agent',
      spanCount: 30,
      startMs: START_MS,
      droppedSpans: 3,
      orphanRoots: 1,
      largePayloadBytes: 2_000_000,
      unset: true,
    });
    expect(walk(trace)).toHaveLength(30);
    expect(trace.total_spans).toBe(33);
    expect(trace.tree).toHaveLength(2);
    expect(trace.status).toBe('UNSET');
    const longest = Math.max(...walk(trace).map(({ node }) => node.output?.length ?? 0));
    expect(longest).toBe(2_000_000);
  });

  it('validates with the app parser, for every kind and size', () => {
    for (const trace of sampleTraces()) expect(() => parseTraceDetail(trace)).not.toThrow();
    for (const kind of KINDS) {
      const trace = generateTrace({
        seed: 2,
        kind,
        spanCount: 5000,
        startMs: START_MS,
        error: true,
      });
      expect(() => parseTraceDetail(JSON.parse(toJsonText(trace)))).not.toThrow();
    }
  });
});

describe('generateDeepTrace', () => {
  it('makes a 10,000-level chain that serializes and validates', () => {
    const trace = generateDeepTrace({ seed: 1, depth: 10_000, startMs: START_MS });
    const visits = walk(trace);
    expect(visits).toHaveLength(10_000);
    expect(visits.every(({ node }) => (node.spans?.length ?? 0) <= 1)).toBe(true);
    const text = toJsonText(trace);
    expect(() => parseTraceDetail(JSON.parse(text))).not.toThrow();
  });
});
