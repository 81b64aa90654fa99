import { describe, expect, it } from 'vitest';
import { buildSpanTree } from './buildSpanTree';

import { makeSpan } from '../../test/testSpans';

describe('buildSpanTree', () => {
  it('orders spans depth-first and records parents, depths and subtree sizes', () => {
    const tree = buildSpanTree([
      makeSpan({
        id: 'root',
        spans: [
          makeSpan({ id: 'a', spans: [makeSpan({ id: 'a1' }), makeSpan({ id: 'a2' })] }),
          makeSpan({ id: 'b' }),
        ],
      }),
    ]);
    expect(tree.nodes.map((node) => node.id)).toEqual(['root', 'a', 'a1', 'a2', 'b']);
    expect(Array.from(tree.parentIndex)).toEqual([-1, 0, 1, 1, 0]);
    expect(Array.from(tree.depth)).toEqual([0, 1, 2, 2, 1]);
    expect(Array.from(tree.subtreeSize)).toEqual([5, 3, 1, 1, 1]);
    expect(Array.from(tree.childCount)).toEqual([2, 2, 0, 0, 0]);
    expect(Array.from(tree.siblingIndex)).toEqual([0, 0, 0, 1, 1]);
    expect(tree.indexById.get('a2')).toBe(3);
  });

  it('counts errors per subtree', () => {
    const tree = buildSpanTree([
      makeSpan({
        status: 'ERROR',
        spans: [makeSpan({ spans: [makeSpan({ status: 'ERROR' })] }), makeSpan()],
      }),
    ]);
    expect(Array.from(tree.subtreeErrors)).toEqual([2, 1, 1, 0]);
  });

  it('keeps several roots (orphans) side by side', () => {
    const tree = buildSpanTree([makeSpan({ spans: [makeSpan()] }), makeSpan()]);
    expect(tree.rootCount).toBe(2);
    expect(Array.from(tree.depth)).toEqual([0, 1, 0]);
  });

  it('handles a chain 10,000 deep without recursion', () => {
    const root = makeSpan();
    let tail = root;
    for (let i = 1; i < 10_000; i++) {
      const child = makeSpan();
      tail.spans = [child];
      tail = child;
    }
    const tree = buildSpanTree([root]);
    expect(tree.count).toBe(10_000);
    expect(tree.maxDepth).toBe(9_999);
    expect(tree.subtreeSize[0]).toBe(10_000);
  });

  it('takes the time axis from the earliest start and latest end, skewed children included', () => {
    const tree = buildSpanTree([
      makeSpan({
        start_time: '2025-11-19T10:30:00.000000Z',
        end_time: '2025-11-19T10:30:01.000000Z',
        spans: [
          makeSpan({
            start_time: '2025-11-19T10:29:59.999500Z',
            end_time: '2025-11-19T10:30:01.000250Z',
          }),
        ],
      }),
    ]);
    expect(tree.endBoundUs - tree.startBoundUs).toBe(1_000_750);
  });

  it('notes duplicate span ids and keeps the first for lookups', () => {
    const tree = buildSpanTree([makeSpan({ id: 'x', spans: [makeSpan({ id: 'x' })] })]);
    expect(tree.count).toBe(2);
    expect(tree.duplicateIds).toEqual(['x']);
    expect(tree.indexById.get('x')).toBe(0);
  });

  it('accepts an empty tree', () => {
    const tree = buildSpanTree([]);
    expect(tree.count).toBe(0);
    expect(tree.startBoundUs).toBe(0);
  });
});

describe('buildSpanTree time axis with unreadable times', () => {
  it('builds the axis from the start times when no end time parses', () => {
    const tree = buildSpanTree([
      makeSpan({
        start_time: '2025-11-19T10:30:00Z',
        end_time: 'soon',
        spans: [makeSpan({ start_time: '2025-11-19T10:30:02Z', end_time: 'later' })],
      }),
    ]);
    expect(tree.startBoundUs).toBe(Date.UTC(2025, 10, 19, 10, 30, 0) * 1000);
    expect(tree.endBoundUs - tree.startBoundUs).toBe(2_000_000);
  });
});
