import { describe, expect, it } from 'vitest';
import { SpanKind } from '../../../domain/trace/spanKind';
import { testModel } from '../../../test/testModel';
import { timedSpan } from '../../../test/testTraces';
import { bandOf, binOverview, EMPTY_CELL, type OverviewTree } from './overviewBins';

/** A 10 s trace: an agent, an LLM call in its first half, a failed tool in its second. */
const tree = testModel([
  timedSpan(0, 10_000_000, {
    name: 'agent',
    type: 'AGENT',
    spans: [
      timedSpan(0, 5_000_000, { name: 'gpt', type: 'LLM' }),
      timedSpan(6_000_000, 8_000_000, { name: 'search', type: 'TOOL', status: 'ERROR' }),
    ],
  }),
]);

describe('binOverview', () => {
  it('gives each column of each depth band the kind that covers it', () => {
    const bins = binOverview(tree, 10, 8);
    expect(bins.bands).toBe(2);
    expect([...bins.kind.slice(0, 10)]).toEqual(Array(10).fill(SpanKind.Agent));
    const E = EMPTY_CELL;
    const L = SpanKind.Llm;
    const T = SpanKind.Tool;
    expect([...bins.kind.slice(10, 20)]).toEqual([L, L, L, L, L, E, T, T, E, E]);
  });

  it('marks the columns a failed span touches, in its band only', () => {
    const bins = binOverview(tree, 10, 8);
    expect([...bins.error.slice(0, 10)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...bins.error.slice(10, 20)]).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
  });

  it('lets the kind covering most of a column win it', () => {
    const mixed = testModel([
      timedSpan(0, 1_000_000, {
        type: 'AGENT',
        spans: [
          timedSpan(0, 300_000, { type: 'LLM' }),
          timedSpan(300_000, 400_000, { type: 'TOOL' }),
          timedSpan(400_000, 500_000, { type: 'TOOL' }),
          timedSpan(500_000, 1_000_000, { type: 'TOOL' }),
        ],
      }),
    ]);
    // Two columns: the first is 0.3 LLM against 0.2 tool, the second all tool.
    const bins = binOverview(mixed, 2, 8);
    expect([...bins.kind.slice(2, 4)]).toEqual([SpanKind.Llm, SpanKind.Tool]);
  });

  it('shows an instant span alone in its column', () => {
    const instant = testModel([
      timedSpan(0, 1_000_000, {
        type: 'AGENT',
        spans: [timedSpan(500_000, 500_000, { type: 'TOOL' })],
      }),
    ]);
    expect(binOverview(instant, 4, 8).kind[4 + 2]).toBe(SpanKind.Tool);
  });

  it('spreads deep trees over the bands it has', () => {
    expect(bandOf(0, 9_999, 8)).toBe(0);
    expect(bandOf(5_000, 9_999, 8)).toBe(4);
    expect(bandOf(9_999, 9_999, 8)).toBe(7);
  });

  it('outputs width × bands cells, whatever the span count', () => {
    const big = syntheticTree(100_000);
    const bins = binOverview(big, 1200, 8);
    expect(bins.kind.length).toBe(1200 * 8);
    expect(bins.error.length).toBe(1200 * 8);
    expect(binOverview(syntheticTree(10), 1200, 8).kind.length).toBe(1200 * 8);
    // Every column of the root's band is the root's.
    expect(bins.kind.slice(0, 1200).every((kind) => kind === SpanKind.Workflow)).toBe(true);
  });

  it('is empty for an empty trace or a zero width', () => {
    expect(binOverview(syntheticTree(0), 100, 8).kind.length).toBe(0);
    expect(binOverview(tree, 0, 8).kind.length).toBe(0);
  });
});

/** `count` spans: a workflow root, then chains 8 deep of LLM and tool calls, 1 ms apart. */
function syntheticTree(count: number): OverviewTree {
  const startUs = new Float64Array(count);
  const endUs = new Float64Array(count);
  const depth = new Int32Array(count);
  const kind = new Uint8Array(count);
  const isError = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    depth[i] = i === 0 ? 0 : 1 + ((i - 1) % 8);
    kind[i] = i === 0 ? SpanKind.Workflow : i % 2 ? SpanKind.Llm : SpanKind.Tool;
    startUs[i] = i === 0 ? 0 : i * 1000;
    endUs[i] = i === 0 ? count * 1000 + 1000 : i * 1000 + 900;
    isError[i] = i % 97 === 0 ? 1 : 0;
  }
  return {
    count,
    startUs,
    endUs,
    depth,
    kind,
    isError,
    maxDepth: count > 1 ? 8 : 0,
    axisStartUs: 0,
    axisEndUs: count * 1000 + 1000,
  };
}
