import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToBins, binRuns, createFlameBins, ownerAt, RunFlag } from './flameBinning';

describe('flame binning', () => {
  it('gives a span wider than a pixel its columns, as one run', () => {
    const bins = createFlameBins(10, 1);
    addToBins(bins, 0, 2.5, 7.25, 4, false);
    const runs = binRuns(bins);
    expect(runs.length).toBe(1);
    expect([runs.start[0], runs.end[0], runs.index[0], runs.flags[0]]).toEqual([2, 8, 4, 0]);
    expect(ownerAt(bins, 0, 1)).toBe(-1);
    expect(ownerAt(bins, 0, 7.9)).toBe(4);
  });

  it('merges spans narrower than a pixel: the biggest owns the column, a failure marks it', () => {
    const bins = createFlameBins(4, 2);
    addToBins(bins, 1, 1.1, 1.2, 10, false);
    addToBins(bins, 1, 1.3, 1.8, 11, false); // the biggest
    addToBins(bins, 1, 1.85, 1.9, 12, true);
    const runs = binRuns(bins);
    expect(runs.length).toBe(1);
    expect(runs.row[0]).toBe(1);
    expect(runs.index[0]).toBe(11);
    expect(runs.flags[0]).toBe(RunFlag.Merged | RunFlag.Error);
    expect(bins.count[1 * 4 + 1]).toBe(3);
  });

  it('keeps a neighbour that covers less of a shared edge column off it', () => {
    const bins = createFlameBins(10, 1);
    addToBins(bins, 0, 0, 5.7, 1, false);
    addToBins(bins, 0, 5.7, 10, 2, false);
    expect(ownerAt(bins, 0, 5)).toBe(1);
    expect(ownerAt(bins, 0, 6)).toBe(2);
  });

  it('does not mark a wide span merged for a neighbour sharing its edge column', () => {
    const bins = createFlameBins(10, 1);
    addToBins(bins, 0, 0, 5.7, 1, false);
    addToBins(bins, 0, 5.7, 10, 2, false);
    const runs = binRuns(bins);
    expect(runs.length).toBe(2);
    expect([...runs.flags.subarray(0, 2)]).toEqual([0, 0]);
  });

  it('shows the heavier of two spans covering a cell alike: the one with children', () => {
    const bins = createFlameBins(10, 1);
    addToBins(bins, 0, 0, 10, 1, false, 1); // a tool call delegating…
    addToBins(bins, 0, 0.5, 9.5, 2, false, 12); // …and the member run beside it
    expect(ownerAt(bins, 0, 0)).toBe(1); // the tool call covers more of the edge columns
    expect(ownerAt(bins, 0, 5)).toBe(2);
    expect(ownerAt(bins, 0, 9)).toBe(1);
  });

  it('counts an instant span in its column', () => {
    const bins = createFlameBins(3, 1);
    addToBins(bins, 0, 2, 2, 7, false);
    expect(ownerAt(bins, 0, 2)).toBe(7);
    // At the right edge it stays in the last column.
    addToBins(bins, 0, 3, 3, 8, false);
    expect(bins.count[2]).toBe(2);
  });

  it('ignores rows outside the grid', () => {
    const bins = createFlameBins(3, 1);
    addToBins(bins, 1, 0, 3, 1, false);
    addToBins(bins, -1, 0, 3, 1, false);
    expect(binRuns(bins).length).toBe(0);
  });

  it('draws at most width × rows runs, for any number of spans', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(
          fc.record({
            row: fc.nat(5),
            a: fc.double({ min: 0, max: 40, noNaN: true }),
            b: fc.double({ min: 0, max: 40, noNaN: true }),
            isError: fc.boolean(),
          }),
          { maxLength: 400 },
        ),
        (width, rows, spans) => {
          const bins = createFlameBins(width, rows);
          spans.forEach(({ row, a, b, isError }, index) =>
            addToBins(
              bins,
              row,
              Math.min(a, b, width),
              Math.min(Math.max(a, b), width),
              index,
              isError,
            ),
          );
          const runs = binRuns(bins);
          expect(runs.length).toBeLessThanOrEqual(width * rows);
          // Runs tile each row's owned cells exactly, left to right.
          let owned = 0;
          for (let cell = 0; cell < bins.owner.length; cell++) if (bins.owner[cell]! >= 0) owned++;
          let covered = 0;
          for (let r = 0; r < runs.length; r++) covered += runs.end[r]! - runs.start[r]!;
          expect(covered).toBe(owned);
        },
      ),
    );
  });

  it('stays within width × rows at 100,000 spans', () => {
    const width = 300;
    const rows = 8;
    const bins = createFlameBins(width, rows);
    for (let i = 0; i < 100_000; i++) {
      const x0 = ((i * 7919) % 300_000) / 1000;
      addToBins(bins, i % rows, x0, Math.min(x0 + (i % 13) / 10, width), i, i % 97 === 0);
    }
    expect(binRuns(bins).length).toBeLessThanOrEqual(width * rows);
  });
});
