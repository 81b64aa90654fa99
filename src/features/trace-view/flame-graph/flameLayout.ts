import type { TraceModel } from '../../../domain/trace/traceModel';
import {
  addToBins,
  binRuns,
  createFlameBins,
  type FlameBins,
  type FlameRuns,
} from './flameBinning';
import type { TimeRange } from '../timeline/timeRange';

/** What the flame graph reads of a trace: the tree's arrays (pre-order) and its time axis. */
export type FlameTree = Pick<
  TraceModel,
  'count' | 'startUs' | 'endUs' | 'depth' | 'subtreeSize' | 'isError' | 'maxDepth'
> &
  Pick<TraceModel, 'axisStartUs' | 'axisEndUs'>;

/** What is on screen: a subtree, a time range, and the rows of it in view. */
export interface FlameView {
  /** The span whose subtree is shown, on the top row; null for the whole trace. */
  rootIndex: number | null;
  range: TimeRange;
  /** Columns: the canvas's width in CSS pixels. */
  width: number;
  /** The first row in view (0 = the top of the graph) and how many rows are drawn. */
  firstRow: number;
  rowCount: number;
}

export interface FlameLayout {
  bins: FlameBins;
  runs: FlameRuns;
}

/**
 * The time range of the graph: the trace's axis, or a zoomed span's own start and end (at least
 * 1 µs long, so an instant span still fills the width). A span whose times do not parse cannot
 * be zoomed into: the axis is kept.
 */
export function flameRange(tree: FlameTree, rootIndex: number | null): TimeRange {
  const axis = safeRange(tree.axisStartUs, tree.axisEndUs);
  if (rootIndex === null) return axis;
  const start = tree.startUs[rootIndex]!;
  if (!Number.isFinite(start)) return axis;
  return safeRange(start, tree.endUs[rootIndex]!);
}

function safeRange(startUs: number, endUs: number): TimeRange {
  const start = Number.isFinite(startUs) ? startUs : 0;
  const end = Number.isFinite(endUs) && endUs > start ? endUs : start + 1;
  return { startUs: start, endUs: end };
}

/** The graph's rows: the levels of the shown subtree (the whole tree's when `rootIndex` is null). */
export function flameRowCount(tree: FlameTree, rootIndex: number | null): number {
  if (tree.count === 0) return 0;
  if (rootIndex === null) return tree.maxDepth + 1;
  const base = tree.depth[rootIndex]!;
  let deepest = base;
  const end = rootIndex + tree.subtreeSize[rootIndex]!;
  for (let i = rootIndex; i < end; i++) if (tree.depth[i]! > deepest) deepest = tree.depth[i]!;
  return deepest - base + 1;
}

/**
 * A span's columns in a range `width` columns wide: [x0, x1], clipped to [0, width], or null
 * when it is outside the range. Times are subtracted before scaling, so epoch µs keep µs
 * precision. An end that does not parse, or is before the start, draws as an instant.
 */
export function spanColumns(
  startUs: number,
  endUs: number,
  range: TimeRange,
  width: number,
): [number, number] | null {
  const out = new Float64Array(2);
  return columnsInto(out, startUs, endUs, range, width) ? [out[0]!, out[1]!] : null;
}

/** `spanColumns` written into `out`, without allocating (the layout calls it per span). */
function columnsInto(
  out: Float64Array,
  startUs: number,
  endUs: number,
  range: TimeRange,
  width: number,
): boolean {
  if (!Number.isFinite(startUs)) return false;
  const end = Number.isFinite(endUs) && endUs > startUs ? endUs : startUs;
  if (end === startUs) {
    if (startUs < range.startUs || startUs > range.endUs) return false;
  } else if (end <= range.startUs || startUs >= range.endUs) {
    return false;
  }
  const perUs = width / (range.endUs - range.startUs);
  out[0] = (Math.max(startUs, range.startUs) - range.startUs) * perUs;
  out[1] = (Math.min(end, range.endUs) - range.startUs) * perUs;
  return true;
}

/** The row of span `index` in a view (the top of the graph being row 0), before scrolling. */
export function flameRowOf(tree: FlameTree, rootIndex: number | null, index: number): number {
  return tree.depth[index]! - (rootIndex === null ? 0 : tree.depth[rootIndex]!);
}

/** Whether span `index` is in the shown subtree. */
export function isInView(tree: FlameTree, rootIndex: number | null, index: number): boolean {
  return (
    rootIndex === null || (index >= rootIndex && index < rootIndex + tree.subtreeSize[rootIndex]!)
  );
}

/**
 * The cells of a view: one pass over the shown subtree's spans, O(1) each plus the columns it
 * touches, skipping whole subtrees below the rows in view; the runs to draw are at most
 * width × rowCount, whatever the span count (see flameBinning).
 */
export function layoutFlame(tree: FlameTree, view: FlameView): FlameLayout {
  const { rootIndex, range, width, firstRow, rowCount } = view;
  const bins = createFlameBins(width, rowCount);
  const from = rootIndex ?? 0;
  const to = rootIndex === null ? tree.count : rootIndex + tree.subtreeSize[rootIndex]!;
  const baseDepth = rootIndex === null ? 0 : tree.depth[rootIndex]!;
  const columns = new Float64Array(2);
  for (let i = from; i < to;) {
    const row = tree.depth[i]! - baseDepth - firstRow;
    // Descendants are deeper still: none of them is in view either.
    if (row >= rowCount) {
      i += tree.subtreeSize[i]!;
      continue;
    }
    if (row >= 0) {
      if (columnsInto(columns, tree.startUs[i]!, tree.endUs[i]!, range, bins.width)) {
        addToBins(
          bins,
          row,
          columns[0]!,
          columns[1]!,
          i,
          tree.isError[i] === 1,
          tree.subtreeSize[i],
        );
      }
    }
    i++;
  }
  return { bins, runs: binRuns(bins) };
}
