import { describe, expect, it } from 'vitest';
import { generateTrace } from '../../../mocks/generateTrace';
import { buildTraceModel } from '../../../domain/trace/traceModel';
import { testModel } from '../../../test/testModel';
import { timedSpan } from '../../../test/testTraces';
import { ownerAt } from './flameBinning';
import { flameRange, flameRowCount, isInView, layoutFlame, spanColumns } from './flameLayout';

// root 0–1000 µs ─ a 0–400 ─ a1 100–200 ; b 500–1000 ─ b1 500–501 (an error), b2 990–1000
const tree = testModel([
  timedSpan(0, 1000, {
    name: 'root',
    spans: [
      timedSpan(0, 400, { name: 'a', spans: [timedSpan(100, 200, { name: 'a1' })] }),
      timedSpan(500, 1000, {
        name: 'b',
        spans: [
          timedSpan(500, 501, { name: 'b1', status: 'ERROR' }),
          timedSpan(990, 1000, { name: 'b2' }),
        ],
      }),
    ],
  }),
]);
const index = (name: string) => tree.nodes.findIndex((node) => node.name === name);
const base = tree.axisStartUs;

describe('flameRange and flameRowCount', () => {
  it('shows the whole axis and every level when not zoomed', () => {
    expect(flameRange(tree, null)).toEqual({ startUs: base, endUs: base + 1000 });
    expect(flameRowCount(tree, null)).toBe(3);
  });

  it('zooms to a span’s own times and the levels of its subtree', () => {
    expect(flameRange(tree, index('b'))).toEqual({ startUs: base + 500, endUs: base + 1000 });
    expect(flameRowCount(tree, index('b'))).toBe(2);
    expect(flameRowCount(tree, index('a1'))).toBe(1);
  });

  it('gives an instant span a 1 µs range', () => {
    const instant = testModel([timedSpan(5, 5, { name: 'now' })]);
    const range = flameRange(instant, 0);
    expect(range.endUs - range.startUs).toBe(1);
  });
});

describe('spanColumns', () => {
  const range = { startUs: base + 500, endUs: base + 1500 }; // 1 µs per column over 1000

  it('places a span to the µs on epoch times', () => {
    expect(spanColumns(base + 750, base + 751, range, 1000)).toEqual([250, 251]);
    expect(spanColumns(base + 500, base + 1500, range, 2000)).toEqual([0, 2000]);
  });

  it('clips a span that starts before or ends after the range', () => {
    expect(spanColumns(base, base + 510, range, 1000)).toEqual([0, 10]);
    expect(spanColumns(base + 1499, base + 9000, range, 1000)).toEqual([999, 1000]);
  });

  it('leaves out spans that only touch the range from outside', () => {
    expect(spanColumns(base, base + 500, range, 1000)).toBeNull();
    expect(spanColumns(base + 1500, base + 1600, range, 1000)).toBeNull();
    expect(spanColumns(base + 499, base + 499, range, 1000)).toBeNull();
  });

  it('draws an instant, or an end before the start, at its start; skips an unknown start', () => {
    expect(spanColumns(base + 1500, base + 1500, range, 1000)).toEqual([1000, 1000]);
    expect(spanColumns(base + 600, base + 550, range, 1000)).toEqual([100, 100]);
    expect(spanColumns(base + 600, Number.NaN, range, 1000)).toEqual([100, 100]);
    expect(spanColumns(Number.NaN, base + 600, range, 1000)).toBeNull();
  });
});

describe('layoutFlame', () => {
  it('puts each level on its row, at its time', () => {
    const { bins } = layoutFlame(tree, {
      rootIndex: null,
      range: flameRange(tree, null),
      width: 100,
      firstRow: 0,
      rowCount: 3,
    });
    expect(ownerAt(bins, 0, 0)).toBe(index('root'));
    expect(ownerAt(bins, 0, 99)).toBe(index('root'));
    expect(ownerAt(bins, 1, 39)).toBe(index('a'));
    expect(ownerAt(bins, 1, 45)).toBe(-1); // the gap between a and b
    expect(ownerAt(bins, 2, 15)).toBe(index('a1'));
    // b1 is a tenth of a column: merged into column 50, where it is the only span.
    expect(ownerAt(bins, 2, 50)).toBe(index('b1'));
    expect(bins.error[2 * 100 + 50]).toBe(1);
  });

  it('shows only the zoomed subtree, clipped to its range, its root on the top row', () => {
    const b = index('b');
    const view = { rootIndex: b, range: flameRange(tree, b), width: 500, firstRow: 0, rowCount: 2 };
    const { bins, runs } = layoutFlame(tree, view);
    expect(ownerAt(bins, 0, 0)).toBe(b);
    expect(ownerAt(bins, 0, 499)).toBe(b);
    expect(ownerAt(bins, 1, 0)).toBe(index('b1')); // 500–501 µs: column 0 exactly
    expect(ownerAt(bins, 1, 1)).toBe(-1);
    expect(ownerAt(bins, 1, 490)).toBe(index('b2'));
    expect([...runs.index.subarray(0, runs.length)]).not.toContain(index('a'));
    expect(isInView(tree, b, index('a1'))).toBe(false);
    expect(isInView(tree, b, index('b2'))).toBe(true);
  });

  it('draws only the rows in view', () => {
    const { bins } = layoutFlame(tree, {
      rootIndex: null,
      range: flameRange(tree, null),
      width: 100,
      firstRow: 1,
      rowCount: 1,
    });
    expect(bins.rows).toBe(1);
    expect(ownerAt(bins, 0, 10)).toBe(index('a'));
  });

  it('keeps 100,000 spans within width × rows runs', () => {
    const big = buildTraceModel(
      generateTrace({ seed: 3, spanCount: 100_000, startMs: Date.UTC(2025, 0, 1) }),
    );
    const rowCount = Math.min(flameRowCount(big, null), 40);
    const width = 1200;
    const { runs } = layoutFlame(big, {
      rootIndex: null,
      range: flameRange(big, null),
      width,
      firstRow: 0,
      rowCount,
    });
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.length).toBeLessThanOrEqual(width * rowCount);
  });
});
