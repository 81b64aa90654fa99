import { describe, expect, it } from 'vitest';
import { SpanKind } from '../../../domain/trace/spanKind';
import { createPeerGroupsScan, peersOf } from './peerSteps';

interface TestSpan {
  kind: SpanKind;
  name: string;
  startMs: number;
  tool?: string;
  model?: string;
}

/** The fields `peersOf` reads, for spans listed in tree order. */
function trace(spans: TestSpan[]) {
  return {
    count: spans.length,
    kind: Uint8Array.from(spans.map((span) => span.kind)),
    nodes: spans.map((span) => ({ name: span.name })) as never,
    startUs: Float64Array.from(spans.map((span) => span.startMs * 1000)),
    toolNameOf: (i: number) => spans[i]!.tool ?? null,
    modelLabelOf: (i: number) =>
      spans[i]!.model === undefined ? null : { text: spans[i]!.model, isFromSpanName: false },
  };
}

const agent = (name: string, startMs: number): TestSpan => ({
  kind: SpanKind.Agent,
  name,
  startMs,
});
const tool = (name: string, startMs: number): TestSpan => ({
  kind: SpanKind.Tool,
  name,
  tool: name,
  startMs,
});
const llm = (model: string, startMs: number): TestSpan => ({
  kind: SpanKind.Llm,
  name: 'OpenAIChat.invoke',
  model,
  startMs,
});

// Tree order: 0 agent, 1 search at 300, 2 gpt at 10, 3 search at 100, 4 fetch, 5 gpt at 400,
// 6 search at 100 (a tie with 3: tree order), 7 a claude call, 8 the same agent again.
const spans = () => [
  agent('Researcher', 0),
  tool('search', 300),
  llm('gpt-4o', 10),
  tool('search', 100),
  tool('fetch', 200),
  llm('gpt-4o', 400),
  tool('search', 100),
  llm('claude-sonnet-4', 500),
  agent('Researcher', 600),
];

describe('peersOf', () => {
  const tree = trace(spans());

  it('lists the calls of the same tool in time order, ties in tree order', () => {
    expect(peersOf(tree, 1)).toEqual({
      noun: 'tool',
      label: 'search',
      order: Int32Array.from([3, 6, 1]),
    });
  });

  it('lists the calls of the same model', () => {
    expect(peersOf(tree, 5)).toEqual({
      noun: 'model',
      label: 'gpt-4o',
      order: Int32Array.from([2, 5]),
    });
  });

  it('lists the runs of the same agent', () => {
    expect(peersOf(tree, 8)?.order).toEqual(Int32Array.from([0, 8]));
  });

  it('has no peers for a call made once', () => {
    expect(peersOf(tree, 4)).toBeNull();
    expect(peersOf(tree, 7)).toBeNull();
  });

  it('has no peers for spans that are neither tools, models nor agents', () => {
    const other = trace([
      { kind: SpanKind.Other, name: 'step', startMs: 0 },
      { kind: SpanKind.Other, name: 'step', startMs: 1 },
    ]);
    expect(peersOf(other, 0)).toBeNull();
  });
});

describe('createPeerGroupsScan', () => {
  it('builds the groups in steps, ahead of the clicks, as peersOf answers them', () => {
    const tree = trace(spans());
    const scan = createPeerGroupsScan(tree);
    let steps = 1;
    while (!scan.step(() => false)) steps++;
    expect(steps).toBeGreaterThan(1);

    const asked: number[] = [];
    const labelOf = tree.toolNameOf;
    tree.toolNameOf = (i) => {
      asked.push(i);
      return labelOf(i);
    };
    expect(peersOf(tree, 1)).toEqual({
      noun: 'tool',
      label: 'search',
      order: Int32Array.from([3, 6, 1]),
    });
    expect(peersOf(tree, 5)?.order).toEqual(Int32Array.from([2, 5]));
    expect(peersOf(tree, 8)?.order).toEqual(Int32Array.from([0, 8]));
    expect(peersOf(tree, 4)).toBeNull();
    // Only the asked spans' own labels: their groups were ready, no pass over the tools.
    expect(asked).toEqual([1, 4]);
  });

  it('keeps a group a click built before the scan reached it', () => {
    const tree = trace(spans());
    const before = peersOf(tree, 3)!.order;
    const scan = createPeerGroupsScan(tree);
    while (!scan.step(() => true));
    expect(peersOf(tree, 6)!.order).toBe(before);
  });
});
