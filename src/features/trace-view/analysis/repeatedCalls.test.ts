import { describe, expect, it } from 'vitest';
import type { TraceNode } from '../../../api/schemas';
import { testModel } from '../../../test/testModel';
import { makeSpan } from '../../../test/testSpans';
import {
  addsOnlyToolResults,
  createRepeatedCallsScan,
  detectRepeatedCalls,
  MIN_LOOP_CALLS,
} from './repeatedCalls';

function tool(name: string, parameters: unknown, overrides: Partial<TraceNode> = {}): TraceNode {
  return makeSpan({ type: 'TOOL', name, metadata: { tool_name: name, parameters }, ...overrides });
}

function llm(messages: unknown[], overrides: Partial<TraceNode> = {}): TraceNode {
  return makeSpan({
    type: 'LLM',
    name: 'gpt-4o.invoke',
    input: JSON.stringify(messages),
    metadata: { model: 'gpt-4o' },
    ...overrides,
  });
}

function agent(spans: TraceNode[], name = 'Agent.run'): TraceNode {
  return makeSpan({ type: 'AGENT', name, spans });
}

/** Group names and sizes, e.g. `tool:get_price×3`. */
function summary(roots: TraceNode[]): string[] {
  const tree = testModel(roots);
  return detectRepeatedCalls(tree).groups.map(
    (group) => `${group.kind}:${group.label}×${group.spans.length}`,
  );
}

const SYSTEM = { role: 'system', content: 'You answer questions about stocks.' };
const USER = { role: 'user', content: 'What is TSLA at?' };
const callTool = (id: string) => ({
  role: 'assistant',
  content: null,
  tool_calls: [{ id, type: 'function', function: { name: 'get_price', arguments: '{}' } }],
});
const toolResult = (id: string) => ({ role: 'tool', tool_call_id: id, content: 'no data yet' });

/** `calls` model calls, each input the previous one plus a tool call and its result. */
function toolLoop(calls: number): TraceNode[] {
  const spans: TraceNode[] = [];
  const history: unknown[] = [SYSTEM, USER];
  for (let k = 0; k < calls; k++) {
    spans.push(llm([...history]));
    if (k < calls - 1) {
      spans.push(tool('get_price', `{"attempt": ${k}}`));
      history.push(callTool(`c${k}`), toolResult(`c${k}`));
    }
  }
  return spans;
}

describe('detectRepeatedCalls: tools', () => {
  it('groups a tool called with identical parameters under the same parent', () => {
    const root = agent([
      tool('get_price', '{"symbol": "TSLA"}'),
      tool('get_news', '{"symbol": "TSLA"}'),
      tool('get_price', '{"symbol": "TSLA"}'),
      tool('get_price', '{"symbol": "NVDA"}'),
      tool('get_price', '{"symbol": "TSLA"}'),
    ]);
    const tree = testModel([root]);
    const result = detectRepeatedCalls(tree);
    expect(result.groups).toEqual([{ kind: 'tool', spans: [1, 3, 5], label: 'get_price' }]);
    expect(Array.from(result.groupSize)).toEqual([0, 3, 0, 3, 0, 3]);
    expect(Array.from(result.mask)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(result.groupOf[3]).toBe(1);
    expect(result.spanCount).toBe(3);
  });

  it('does not group the same call under different parents', () => {
    const root = agent([
      agent([tool('get_price', '{"symbol": "TSLA"}')], 'A'),
      agent([tool('get_price', '{"symbol": "TSLA"}')], 'B'),
    ]);
    expect(summary([root])).toEqual([]);
  });

  it('does not group different tools that share parameters', () => {
    expect(summary([agent([tool('list_tables', '{}'), tool('list_views', '{}')])])).toEqual([]);
  });

  it('compares parameters sent as JSON values, and falls back to the input', () => {
    const root = agent([
      tool('lookup', { id: 1 }),
      tool('lookup', { id: 1 }),
      makeSpan({ type: 'TOOL', name: 'echo', input: 'hello' }),
      makeSpan({ type: 'TOOL', name: 'echo', input: 'hello' }),
      makeSpan({ type: 'TOOL', name: 'nothing' }),
      makeSpan({ type: 'TOOL', name: 'nothing' }),
    ]);
    expect(summary([root])).toEqual(['tool:lookup×2', 'tool:echo×2']);
  });

  it('counts repeated calls among several roots as siblings', () => {
    expect(summary([tool('ping', '{}'), tool('ping', '{}')])).toEqual(['tool:ping×2']);
  });
});

describe('detectRepeatedCalls: model calls going round in circles', () => {
  it(`flags ${MIN_LOOP_CALLS} model calls in a row that each add only a tool result`, () => {
    const tree = testModel([agent(toolLoop(MIN_LOOP_CALLS))]);
    const result = detectRepeatedCalls(tree);
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0]!.kind).toBe('llm-loop');
    expect(result.groups[0]!.label).toBe('gpt-4o');
    const llmIndexes = result.groups[0]!.spans;
    expect(llmIndexes.every((i) => tree.nodes[i]!.type === 'LLM')).toBe(true);
    expect(llmIndexes).toHaveLength(MIN_LOOP_CALLS);
    expect(result.groupSize[llmIndexes[0]!]).toBe(MIN_LOOP_CALLS);
  });

  it('leaves an ordinary tool use of fewer calls alone', () => {
    expect(summary([agent(toolLoop(MIN_LOOP_CALLS - 1))])).toEqual([]);
  });

  it('breaks the run when the user says something new', () => {
    const history: unknown[] = [SYSTEM, USER];
    const spans = [llm([...history])];
    history.push(callTool('a'), toolResult('a'));
    spans.push(llm([...history]));
    history.push({ role: 'user', content: 'Try another source.' });
    spans.push(llm([...history]));
    history.push(callTool('b'), toolResult('b'));
    spans.push(llm([...history]));
    expect(summary([agent(spans)])).toEqual([]);
  });

  it('only links model calls that share a parent', () => {
    const loop = toolLoop(MIN_LOOP_CALLS);
    const half = Math.ceil(loop.length / 2);
    const root = agent([agent(loop.slice(0, half), 'A'), agent(loop.slice(half), 'B')]);
    expect(summary([root])).toEqual([]);
  });

  it('reads `{"messages": [...]}` inputs and Anthropic tool_result blocks', () => {
    const spans: TraceNode[] = [];
    const history: unknown[] = [USER];
    for (let k = 0; k < MIN_LOOP_CALLS; k++) {
      spans.push(
        makeSpan({
          type: 'LLM',
          input: JSON.stringify({ messages: history }),
          metadata: { model: 'claude' },
        }),
      );
      history.push(
        { role: 'assistant', content: [{ type: 'tool_use', id: `t${k}`, name: 'search' }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: `t${k}`, content: '…' }] },
      );
    }
    expect(summary([agent(spans)])).toEqual([`llm-loop:claude×${MIN_LOOP_CALLS}`]);
  });
});

describe('addsOnlyToolResults', () => {
  const base = JSON.stringify([SYSTEM, USER]);
  const grown = JSON.stringify([SYSTEM, USER, callTool('x'), toolResult('x')]);

  it('accepts a tool call and its result appended', () => {
    expect(addsOnlyToolResults(base, grown)).toBe(true);
  });

  it('accepts the first messages of an empty list, and other spacing', () => {
    expect(addsOnlyToolResults('[]', JSON.stringify([toolResult('x')]))).toBe(true);
    expect(
      addsOnlyToolResults(
        '[{"role": "user", "content": "hi"}]',
        '[{"role": "user", "content": "hi"}, {"role": "tool", "content": "42"}]',
      ),
    ).toBe(true);
  });

  it('needs at least one tool result', () => {
    expect(addsOnlyToolResults(base, JSON.stringify([SYSTEM, USER, callTool('x')]))).toBe(false);
  });

  it('refuses a model answer, a user message, a changed prefix and non-JSON', () => {
    const answer = { role: 'assistant', content: 'TSLA is at 245.' };
    expect(addsOnlyToolResults(base, JSON.stringify([SYSTEM, USER, answer]))).toBe(false);
    expect(addsOnlyToolResults(base, JSON.stringify([SYSTEM, USER, USER]))).toBe(false);
    expect(addsOnlyToolResults(base, JSON.stringify([USER, USER, toolResult('x')]))).toBe(false);
    expect(addsOnlyToolResults('plain text', 'plain text and more')).toBe(false);
    expect(addsOnlyToolResults('[1]', '[1, oops]')).toBe(false);
    expect(addsOnlyToolResults(base, base)).toBe(false);
    expect(addsOnlyToolResults(undefined, grown)).toBe(false);
  });
});

describe('createRepeatedCallsScan', () => {
  it('gives the same groups when run one span at a time', () => {
    const roots = [
      agent([...toolLoop(MIN_LOOP_CALLS + 1), tool('ping', '{}'), tool('ping', '{}')]),
    ];
    const tree = testModel(roots);
    const scan = createRepeatedCallsScan(tree);
    let steps = 0;
    while (!scan.step(1)) steps++;
    expect(steps).toBe(tree.count - 1);
    expect(scan.result()).toEqual(detectRepeatedCalls(tree));
  });

  it('handles a 10,000-level chain', () => {
    let node = tool('leaf', '{}');
    for (let level = 0; level < 10_000; level++) node = agent([node, tool('leaf', '{}')]);
    const result = detectRepeatedCalls(testModel([node]));
    expect(result.groups).toHaveLength(1); // only the deepest agent has two identical leaves
  });
});
