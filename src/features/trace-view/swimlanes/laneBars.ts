import { barGeometry, type TimeScale } from '../waterfall/timeScale';
import type { Lane, LaneLayout } from './laneLayout';

export interface LaneBar {
  /** The span it draws; for merged bars, the longest of them (what a click opens). */
  index: number;
  row: number;
  /** Percent of the track. */
  leftPercent: number;
  widthPercent: number;
  /** Spans drawn as this one bar: more than 1 where they were too thin to tell apart. */
  count: number;
}

/** A bar narrower than this (CSS px) merges into a thin or merged neighbour closer than `MERGE_GAP_PX`. */
const THIN_PX = 3;
const MERGE_GAP_PX = 1;

/**
 * The bars of one lane on the shown range, left to right per row. Spans outside the range get
 * none; thin bars that touch merge into one (its `count` says how many), so a lane of 50,000
 * calls draws about one bar per pixel column per row, not 50,000 elements.
 */
export function laneBars(
  layout: Pick<LaneLayout, 'rowOf'>,
  lane: Pick<Lane, 'spans' | 'rowCount'>,
  times: { startUs: Float64Array; endUs: Float64Array; durationUs: Float64Array },
  scale: TimeScale,
  trackPx: number,
): LaneBar[] {
  const bars: LaneBar[] = [];
  const lastInRow = new Array<LaneBar | undefined>(lane.rowCount);
  const pxPerPercent = Math.max(trackPx, 1) / 100;
  for (const index of lane.spans) {
    const row = layout.rowOf[index]!;
    if (row < 0) continue;
    const geometry = barGeometry(scale, times.startUs[index]!, times.endUs[index]!);
    if (geometry.widthPercent === 0) continue; // before or after the zoomed range
    const last = lastInRow[row];
    const widthPx = geometry.widthPercent * pxPerPercent;
    if (last) {
      const lastWidthPx = last.widthPercent * pxPerPercent;
      const gapPx = (geometry.leftPercent - last.leftPercent) * pxPerPercent - lastWidthPx;
      // Thin into thin (or into bars merged before): a wide bar keeps its own outline.
      if (gapPx < MERGE_GAP_PX && widthPx < THIN_PX && (lastWidthPx < THIN_PX || last.count > 1)) {
        const right = Math.max(
          last.leftPercent + last.widthPercent,
          geometry.leftPercent + geometry.widthPercent,
        );
        last.widthPercent = right - last.leftPercent;
        last.count += 1;
        if (times.durationUs[index]! > times.durationUs[last.index]!) last.index = index;
        continue;
      }
    }
    const bar: LaneBar = {
      index,
      row,
      leftPercent: geometry.leftPercent,
      widthPercent: geometry.widthPercent,
      count: 1,
    };
    bars.push(bar);
    lastInRow[row] = bar;
  }
  return bars;
}
