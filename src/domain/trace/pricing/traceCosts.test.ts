import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../../test/testSpans';
import { at } from '../../../test/testTraces';
import { testModel } from '../../../test/testModel';
import type { ModelLookup, TraceCosts } from './traceCosts';
import { NO_AGENT } from '../agentOf';
import {
  computeTraceCosts,
  createTraceCostsScan,
  knownTraceCosts,
  PriceState,
  traceCostsScan,
} from './traceCosts';

// A fixed table, so the expected figures below are worked out by hand.
const lookup: ModelLookup = (id) =>
  id === 'gpt-4o'
    ? { rates: { input: 2.5, output: 10 }, contextWindow: 128_000 }
    : { rates: null, contextWindow: id === 'acme-llm' ? 10_000 : null };

function llm(model: string | null, input: number, output: number, startUs: number) {
  return makeSpan({
    type: 'LLM',
    name: 'OpenAIChat.invoke',
    start_time: at(startUs),
    end_time: at(startUs + 10),
    metadata: { ...(model ? { model } : {}), input_tokens: input, output_tokens: output },
  });
}

function sampleTree() {
  return testModel([
    makeSpan({
      type: 'AGENT',
      name: 'Writer.run',
      start_time: at(0),
      end_time: at(100),
      spans: [
        llm('gpt-4o', 1000, 200, 10), // 0.0025 + 0.002 = $0.0045
        llm('acme-llm', 9000, 100, 20), // no price; 90 % of its window
        makeSpan({ type: 'TOOL', name: 'search', start_time: at(30), end_time: at(40) }),
        llm('gpt-4o', 4000, 500, 50), // 0.01 + 0.005 = $0.015
      ],
    }),
    llm(null, 100, 10, 110), // model id not recorded: no price
  ]);
}

describe('computeTraceCosts', () => {
  it('prices each call and sums per subtree and per trace', () => {
    const tree = sampleTree();
    const costs = computeTraceCosts(tree, lookup);
    expect(costs.costUsd[1]).toBeCloseTo(0.0045, 10);
    expect(costs.costUsd[4]).toBeCloseTo(0.015, 10);
    expect(costs.priceState[1]).toBe(PriceState.Priced);
    expect(costs.priceState[2]).toBe(PriceState.NoPrice);
    expect(costs.priceState[3]).toBe(PriceState.NotACall);
    expect(costs.priceState[5]).toBe(PriceState.NoPrice);
    expect(costs.subtreeCostUsd(0)).toBeCloseTo(0.0195, 10);
    expect(costs.subtreeUnpricedCalls(0)).toBe(1);
    expect(costs.totalUsd).toBeCloseTo(0.0195, 10);
    expect(costs.pricedCalls).toBe(2);
    expect(costs.unpricedCalls).toBe(2);
  });

  it('groups by model and by agent, most expensive first', () => {
    const costs = computeTraceCosts(sampleTree(), lookup);
    expect(costs.byModel.map((g) => [g.key, g.calls, g.unpricedCalls])).toEqual([
      ['gpt-4o', 2, 0],
      ['acme-llm', 1, 1],
      ['OpenAIChat', 1, 1],
    ]);
    expect(costs.byAgent.map((g) => [g.key, g.calls, g.unpricedCalls])).toEqual([
      ['Writer.run', 3, 1],
      [NO_AGENT, 1, 1],
    ]);
    expect(costs.byAgent[0]!.costUsd).toBeCloseTo(0.0195, 10);
  });

  it('gives the context share of known windows, in start order', () => {
    const costs = computeTraceCosts(sampleTree(), lookup);
    expect(costs.contextShare[2]).toBeCloseTo(0.9, 10);
    expect(costs.contextShare[4]).toBeCloseTo(0.03125, 10);
    expect(costs.contextShare[5]).toBeNaN();
    expect(costs.contextPoints.map((p) => [p.index, p.inputTokens])).toEqual([
      [1, 1000],
      [2, 9000],
      [4, 4000],
      [5, 100],
    ]);
  });
});

describe('createTraceCostsScan', () => {
  it('gives, a span at a time, what one pass gives', () => {
    const tree = sampleTree();
    const scan = createTraceCostsScan(tree, lookup);
    let steps = 1;
    while (!scan.step(1)) steps++;
    expect(steps).toBe(tree.count);
    const sliced = scan.result();
    const whole = computeTraceCosts(tree, lookup);
    const data = (costs: TraceCosts) => ({
      ...costs,
      subtreeCostUsd: null,
      subtreeUnpricedCalls: null,
    });
    expect(data(sliced)).toEqual(data(whole));
    for (let i = 0; i < tree.count; i++) {
      expect(sliced.subtreeCostUsd(i)).toBe(whole.subtreeCostUsd(i));
      expect(sliced.subtreeUnpricedCalls(i)).toBe(whole.subtreeUnpricedCalls(i));
    }
  });

  it('has no result before the last step', () => {
    const scan = createTraceCostsScan(sampleTree(), lookup);
    scan.step(1);
    expect(() => scan.result()).toThrow();
  });
});

describe('traceCostsScan', () => {
  it('keeps the first finished result for the tree, and starts done once it is known', () => {
    const tree = sampleTree();
    expect(knownTraceCosts(tree)).toBeUndefined();
    const first = traceCostsScan(tree, lookup);
    const second = traceCostsScan(tree, lookup);
    while (!second.step(2)) {
      // slices
    }
    const costs = second.result();
    expect(knownTraceCosts(tree)).toBe(costs);
    while (!first.step(2)) {
      // slices
    }
    expect(first.result()).toBe(costs);
    const third = traceCostsScan(tree, lookup);
    expect(third.step(1)).toBe(true);
    expect(third.result()).toBe(costs);
  });
});
