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

const TRACE_DURATION = /^(\d+(\.\d+)?ms|\d+\.\d{2}s)$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

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

  // Its speed is the benchmark's to show (about a second here), not a test's to assert.
  it('makes a 100,000-span trace with a realistic depth', () => {
    const trace = generateTrace({ seed: 1, spanCount: 100_000, startMs: START_MS });
    const visits = walk(trace);
    expect(visits).toHaveLength(100_000);
    expect(trace.total_spans).toBe(100_000);

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
    expect(formatWireTime(Date.UTC(2025, 10, 19, 10, 30) * 1000 + 104_233)).toBe(
      '2025-11-19T10:30:00.104233Z',
    );
    // agno 2.9.0 writes six fraction digits even when they are all zero.
    expect(formatWireTime(Date.UTC(2025, 10, 19, 10, 30) * 1000)).toBe(
      '2025-11-19T10:30:00.000000Z',
    );

    let floatText = 0;
    for (const trace of sampleTraces()) {
      expect(trace.duration).toMatch(TRACE_DURATION);
      if (/^\d+\.\d{4,}ms$/.test(trace.duration)) floatText += 1;
      expect(trace.created_at).toMatch(TIMESTAMP);
      for (const { node, isRoot } of walk(trace)) {
        expect(node.start_time).toMatch(TIMESTAMP);
        expect(node.end_time).toMatch(TIMESTAMP);
        const us = parseIsoToUs(node.end_time) - parseIsoToUs(node.start_time);
        if (isRoot && node === trace.tree[0]) {
          expect(node.duration).toMatch(TRACE_DURATION);
          const textMs = parseFloat(node.duration) * (node.duration.endsWith('ms') ? 1 : 1000);
          expect(Math.abs(textMs - us / 1000)).toBeLessThan(10);
        } else {
          expect(node.duration).toBe(formatWireDuration(us));
        }
      }
    }
    // Runs under a second get the server's float text, e.g. "590.9845232963562ms".
    expect(floatText).toBeGreaterThan(0);
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
      // A failed workflow lost its root's attributes, its workflow_id with them.
      const lostRoot = trace.tree[0]?.type === 'WORKFLOW' && trace.status === 'ERROR';
      expect(ids).toHaveLength(lostRoot ? 0 : 1);
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
        expect(node.name).toMatch(
          /^(AwsBedrock|OpenAIChat|Claude|Gemini|Groq)\.a?invoke(_stream)?$/,
        );
        expect(Number.isInteger(node.metadata?.input_tokens)).toBe(true);
        if (typeof node.input === 'string') {
          expect(node.metadata?.model).toEqual(expect.any(String));
          expect(JSON.parse(node.input)).toEqual({ messages: expect.any(Array) as unknown });
        }
      }
      if (node.type === 'TOOL') {
        expect(node.metadata?.tool_name).toBe(node.name);
        expect(node.metadata?.parameters).toBe(node.input);
        expect(node).not.toHaveProperty('spans');
      }
      if (node.type === 'AGENT' || node.type === 'TEAM') {
        expect(node.metadata?.run_id).toEqual(expect.any(String));
      }
    }
    expect(trace.team_id).toEqual(expect.any(String));
    expect(trace).not.toHaveProperty('agent_id');
  });

  it('names runs by entry point and models by class, the model id only in metadata', () => {
    const viaOs = generateTrace({
      seed: 3,
      kind: 'team',
      teamId: 'research-team',
      entry: 'os',
      stream: false,
      spanCount: 30,
      startMs: START_MS,
    });
    const direct = generateTrace({
      seed: 3,
      kind: 'team',
      teamId: 'research-team',
      entry: 'direct',
      stream: true,
      spanCount: 30,
      startMs: START_MS,
    });
    expect(viaOs.name).toBe('Research_Team.arun');
    expect(direct.name).toBe('Research_Team.run');
    const names = (t: TraceDetail) => new Set(walk(t).map(({ node }) => node.name));
    expect(names(viaOs)).toContain('AwsBedrock.ainvoke');
    expect([...names(viaOs)].filter((n) => /^(Researcher|Writer)\./.test(n))).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.arun$/)]),
    );
    expect(names(direct)).toContain('AwsBedrock.invoke_stream');
    const llm = walk(viaOs).find(({ node }) => node.type === 'LLM')?.node;
    expect(llm?.metadata?.model).toBe('anthropic.claude-3-5-sonnet-20240620-v1:0');
  });

  it('puts a member run beside the delegation TOOL span that covers it in time', () => {
    const trace = generateTrace({ seed: 8, kind: 'team', spanCount: 40, startMs: START_MS });
    let delegations = 0;
    for (const { node } of walk(trace)) {
      const children = node.spans ?? [];
      children.forEach((child, i) => {
        if (child.name !== 'delegate_task_to_member') return;
        delegations += 1;
        const { task } = JSON.parse(child.input ?? '{}') as { task?: string };
        const member = children.slice(i + 1).find((c) => c.type === 'AGENT' && c.input === task);
        expect(member).toBeDefined();
        if (!member) return;
        expect(parseIsoToUs(member.start_time)).toBeGreaterThanOrEqual(
          parseIsoToUs(child.start_time),
        );
        expect(parseIsoToUs(member.end_time)).toBeLessThanOrEqual(parseIsoToUs(child.end_time));
      });
    }
    expect(delegations).toBeGreaterThan(0);
  });

  it('grows each model call input by the previous reply and its tool results', () => {
    const trace = generateTrace({
      seed: 2,
      kind: 'agent',
      agentId: 'support_agent',
      spanCount: 12,
      startMs: START_MS,
      outcome: 'ok',
      stream: false,
    });
    const llms = (trace.tree[0]?.spans ?? []).filter((n) => n.type === 'LLM');
    expect(llms.length).toBeGreaterThan(2);
    type Message = { role: string; tool_calls?: unknown[]; tool_call_id?: string };
    const inputs = llms.map(
      (n) => (JSON.parse(n.input ?? '{}') as { messages: Message[] }).messages,
    );
    expect(inputs[0]?.map((m) => m.role)).toEqual(['system', 'user']);
    const second = inputs[1] ?? [];
    expect(second.slice(0, 2)).toEqual(inputs[0]);
    expect(second[2]).toMatchObject({
      role: 'assistant',
      content: '',
      tool_calls: expect.any(Array) as unknown,
    });
    expect(
      second.slice(3).every((m) => m.role === 'tool' && typeof m.tool_call_id === 'string'),
    ).toBe(true);
    // A non-streamed reply is a list; the last one is the answer the trace shows.
    const last = JSON.parse(llms.at(-1)?.output ?? '[]') as { role: string; content: string }[];
    expect(last).toEqual([{ role: 'assistant', content: trace.output }]);
  });

  it('makes traces OK with a failed tool, and model errors that leave every span OK', () => {
    const recovered = generateTrace({
      seed: 4,
      kind: 'agent',
      agentId: 'support_agent',
      spanCount: 9,
      startMs: START_MS,
      outcome: 'recovered',
    });
    expect(recovered.status).toBe('OK');
    expect(recovered.error_count).toBe(1);
    const failedTool = walk(recovered).find(({ node }) => node.status === 'ERROR')?.node;
    expect(failedTool).toMatchObject({ name: 'refund_order', type: 'TOOL' });
    expect(failedTool?.error).toMatch(/need a supervisor/);

    const refused = generateTrace({
      seed: 4,
      kind: 'agent',
      agentId: 'support_agent',
      spanCount: 4,
      startMs: START_MS,
      outcome: 'model-error',
    });
    expect(refused.status).toBe('OK');
    expect(refused.error_count).toBe(0);
    expect(walk(refused).every(({ node }) => node.status === 'OK')).toBe(true);
    expect(refused.output).toContain('ThrottlingException');
    const lastLlm = (refused.tree[0]?.spans ?? []).filter((n) => n.type === 'LLM').at(-1);
    expect(lastLlm).not.toHaveProperty('output');
    expect(lastLlm?.metadata).toEqual({ model: 'anthropic.claude-3-5-sonnet-20240620-v1:0' });
  });

  it('drops input and model from the biggest model calls, as the 128-attribute limit does', () => {
    const trace = generateTrace({ seed: 1, kind: 'agent', spanCount: 200, startMs: START_MS });
    const llms = walk(trace)
      .filter(({ node }) => node.type === 'LLM')
      .map(({ node }) => node);
    const lost = llms.filter((n) => n.input === undefined);
    expect(lost.length).toBeGreaterThan(0);
    expect(llms.some((n) => n.input !== undefined)).toBe(true);
    for (const n of lost) {
      expect(n.metadata).not.toHaveProperty('model');
      expect(n.metadata?.input_tokens).toEqual(expect.any(Number));
    }
  });

  it('gives workflows WORKFLOW step spans, step types by position and the root its metadata', () => {
    const traces = [1, 2, 3, 4, 5, 6].map((seed) =>
      generateTrace({
        seed,
        kind: 'workflow',
        workflowId: 'content-pipeline',
        spanCount: 40,
        startMs: START_MS,
        outcome: 'ok',
        entry: 'direct',
      }),
    );
    for (const trace of traces) {
      const root = trace.tree[0] as TraceNode;
      expect(root.type).toBe('WORKFLOW');
      expect(root.metadata).toMatchObject({
        description: expect.any(String) as unknown,
        steps_count: 5,
        steps: ['research', 'outline', 'enrich', 'review_gate', 'publish'],
        step_types: ['Step', 'Step', 'Parallel', 'Condition', 'Step'],
      });
      const children = root.spans ?? [];
      expect(children.every((c) => c.type === 'WORKFLOW' && c.name.endsWith('.execute'))).toBe(
        true,
      );
      expect(children.map((c) => c.step_type)).toEqual(
        ['Step', 'Step', 'Parallel', 'Condition', 'Step'].slice(0, children.length),
      );
      expect(walk(trace).some(({ node }) => node.type === 'CHAIN')).toBe(false);
    }
    // When the review Condition is skipped, "Condition" lands on the publish step, as it does
    // on the real server.
    const skipped = traces.filter(
      (t) => !(t.tree[0]?.spans ?? []).some((c) => c.name === 'review.execute'),
    );
    expect(skipped.length).toBeGreaterThan(0);
    const publish = skipped[0]?.tree[0]?.spans?.find((c) => c.name === 'publish.execute');
    expect(publish?.step_type).toBe('Condition');
    expect(publish?.input).toBe('Condition review_gate not met - skipped 1 steps');
  });

  it('names a failed workflow after its first exported span, without run_id or workflow_id', () => {
    const trace = generateTrace({
      seed: 7,
      kind: 'workflow',
      workflowId: 'content-pipeline',
      spanCount: 20,
      startMs: START_MS,
      outcome: 'error',
    });
    expect(trace.status).toBe('ERROR');
    expect(trace.tree[0]?.name).toMatch(/^Content_Pipeline\.a?run$/);
    expect(trace.name).not.toBe(trace.tree[0]?.name);
    expect(trace).not.toHaveProperty('run_id');
    expect(trace).not.toHaveProperty('workflow_id');
    expect(trace.error).toBe('CMS rejected the post: HTTP 403 (token expired)');
  });

  it('varies tool arguments: small runs do not repeat a call by accident', () => {
    let repeats = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const trace = generateTrace({ seed, kind: KINDS[seed % 3], startMs: START_MS });
      for (const { node } of walk(trace)) {
        const seen = new Set<string>();
        for (const child of node.spans ?? []) {
          if (child.type !== 'TOOL') continue;
          const key = `${child.name} ${child.input ?? ''}`;
          if (seen.has(key)) repeats += 1;
          seen.add(key);
        }
      }
    }
    expect(repeats).toBe(0);
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

  it('adds a shared document of inputDocumentBytes to every input, in its own shape', () => {
    const options = { seed: 3, kind: 'team' as const, spanCount: 200, startMs: START_MS };
    const trace = generateTrace({ ...options, inputDocumentBytes: 20_000 });
    const plain = generateTrace(options);
    const inputs = walk(trace).filter(({ node, isRoot }) => !isRoot && node.input !== undefined);
    expect(walk(trace)).toHaveLength(200);
    expect(inputs).toHaveLength(
      walk(plain).filter(({ node, isRoot }) => !isRoot && node.input !== undefined).length,
    );
    const byType = (type: string) => inputs.filter(({ node }) => node.type === type);
    expect(byType('LLM').length).toBeGreaterThan(10);
    expect(byType('TOOL').length).toBeGreaterThan(10);
    type Message = { role: string; content: string };
    for (const { node } of byType('LLM')) {
      const [first, ...rest] = (JSON.parse(node.input ?? '') as { messages: Message[] }).messages;
      expect(first?.role).toBe('system');
      expect(first?.content).toHaveLength(20_000);
      expect(rest.length).toBeGreaterThan(0);
    }
    for (const { node } of byType('TOOL')) {
      const args = JSON.parse(node.input ?? '') as { document: string };
      expect(args.document).toHaveLength(20_000);
    }
    for (const { node } of inputs.filter(({ node }) => !['LLM', 'TOOL'].includes(node.type))) {
      expect(node.input?.length).toBeGreaterThan(20_000);
    }
    const bytes = (t: TraceDetail) => toJsonText(t).length;
    expect(bytes(trace) - bytes(plain)).toBeGreaterThan(inputs.length * 20_000);
    expect(() => parseTraceDetail(JSON.parse(toJsonText(trace)))).not.toThrow();
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
