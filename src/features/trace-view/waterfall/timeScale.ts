import type { TraceModel } from '../../../domain/trace/traceModel';
import { memoizeLast } from '../../../lib/memoizeLast';
import { zoomTimeRange, type Zoom } from '../timeline/timeRange';

/**
 * Maps time on the shown range (the trace's axis, or the zoomed part of it) to bar positions,
 * percent of the bar column. Bars come from start/end times, never from the server's `duration`
 * text. Tick marks come from `timeline/rangeTicks`, shared with the flame graph.
 */
export interface TimeScale {
  startUs: number;
  endUs: number;
  /** Length of the axis, at least 1 µs so an instant trace does not divide by zero. */
  rangeUs: number;
}

/** Bars narrower than this (percent of the axis) are widened so sub-millisecond spans show. */
export const MIN_BAR_PERCENT = 0.15;

export function createTimeScale(startUs: number, endUs: number): TimeScale {
  const safeStart = Number.isFinite(startUs) ? startUs : 0;
  const safeEnd = Number.isFinite(endUs) && endUs > safeStart ? endUs : safeStart;
  return { startUs: safeStart, endUs: safeEnd, rangeUs: Math.max(safeEnd - safeStart, 1) };
}

/** Where a bar meets the shown range: `start`/`end`/`both` cut off there, or wholly outside it. */
type BarClip = 'none' | 'start' | 'end' | 'both' | 'before' | 'after';

export interface BarGeometry {
  /** Left edge, percent of the axis, within [0, 100 - width]. */
  leftPercent: number;
  /** 0 for a span wholly outside the range (drawn as an arrow at the edge it lies beyond). */
  widthPercent: number;
  clip: BarClip;
}

/**
 * Where a span's bar goes on the shown range (the whole axis, or a zoomed part of it). The part
 * inside the range is drawn; a span that runs past an edge is cut there (`clip` says which), and
 * one wholly outside gets no bar. Negative or unknown durations (end before start, unparsable
 * times) get the minimum width at their start. Times are subtracted before they are scaled, so
 * epoch µs keep µs precision.
 */
export function barGeometry(scale: TimeScale, startUs: number, endUs: number): BarGeometry {
  const start = Number.isFinite(startUs) ? startUs : scale.startUs;
  const end = Number.isFinite(endUs) && endUs > start ? endUs : start;
  if (end < scale.startUs || (end === scale.startUs && start < end)) {
    return { leftPercent: 0, widthPercent: 0, clip: 'before' };
  }
  if (start > scale.endUs || (start === scale.endUs && start < end)) {
    return { leftPercent: 100, widthPercent: 0, clip: 'after' };
  }
  const isCutStart = start < scale.startUs;
  const isCutEnd = end > scale.endUs;
  const from = Math.max(start, scale.startUs) - scale.startUs;
  const to = Math.min(end, scale.endUs) - scale.startUs;
  const width = Math.min(Math.max(((to - from) / scale.rangeUs) * 100, MIN_BAR_PERCENT), 100);
  const left = (from / scale.rangeUs) * 100;
  return {
    leftPercent: Math.min(Math.max(left, 0), 100 - width),
    widthPercent: width,
    clip: isCutStart ? (isCutEnd ? 'both' : 'start') : isCutEnd ? 'end' : 'none',
  };
}

/** The shown range: the zoom, or the trace's axis (the waterfall's and the swimlanes'). */
export const shownTimeScale = memoizeLast((tree: TraceModel, zoom: Zoom | null) => {
  if (zoom === null) return createTimeScale(tree.axisStartUs, tree.axisEndUs);
  const range = zoomTimeRange(tree.axisStartUs, zoom);
  return createTimeScale(range.startUs, range.endUs);
});
