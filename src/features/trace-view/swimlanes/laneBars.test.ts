import { describe, expect, it } from 'vitest';
import { createTimeScale } from '../waterfall/timeScale';
import { laneBars } from './laneBars';

/** Spans given as [startMs, endMs] on a 0–1000 ms axis, each on `row`. */
function lane(spans: [number, number][], rows: number[]) {
  const startUs = Float64Array.from(spans.map(([start]) => start * 1000));
  const endUs = Float64Array.from(spans.map(([, end]) => end * 1000));
  const durationUs = Float64Array.from(spans.map(([start, end]) => (end - start) * 1000));
  return {
    layout: { rowOf: Int32Array.from(rows) },
    lane: { spans: spans.map((_, i) => i), rowCount: Math.max(...rows) + 1 },
    times: { startUs, endUs, durationUs },
  };
}

describe('laneBars', () => {
  it('places each bar as a share of the track', () => {
    const {
      layout,
      lane: shape,
      times,
    } = lane(
      [
        [0, 1000],
        [100, 350],
        [500, 900],
      ],
      [0, 1, 1],
    );
    const bars = laneBars(layout, shape, times, createTimeScale(0, 1_000_000), 1000);
    expect(
      bars.map(({ index, row, leftPercent, widthPercent, count }) => [
        index,
        row,
        leftPercent,
        widthPercent,
        count,
      ]),
    ).toEqual([
      [0, 0, 0, 100, 1],
      [1, 1, 10, 25, 1],
      [2, 1, 50, 40, 1],
    ]);
  });

  it('merges thin bars that touch into one that counts them and opens the longest', () => {
    // On a 100 px track each ms is 0.1 px: ten 1 ms calls 1 ms apart are one smudge.
    const calls: [number, number][] = Array.from({ length: 10 }, (_, k) => [k * 2, k * 2 + 1]);
    calls[6] = [12, 14.5];
    const {
      layout,
      lane: shape,
      times,
    } = lane(
      [...calls, [500, 600]],
      Array.from({ length: 11 }, () => 0),
    );
    const bars = laneBars(layout, shape, times, createTimeScale(0, 1_000_000), 100);
    expect(bars.map((bar) => [bar.index, bar.count])).toEqual([
      [6, 10],
      [10, 1],
    ]);
  });

  it('keeps bars apart when either is wide enough to see', () => {
    const {
      layout,
      lane: shape,
      times,
    } = lane(
      [
        [0, 100],
        [100, 101],
      ],
      [0, 0],
    );
    const bars = laneBars(layout, shape, times, createTimeScale(0, 1_000_000), 1000);
    expect(bars.map((bar) => bar.count)).toEqual([1, 1]);
  });

  it('leaves out spans outside the zoomed range and spans without a row', () => {
    const {
      layout,
      lane: shape,
      times,
    } = lane(
      [
        [0, 100],
        [400, 600],
        [900, 950],
      ],
      [0, 0, -1],
    );
    const bars = laneBars(layout, shape, times, createTimeScale(300_000, 800_000), 500);
    expect(bars.map((bar) => [bar.index, bar.leftPercent, bar.widthPercent])).toEqual([
      [1, 20, 40],
    ]);
  });
});
