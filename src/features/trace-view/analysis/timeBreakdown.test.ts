import { describe, expect, it } from 'vitest';
import type { TraceNode } from '../../../api/schemas';
import { realTrace } from '../../../test/testTree';
import { buildTraceModel } from '../../../domain/trace/traceModel';
import { testModel } from '../../../test/testModel';
import { computeSelfTimes } from '../waterfall/selfTime';
import { computeTraceCosts } from '../../../domain/trace/pricing/traceCosts';
import { breakdownBy, UNNAMED, type BreakdownGrouping } from './timeBreakdown';
import { timedSpan as span } from '../../../test/testTraces';

/*
 * An agent [0, 1000µs] calls a model twice and a tool three times; two of the tool calls run in
 * parallel, and a nested agent calls a model of its own.
 */
function sampleTrace(): TraceNode[] {
  const llm = (
    start: number,
    end: number,
    model: string | undefined,
    input: number,
    output: number,
  ) =>
    span(start, end, {
      type: 'LLM',
      // Without a model id nor a model class in the name, the call names no model at all.
      name: model ? `${model}.invoke` : 'invoke',
      metadata: {
        ...(model ? { model } : {}),
        input_tokens: input,
        output_tokens: output,
      },
    });
  const tool = (start: number, end: number, name: string) =>
    span(start, end, { type: 'TOOL', name, metadata: { tool_name: name } });
  return [
    span(0, 1000, {
      type: 'AGENT',
      name: 'Agent.run',
      metadata: { total_input_tokens: 999_999, total_output_tokens: 999_999 },
      spans: [
        llm(0, 200, 'gpt-4o', 100, 10),
        tool(200, 400, 'search'),
        tool(250, 450, 'search'),
        tool(450, 500, 'read'),
        span(500, 900, {
          type: 'AGENT',
          name: 'Helper.run',
          spans: [llm(550, 850, 'gpt-4o-mini', 50, 5)],
        }),
        llm(900, 1000, undefined, 1, 2),
      ],
    }),
  ];
}

function rowsOf(grouping: BreakdownGrouping) {
  const tree = testModel(sampleTrace());
  return breakdownBy(tree, computeSelfTimes(tree), grouping);
}

describe('breakdownBy', () => {
  it('groups every span by type: count, total, self time, share and tokens', () => {
    const rows = rowsOf('type');
    expect(rows.map((row) => row.key)).toEqual(['LLM', 'TOOL', 'AGENT']);
    const llm = rows[0]!;
    expect(llm).toEqual({
      key: 'LLM',
      count: 3,
      totalUs: 600,
      selfUs: 600,
      // Of all self time: LLM 600 + TOOL 450 (the parallel search calls 200 each) + AGENT 100.
      share: 600 / 1150,
      inputTokens: 151,
      outputTokens: 17,
      // Without the price tables: no cost.
      costUsd: 0,
      modelCalls: 0,
      unpricedCalls: 0,
    });
    // Two agents: the outer one's 1000µs and the helper's 400µs both count in the total.
    const agent = rows.find((row) => row.key === 'AGENT')!;
    expect(agent.count).toBe(2);
    expect(agent.totalUs).toBe(1400);
    // Outer: 1000 − the union of its children ([0, 1000) minus nothing: they tile it) = 0;
    // helper: 400 − 300 = 100.
    expect(agent.selfUs).toBe(100);
    // The root's trace-wide totals are not counted again.
    expect(agent.inputTokens).toBe(0);
  });

  it('groups LLM spans by model, with a name for those that have none', () => {
    const rows = rowsOf('model');
    expect(rows.map((row) => [row.key, row.count, row.selfUs, row.inputTokens])).toEqual([
      ['gpt-4o-mini', 1, 300, 50],
      ['gpt-4o', 1, 200, 100],
      [UNNAMED, 1, 100, 1],
    ]);
  });

  it('groups a model call that lost its model id under the model class in its name', () => {
    const tree = testModel([
      span(0, 100, { type: 'LLM', name: 'AwsBedrock.invoke', metadata: { input_tokens: '7' } }),
    ]);
    const rows = breakdownBy(tree, tree.selfTimeUs, 'model');
    expect(rows.map((row) => [row.key, row.count, row.inputTokens])).toEqual([
      ['AwsBedrock', 1, 7],
    ]);
  });

  it('groups every span by the agent whose run it is in, once the costs are there', () => {
    const tree = testModel(sampleTrace());
    expect(breakdownBy(tree, computeSelfTimes(tree), 'agent')).toEqual([]);
    const costs = computeTraceCosts(tree, () => ({ rates: null, contextWindow: null }));
    const rows = breakdownBy(tree, computeSelfTimes(tree), 'agent', costs);
    expect(rows.map((row) => [row.key, row.count, row.selfUs])).toEqual([
      // Outer: its own 0, its first and last model calls 200 + 100, the tools 450.
      ['Agent.run', 6, 750],
      // Helper: its own 100 and its model call's 300.
      ['Helper.run', 2, 400],
    ]);
  });

  it('sums the estimated cost of each group’s model calls', () => {
    const tree = testModel(sampleTrace());
    const costs = computeTraceCosts(tree, (id) =>
      id === 'gpt-4o'
        ? { rates: { input: 2.5, output: 10 }, contextWindow: 128_000 }
        : { rates: null, contextWindow: null },
    );
    const rows = breakdownBy(tree, computeSelfTimes(tree), 'agent', costs);
    expect(rows.map((row) => [row.key, row.modelCalls, row.unpricedCalls])).toEqual([
      ['Agent.run', 2, 1],
      ['Helper.run', 1, 1],
    ]);
    // gpt-4o: 100 × $2.50/M + 10 × $10/M = $0.00035
    expect(rows[0]!.costUsd).toBeCloseTo(0.00035, 12);
    expect(rows[1]!.costUsd).toBe(0);
  });

  it('groups TOOL spans by tool name; parallel calls each count their own time', () => {
    const rows = rowsOf('tool');
    expect(rows.map((row) => [row.key, row.count, row.totalUs, row.selfUs])).toEqual([
      ['search', 2, 400, 400],
      ['read', 1, 50, 50],
    ]);
    // Of all spans' self time (1,150µs), not only the tools'.
    expect(rows.map((row) => row.share)).toEqual([400 / 1150, 50 / 1150]);
  });

  it('gives shares of all self time, which add up to 100% when spans run in parallel', () => {
    // An agent [0, 100µs] asks a model [0, 40µs], then runs three tools at once [40, 100µs].
    const tool = (name: string) => span(40, 100, { type: 'TOOL', name });
    const tree = testModel([
      span(0, 100, {
        type: 'AGENT',
        spans: [span(0, 40, { type: 'LLM' }), tool('a'), tool('b'), tool('c')],
      }),
    ]);
    const rows = breakdownBy(tree, computeSelfTimes(tree), 'type');
    // As a share of the trace's 100µs, TOOL's 180µs was 180% and the three rows 220%.
    expect(rows.map((row) => [row.key, row.selfUs, row.share])).toEqual([
      ['TOOL', 180, 180 / 220],
      ['LLM', 40, 40 / 220],
      ['AGENT', 0, 0],
    ]);
    expect(rows.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(1, 12);
  });

  it('counts unparsable durations as zero and a trace without self time as no share', () => {
    const broken = { ...span(0, 10, { type: 'TOOL', name: 'x' }), end_time: 'never' };
    const tree = testModel([span(5, 5, { type: 'AGENT', spans: [broken] })]);
    const rows = breakdownBy(tree, computeSelfTimes(tree), 'type');
    expect(rows.every((row) => row.totalUs === 0 && row.share === 0)).toBe(true);
  });

  it('on the real team trace, gives TOOL spans their own time only, not their members’', () => {
    const tree = buildTraceModel(realTrace('trace-team-delegation.json'));
    const rows = breakdownBy(tree, computeSelfTimes(tree), 'type');
    // By hand from the file's timestamps, in µs. Tool leaves: web_search 181,403, fetch_page
    // 102,213 and 65,741; the two delegations 719,596 and 265,613 in total, of which their
    // member runs cover all but 12,801 and 18,332.
    const tool = rows.find((row) => row.key === 'TOOL')!;
    expect(tool.totalUs).toBe(181_403 + 102_213 + 65_741 + 719_596 + 265_613);
    expect(tool.selfUs).toBe(181_403 + 102_213 + 65_741 + 12_801 + 18_332);
    // Its spans do not overlap, so all self time is the trace's 1,537,133µs
    // (0.482826–2.019959): TOOL had 86.8% before, 24.8% now.
    expect(tool.share).toBe(380_490 / 1_537_133);
    expect(rows.map((row) => [row.key, row.selfUs])).toEqual([
      ['LLM', 895_753], // seven model calls, all leaves
      ['TOOL', 380_490],
      ['AGENT', 160_407], // Researcher.run 706,795 − 569,326 under it; Writer.run 22,938
      ['TEAM', 100_483], // 1,537,133 − 1,436,650 covered by its children
    ]);
    // Nothing counted twice: the self times add up to the trace.
    expect(rows.reduce((sum, row) => sum + row.selfUs, 0)).toBe(1_537_133);
  });
});
