import { describe, expect, it } from 'vitest';
import type { TraceDetail, TraceNode } from '../api/schemas';
import { generateTrace } from './generateTrace';
import type { Outcome, TraceKind } from './generateTrace';
import agentAsyncStream from './recorded/real-agentos/trace-agent-async-stream.json';
import agentModelError from './recorded/real-agentos/trace-agent-model-error.json';
import agentToolError from './recorded/real-agentos/trace-agent-tool-error.json';
import teamDelegation from './recorded/real-agentos/trace-team-delegation.json';
import workflowError from './recorded/real-agentos/trace-workflow-error.json';
import workflowLoop from './recorded/real-agentos/trace-workflow-loop.json';
import searchAndRun from './recorded/real-agentos/search-and-run.json';

/*
 * The generator's traces have the shapes agno 2.9.0 sends. The expectations below are written
 * down from the recorded answers (src/mocks/recorded/real-agentos/), and checked on both: the
 * real traces (so the expectations are true) and generated ones (so the mocks keep to them).
 */

const REAL: [string, TraceDetail][] = [
  ['trace-agent-async-stream', agentAsyncStream],
  ['trace-agent-model-error', agentModelError],
  ['trace-agent-tool-error', agentToolError],
  ['trace-team-delegation', teamDelegation],
  ['trace-workflow-error', workflowError],
  ['trace-workflow-loop', workflowLoop],
  ...searchAndRun.data.map((t, i): [string, TraceDetail] => [`search-and-run[${i}]`, t]),
];

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
/** Spans: whole milliseconds, or seconds with two decimals. */
const SPAN_DURATION = /^(\d+ms|\d+\.\d{2}s)$/;
/** A trace and its root under a second: Python's float text, e.g. "590.9845232963562ms". */
const TRACE_DURATION = /^(\d+(\.\d+)?ms|\d+\.\d{2}s)$/;
const RUN_NAME = /^[A-Z][A-Za-z0-9_]*\.a?run$/;
const MODEL_NAME = /^[A-Z][A-Za-z]+\.a?invoke(_stream)?$/;
const STEP_NAME = /^[a-z][a-z0-9_]*\.a?execute$/;
const TOOL_NAME = /^[a-z][a-z0-9_]*$/;

const BASE_KEYS = ['id', 'name', 'type', 'duration', 'start_time', 'end_time', 'status'];
/** Keys a node may have, by role: required ones first, then optional ones. */
const NODE_KEYS: Record<string, { required: string[]; optional: string[] }> = {
  ROOT: { required: BASE_KEYS, optional: ['spans', 'metadata'] },
  LLM: { required: [...BASE_KEYS, 'input', 'metadata'], optional: ['output', 'error'] },
  TOOL: { required: [...BASE_KEYS, 'input', 'metadata'], optional: ['output', 'error'] },
  AGENT: { required: [...BASE_KEYS, 'input', 'metadata'], optional: ['output', 'error', 'spans'] },
  TEAM: { required: [...BASE_KEYS, 'input', 'metadata'], optional: ['output', 'error', 'spans'] },
  WORKFLOW: {
    required: [...BASE_KEYS, 'input'],
    optional: ['output', 'error', 'spans', 'step_type'],
  },
};
const METADATA_KEYS: Record<string, string[]> = {
  ROOT: [
    'total_input_tokens',
    'total_output_tokens',
    'description',
    'steps_count',
    'steps',
    'step_types',
  ],
  LLM: ['model', 'input_tokens', 'output_tokens'],
  TOOL: ['tool_name', 'parameters'],
  AGENT: ['run_id', 'session_id', 'user_id'],
  TEAM: ['run_id', 'session_id', 'user_id'],
};
const MESSAGE_KEYS = [
  'id',
  'role',
  'content',
  'from_history',
  'stop_after_tool_call',
  'created_at',
  'tool_calls',
  'tool_call_id',
  'tool_name',
  'tool_args',
  'tool_call_error',
  'metrics',
];
const METRICS_KEYS = [
  'input_tokens',
  'output_tokens',
  'total_tokens',
  'duration',
  'time_to_first_token',
];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Everything in `trace` that does not have the real server's shape, as readable lines. */
function shapeProblems(trace: TraceDetail): string[] {
  const problems: string[] = [];
  const say = (node: TraceNode | undefined, what: string) =>
    problems.push(`${node ? `${node.name} (${node.type})` : 'trace'}: ${what}`);

  for (const key of ['start_time', 'end_time', 'created_at'] as const) {
    if (!TIMESTAMP.test(trace[key])) say(undefined, `${key} ${trace[key]}`);
  }
  if (!TRACE_DURATION.test(trace.duration)) say(undefined, `duration ${trace.duration}`);

  const stack: { node: TraceNode; role: 'MAIN' | 'ROOT' | 'CHILD'; parent?: TraceNode }[] =
    trace.tree.map((node, i) => ({ node, role: i === 0 ? 'MAIN' : 'ROOT' }));
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { node, role, parent } = visit;
    for (const child of node.spans ?? []) stack.push({ node: child, role: 'CHILD', parent: node });
    const kind = role === 'CHILD' ? node.type : 'ROOT';

    if (!['AGENT', 'TEAM', 'WORKFLOW', 'LLM', 'TOOL'].includes(node.type)) say(node, 'type');
    if (!['OK', 'ERROR'].includes(node.status)) say(node, `status ${node.status}`);
    if (!TIMESTAMP.test(node.start_time) || !TIMESTAMP.test(node.end_time)) say(node, 'timestamp');
    const durationFormat = role === 'MAIN' ? TRACE_DURATION : SPAN_DURATION;
    if (!durationFormat.test(node.duration)) say(node, `duration ${node.duration}`);

    // Keys: every required one, nothing beyond the optional ones. An orphan root (ROOT) may be
    // any type; a model call that lost attributes has no input (checked below).
    const allowed = NODE_KEYS[kind];
    if (!allowed) continue;
    const keys = Object.keys(node);
    const lostInput = node.type === 'LLM' && !('input' in node) && !node.metadata?.model;
    for (const key of allowed.required) {
      if (!(key in node) && !(lostInput && key === 'input')) say(node, `no ${key}`);
    }
    for (const key of keys) {
      if (!allowed.required.includes(key) && !allowed.optional.includes(key))
        say(node, `key ${key}`);
    }
    if (node.status === 'ERROR' && kind !== 'ROOT' && typeof node.error !== 'string')
      say(node, 'no error');
    if (node.step_type !== undefined && parent !== trace.tree[0])
      say(node, 'step_type off the root');

    // Metadata keys and value types.
    const meta = node.metadata ?? {};
    for (const key of Object.keys(meta)) {
      if (!(METADATA_KEYS[kind] ?? []).includes(key)) say(node, `metadata.${key}`);
    }
    for (const key of [
      'input_tokens',
      'output_tokens',
      'total_input_tokens',
      'total_output_tokens',
      'steps_count',
    ]) {
      if (key in meta && !Number.isInteger(meta[key])) say(node, `metadata.${key} not an integer`);
    }
    for (const key of [
      'model',
      'tool_name',
      'parameters',
      'run_id',
      'session_id',
      'user_id',
      'description',
    ]) {
      if (key in meta && typeof meta[key] !== 'string') say(node, `metadata.${key} not a string`);
    }
    for (const key of ['steps', 'step_types']) {
      if (
        key in meta &&
        !(Array.isArray(meta[key]) && meta[key].every((s) => typeof s === 'string'))
      ) {
        say(node, `metadata.${key} not a list of strings`);
      }
    }

    // Names by type: runs and models by class, steps `.execute`, tools snake_case.
    if (kind === 'ROOT' && role === 'MAIN' && !RUN_NAME.test(node.name)) say(node, 'root name');
    if (kind === 'AGENT' || kind === 'TEAM') {
      if (!RUN_NAME.test(node.name)) say(node, 'run name');
      if (typeof meta.run_id !== 'string') say(node, 'no run_id');
    }
    if (kind === 'WORKFLOW' && !STEP_NAME.test(node.name)) say(node, 'step name');
    if (kind === 'TOOL') {
      if (!TOOL_NAME.test(node.name)) say(node, 'tool name');
      if (meta.tool_name !== node.name) say(node, 'tool_name');
      if (meta.parameters !== node.input) say(node, 'parameters differ from input');
      if (node.spans) say(node, 'a tool span with children');
    }
    if (node.type === 'LLM') {
      if (!MODEL_NAME.test(node.name)) say(node, 'model span name');
      if (typeof meta.model === 'string' && node.name.includes(meta.model))
        say(node, 'model id in name');
      if (typeof node.input === 'string') messageProblems(node, say);
      if (typeof node.output === 'string') outputProblems(node, say);
    }
  }
  return problems;
}

function messageProblems(node: TraceNode, say: (node: TraceNode, what: string) => void): void {
  const input = JSON.parse(node.input ?? '') as unknown;
  if (
    !isObject(input) ||
    Object.keys(input).join() !== 'messages' ||
    !Array.isArray(input.messages)
  ) {
    say(node, 'input is not {"messages": [...]}');
    return;
  }
  const messages = input.messages as unknown[];
  messages.forEach((m, i) => {
    if (!isObject(m)) return say(node, `message ${i} not an object`);
    for (const key of Object.keys(m))
      if (!MESSAGE_KEYS.includes(key)) say(node, `message key ${key}`);
    if (typeof m.id !== 'string' || !Number.isInteger(m.created_at))
      say(node, `message ${i} id/created_at`);
    if (typeof m.from_history !== 'boolean' || typeof m.stop_after_tool_call !== 'boolean') {
      say(node, `message ${i} flags`);
    }
    if (!['system', 'user', 'assistant', 'tool'].includes(String(m.role)))
      say(node, `role ${String(m.role)}`);
    if (m.role === 'tool') {
      const ok =
        typeof m.tool_call_id === 'string' &&
        typeof m.tool_name === 'string' &&
        isObject(m.tool_args) &&
        typeof m.tool_call_error === 'boolean' &&
        typeof m.content === 'string';
      if (!ok) say(node, `tool message ${i}`);
    }
    if (m.tool_calls !== undefined) toolCallProblems(node, m.tool_calls, say);
    if (m.metrics !== undefined) {
      if (!isObject(m.metrics)) return say(node, 'metrics');
      for (const key of Object.keys(m.metrics))
        if (!METRICS_KEYS.includes(key)) say(node, `metrics.${key}`);
    }
  });
  if (messages.length > 0 && !['system', 'user'].includes(String((messages[0] as Json).role))) {
    say(node, 'first message is neither system nor user');
  }
}

function toolCallProblems(
  node: TraceNode,
  calls: unknown,
  say: (node: TraceNode, what: string) => void,
) {
  if (!Array.isArray(calls) || calls.length === 0) return say(node, 'tool_calls');
  for (const call of calls) {
    const fn = isObject(call) ? call.function : undefined;
    const ok =
      isObject(call) &&
      typeof call.id === 'string' &&
      call.type === 'function' &&
      isObject(fn) &&
      typeof fn.name === 'string' &&
      typeof fn.arguments === 'string' &&
      isObject(JSON.parse(fn.arguments) as unknown);
    if (!ok) say(node, 'tool call');
  }
}

function outputProblems(node: TraceNode, say: (node: TraceNode, what: string) => void): void {
  const output = JSON.parse(node.output ?? '') as unknown;
  // A streamed reply is {"messages": [...]}; any other is a list.
  const streamed = node.name.endsWith('_stream');
  const list = streamed ? (isObject(output) ? output.messages : undefined) : output;
  if (!Array.isArray(list) || list.length === 0)
    return say(node, `output shape (streamed: ${streamed})`);
  for (const reply of list) {
    if (!isObject(reply) || reply.role !== 'assistant') say(node, 'reply role');
    else {
      for (const key of Object.keys(reply)) {
        if (!['role', 'content', 'tool_calls'].includes(key)) say(node, `reply key ${key}`);
      }
      if (reply.tool_calls !== undefined) toolCallProblems(node, reply.tool_calls, say);
    }
  }
}

const KINDS: TraceKind[] = ['agent', 'team', 'workflow'];
const OUTCOMES: Outcome[] = ['ok', 'error', 'recovered', 'model-error'];

function generated(): TraceDetail[] {
  const traces: TraceDetail[] = [];
  for (let seed = 1; seed <= 48; seed++) {
    traces.push(
      generateTrace({
        seed,
        kind: KINDS[seed % 3],
        outcome: OUTCOMES[Math.floor(seed / 3) % 4],
        startMs: Date.UTC(2025, 10, 19, 10) + seed * 60_000,
        orphanRoots: 0,
      }),
    );
  }
  return traces;
}

describe('generated traces have the real server’s shapes', () => {
  it.each(REAL)('the expectations hold on the real %s', (_name, trace) => {
    expect(shapeProblems(trace)).toEqual([]);
  });

  it('every generated trace has them', () => {
    for (const trace of generated()) expect(shapeProblems(trace), trace.trace_id).toEqual([]);
  });

  it('a failed workflow may be named after its first exported span, as on the real server', () => {
    expect(workflowError.name).toBe('AwsBedrock.invoke');
    const failed = generated().filter(
      (t) => t.tree[0]?.type === 'WORKFLOW' && t.status === 'ERROR',
    );
    expect(failed.length).toBeGreaterThan(0);
    for (const t of failed) {
      expect(t.name).not.toMatch(RUN_NAME);
      expect(t.name).toMatch(new RegExp(`${MODEL_NAME.source}|${STEP_NAME.source}`));
      expect(t).not.toHaveProperty('workflow_id');
      expect(t).not.toHaveProperty('run_id');
    }
  });

  it('the generated traces cover the real variants', () => {
    const traces = generated();
    const all = traces.flatMap((t) => {
      const out: TraceNode[] = [];
      const stack = [...t.tree];
      for (let n = stack.pop(); n; n = stack.pop()) {
        out.push(n);
        stack.push(...(n.spans ?? []));
      }
      return out;
    });
    const names = all.map((n) => n.name);
    expect(names.some((n) => /\.arun$/.test(n))).toBe(true);
    expect(names.some((n) => /\.run$/.test(n))).toBe(true);
    expect(names.some((n) => /\.ainvoke_stream$/.test(n))).toBe(true);
    expect(names.some((n) => /\.aexecute$/.test(n))).toBe(true);
    // OK traces with failing spans, and model calls that lost input and model.
    expect(traces.some((t) => t.status === 'OK' && t.error_count > 0)).toBe(true);
    expect(all.some((n) => n.type === 'LLM' && !('input' in n) && !n.metadata?.model)).toBe(true);
    expect(all.some((n) => n.input?.includes('"tool_call_error": true'))).toBe(true);
    expect(all.filter((n) => n.step_type !== undefined).map((n) => n.step_type)).toEqual(
      expect.arrayContaining(['Step', 'Parallel', 'Condition']),
    );
  });
});
