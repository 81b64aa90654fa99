import { describe, expect, it } from 'vitest';
import type { TraceNode } from '../../api/schemas';
import { barGeometry, createTimeScale } from '../../features/trace-view/waterfall/timeScale';
import { testModel } from '../../test/testModel';
import { makeSpan } from '../../test/testSpans';
import { at, timedSpan } from '../../test/testTraces';
import { realTrace } from '../../test/testTree';
import { buildSpanTree } from './buildSpanTree';
import { SpanKind } from './spanKind';
import { buildTraceModel, tokenCount } from './traceModel';

/** `at(0)`, 2025-11-19T10:30:00Z, in epoch microseconds. */
const BASE_US = 1_763_548_200_000_000;

/**
 * An agent run from +1ms to +5ms: a model call, a tool call, and a second model call whose
 * token counts came as strings. Its server-side start and end (+2ms, +4ms) are not the spans'.
 */
function agentRun(): TraceNode[] {
  return [
    timedSpan(1000, 5000, {
      type: 'AGENT',
      name: 'Stock_Agent.run',
      spans: [
        timedSpan(1500, 2500, {
          type: 'LLM',
          name: 'OpenAIChat.invoke',
          metadata: { model: 'gpt-4o-mini', input_tokens: 912, output_tokens: 64 },
        }),
        timedSpan(2600, 3000, {
          type: 'TOOL',
          name: 'get_price',
          metadata: { tool_name: 'get_current_stock_price' },
        }),
        timedSpan(3100, 4900, {
          type: 'llm',
          name: 'OpenAIChat.invoke',
          metadata: { input_tokens: '912', output_tokens: '64' },
        }),
      ],
    }),
  ];
}

const agentModel = () =>
  testModel(agentRun(), { start_time: at(2000), end_time: at(4000), trace_id: 't-agent' });

describe('tokenCount', () => {
  it('reads finite non-negative numbers and decimal strings alike', () => {
    expect(tokenCount(912)).toBe(912);
    expect(tokenCount('912')).toBe(912);
    expect(tokenCount(' 912 ')).toBe(912);
    expect(tokenCount(0)).toBe(0);
    expect(tokenCount('0')).toBe(0);
  });

  it('is null for anything that is not a count', () => {
    for (const value of [
      undefined,
      null,
      '',
      ' ',
      'n/a',
      '-5',
      -5,
      Number.NaN,
      Infinity,
      '1e3',
      {},
    ]) {
      expect(tokenCount(value)).toBeNull();
    }
  });
});

describe('buildTraceModel', () => {
  it('keeps every span tree field as buildSpanTree builds it', () => {
    const roots = agentRun();
    const model = testModel(roots);
    const tree = buildSpanTree(roots);
    expect(model.count).toBe(4);
    expect(model.nodes).toEqual(tree.nodes);
    expect(Array.from(model.parentIndex)).toEqual([-1, 0, 0, 0]);
    expect(Array.from(model.depth)).toEqual(Array.from(tree.depth));
    expect(Array.from(model.subtreeSize)).toEqual([4, 1, 1, 1]);
    expect(Array.from(model.startUs)).toEqual(Array.from(tree.startUs));
    expect(model.indexById.get(roots[0]!.id)).toBe(0);
    expect(model.rootCount).toBe(1);
    expect(model.duplicateIds).toEqual([]);
  });

  it('takes the time axis from the earliest span start to the latest span end, not the trace’s times', () => {
    const model = agentModel();
    expect(model.axisStartUs).toBe(BASE_US + 1000);
    expect(model.axisEndUs).toBe(BASE_US + 5000);
    // The span tree's bounds are the same axis, so code still reading them agrees.
    expect(model.startBoundUs).toBe(BASE_US + 1000);
    expect(model.endBoundUs).toBe(BASE_US + 5000);
  });

  it('places a span at the same offset for the bars and for the panel', () => {
    const model = agentModel();
    const tool = 2; // get_price, from +2.6ms to +3ms
    // The panel's "Offset" (and the error landing, and link labels) read this.
    expect(model.offsetUs(tool)).toBe(1600);
    // The waterfall draws its bars and ticks on a scale over the same axis: 1.6ms of 4ms.
    const scale = createTimeScale(model.axisStartUs, model.axisEndUs);
    expect(scale.rangeUs).toBe(4000);
    expect(barGeometry(scale, model.startUs[tool]!, model.endUs[tool]!)).toEqual({
      leftPercent: 40,
      widthPercent: 10,
      clip: 'none',
    });
  });

  it('falls back to the trace’s own times when no span time parses', () => {
    const model = testModel(
      [
        makeSpan({
          start_time: 'soon',
          end_time: '',
          spans: [makeSpan({ start_time: '', end_time: 'x' })],
        }),
      ],
      { start_time: at(2000), end_time: at(4000) },
    );
    expect(model.axisStartUs).toBe(BASE_US + 2000);
    expect(model.axisEndUs).toBe(BASE_US + 4000);
    expect(model.offsetUs(0)).toBeNaN();
  });

  it('keeps the trace’s own times apart, for the header, the export and the comparison', () => {
    const model = agentModel();
    expect(model.reportedStartUs).toBe(BASE_US + 2000);
    expect(model.reportedEndUs).toBe(BASE_US + 4000);
    expect(testModel(agentRun(), { end_time: 'never' }).reportedEndUs).toBeNaN();
  });

  it('measures each span’s duration from its times, NaN when they are unreadable or reversed', () => {
    expect(Array.from(agentModel().durationUs)).toEqual([4000, 1000, 400, 1800]);
    const broken = testModel([
      timedSpan(0, 100, { spans: [timedSpan(50, 20), makeSpan({ end_time: 'x' })] }),
    ]);
    expect(Array.from(broken.durationUs)).toEqual([100, Number.NaN, Number.NaN]);
  });

  it('gives each span its kind from its type, whatever the case', () => {
    const model = testModel([
      makeSpan({ type: 'AGENT', spans: [makeSpan({ type: 'llm' }), makeSpan({ type: 'Tool' })] }),
      makeSpan({ type: 'TEAM' }),
      makeSpan({ type: 'WORKFLOW' }),
      makeSpan({ type: 'CHAIN' }),
    ]);
    expect(Array.from(model.kind)).toEqual([
      SpanKind.Agent,
      SpanKind.Llm,
      SpanKind.Tool,
      SpanKind.Team,
      SpanKind.Workflow,
      SpanKind.Other,
    ]);
  });

  it('counts tokens sent as numeric strings the same as numbers, per span', () => {
    const model = agentModel();
    expect(Array.from(model.inputTokens)).toEqual([Number.NaN, 912, Number.NaN, 912]);
    expect(Array.from(model.outputTokens)).toEqual([Number.NaN, 64, Number.NaN, 64]);
    expect(Array.from(model.totalTokens)).toEqual([Number.NaN, 976, Number.NaN, 976]);
  });

  it('totals a span’s tokens from the side it recorded when the other is missing', () => {
    const model = testModel([makeSpan({ type: 'LLM', metadata: { input_tokens: '10' } })]);
    expect(model.inputTokens[0]).toBe(10);
    expect(model.outputTokens[0]).toBeNaN();
    expect(model.totalTokens[0]).toBe(10);
  });

  it('sums the spans’ tokens for the trace when no root records totals, strings included', () => {
    expect(agentModel().tokenTotals).toEqual({ input: 1824, output: 128, source: 'sum' });
  });

  it('takes the roots’ trace-wide totals when they record them, strings included', () => {
    const model = testModel([
      makeSpan({
        type: 'AGENT',
        metadata: { total_input_tokens: '2114', total_output_tokens: 187 },
        spans: [makeSpan({ type: 'LLM', metadata: { input_tokens: 1, output_tokens: 1 } })],
      }),
    ]);
    expect(model.tokenTotals).toEqual({ input: 2114, output: 187, source: 'root' });
  });

  it('says when the trace records no tokens at all', () => {
    const model = testModel([makeSpan({ metadata: { input_tokens: 'n/a' } })]);
    expect(model.tokenTotals).toEqual({ input: 0, output: 0, source: 'none' });
  });

  it('names each span’s model: the recorded id, else the model class of an LLM span', () => {
    const model = agentModel();
    expect(model.modelLabelOf(1)).toEqual({ text: 'gpt-4o-mini', isFromSpanName: false });
    expect(model.modelLabelOf(3)).toEqual({ text: 'OpenAIChat', isFromSpanName: true });
    expect(model.modelLabelOf(0)).toBeNull();
    expect(model.modelLabelOf(2)).toBeNull();
  });

  it('names the tool of each TOOL span: tool_name, else the span name', () => {
    const model = testModel([
      makeSpan({
        type: 'AGENT',
        spans: [
          makeSpan({ type: 'TOOL', name: 'get_price', metadata: { tool_name: 'get_stock' } }),
          makeSpan({ type: 'TOOL', name: 'web_search', metadata: { tool_name: '' } }),
          makeSpan({ type: 'LLM', name: 'm.invoke', metadata: { tool_name: 'stray' } }),
        ],
      }),
    ]);
    expect([0, 1, 2, 3].map((i) => model.toolNameOf(i))).toEqual([
      null,
      'get_stock',
      'web_search',
      null,
    ]);
  });

  it('computes self time: duration minus what the children cover', () => {
    // 4ms − (1ms + 0.4ms + 1.8ms) for the agent; leaves keep their whole duration.
    expect(Array.from(agentModel().selfTimeUs)).toEqual([800, 1000, 400, 1800]);
  });

  it('counts span types as sent, most frequent first', () => {
    expect(agentModel().spanTypeCounts).toEqual([
      { type: 'AGENT', count: 1 },
      { type: 'LLM', count: 1 },
      { type: 'TOOL', count: 1 },
      { type: 'llm', count: 1 },
    ]);
    const model = testModel([
      makeSpan({ type: 'AGENT', spans: [makeSpan({ type: 'TOOL' }), makeSpan({ type: 'TOOL' })] }),
    ]);
    expect(model.spanTypeCounts).toEqual([
      { type: 'TOOL', count: 2 },
      { type: 'AGENT', count: 1 },
    ]);
  });

  it('links a delegated member run to the TOOL span that started it', () => {
    const model = testModel([
      timedSpan(0, 1000, {
        type: 'TEAM',
        name: 'Team.run',
        spans: [
          timedSpan(100, 900, {
            type: 'TOOL',
            name: 'delegate_task_to_member',
            metadata: { parameters: '{"member_id": "writer"}' },
          }),
          timedSpan(110, 880, { type: 'AGENT', name: 'Writer.run' }),
        ],
      }),
    ]);
    expect(Array.from(model.delegations.toolOf)).toEqual([-1, -1, 1]);
    expect(model.delegations.membersOf.get(1)).toEqual([2]);
    expect(model.delegations.linkCount).toBe(1);
    // The member's run is the call's work: 800µs − 770µs of its own.
    expect(model.selfTimeUs[1]).toBe(30);
  });

  it('builds a 100,000-level chain without recursion', () => {
    let node: TraceNode = timedSpan(0, 1, { id: 'leaf' });
    for (let i = 1; i < 100_000; i++) node = { ...timedSpan(0, 1), id: `s${i}`, spans: [node] };
    const model = testModel([node]);
    expect(model.count).toBe(100_000);
    expect(model.durationUs[99_999]).toBe(1);
    expect(model.selfTimeUs[99_999]).toBe(1);
    expect(model.selfTimeUs[0]).toBe(0);
  });
});

describe('buildTraceModel on the real team trace', () => {
  const model = buildTraceModel(realTrace('trace-team-delegation.json'));
  const indexOf = (name: string, nth = 0) =>
    model.nodes.flatMap((node, i) => (node.name === name ? [i] : []))[nth]!;

  it('takes the axis from Research_Team.run, 20:09:12.482826 to 20:09:14.019959', () => {
    expect(model.axisStartUs).toBe(1_795_896_552_482_826);
    expect(model.axisEndUs).toBe(1_795_896_554_019_959);
    // Writer.run starts at 20:09:13.543627.
    expect(model.offsetUs(indexOf('Writer.run'))).toBe(1_060_801);
  });

  it('reads the root’s totals, which equal the sum of the seven model calls', () => {
    expect(model.tokenTotals).toEqual({ input: 1331, output: 299, source: 'root' });
    // 60 + 65 + 211 + 484 + 168 + 62 + 281, and 56 + 43 + 69 + 27 + 52 + 34 + 18.
    const sum = (tokens: Float64Array) => tokens.reduce((s, n) => (Number.isNaN(n) ? s : s + n), 0);
    expect(sum(model.inputTokens)).toBe(1331);
    expect(sum(model.outputTokens)).toBe(299);
  });

  it('names the models, tools and delegations as the file records them', () => {
    expect(model.modelLabelOf(indexOf('AwsBedrock.invoke'))?.text).toBe(
      'anthropic.claude-3-5-sonnet-20240620-v1:0',
    );
    expect(model.toolNameOf(indexOf('web_search'))).toBe('web_search');
    expect(model.delegations.linkCount).toBe(2);
    expect(model.delegations.toolOf[indexOf('Writer.run')]).toBe(
      indexOf('delegate_task_to_member', 1),
    );
    // 20:09:13.543627 to 20:09:13.790908.
    expect(model.durationUs[indexOf('Writer.run')]).toBe(247_281);
  });
});
