import type { TraceModel } from '../../../domain/trace/traceModel';

/** What the overview reads of a trace. */
export type OverviewTree = Pick<
  TraceModel,
  | 'count'
  | 'startUs'
  | 'endUs'
  | 'depth'
  | 'kind'
  | 'isError'
  | 'maxDepth'
  | 'axisStartUs'
  | 'axisEndUs'
>;

/** Span kinds (see `SpanKind`): one coverage sum per kind per cell. */
const KINDS = 6;
/** A cell no span touches. */
export const EMPTY_CELL = 255;
/** An instant (or sub-µs) span still counts for this much of a column, so it can show alone. */
const INSTANT_COVER = 0.05;

/**
 * The overview's grid: per pixel column and depth band, the span kind that covers most of the
 * cell (summing every span of that kind in it), and whether a failed span touches it. Its size
 * is width × bands whatever the span count; building it is one O(1) pass per span (the columns
 * a span fills are added through a difference array, not one by one) then O(width × bands × kinds).
 */
export interface OverviewBins {
  width: number;
  bands: number;
  /** Per cell (`band * width + column`): the dominant `SpanKind`, or EMPTY_CELL. */
  kind: Uint8Array;
  /** Per cell: 1 when a failed span touches it. */
  error: Uint8Array;
}

/** The depth band of a tree level: levels spread evenly over `bands`. */
export function bandOf(depth: number, maxDepth: number, bands: number): number {
  return Math.min(bands - 1, Math.floor((depth * bands) / (maxDepth + 1)));
}

export function binOverview(tree: OverviewTree, width: number, maxBands: number): OverviewBins {
  const columns = Math.max(0, Math.floor(width));
  const bands = tree.count === 0 ? 0 : Math.max(1, Math.min(tree.maxDepth + 1, maxBands));
  const cells = columns * bands;
  const kind = new Uint8Array(cells).fill(EMPTY_CELL);
  const error = new Uint8Array(cells);
  if (cells === 0) return { width: columns, bands, kind, error };

  // Per kind and cell: the partial columns at a span's two ends (`cover`), and the whole
  // columns between them as a difference array (`full`, one column wider for the end mark).
  const stride = columns + 1;
  const cover = new Float32Array(KINDS * bands * stride);
  const full = new Float32Array(KINDS * bands * stride);
  const errorMarks = new Int32Array(bands * stride);
  const lengthUs = tree.axisEndUs - tree.axisStartUs;
  const perUs = lengthUs > 0 ? columns / lengthUs : 0;
  for (let i = 0; i < tree.count; i++) {
    const start = tree.startUs[i]!;
    if (!Number.isFinite(start)) continue;
    const rawEnd = tree.endUs[i]!;
    const end = Number.isFinite(rawEnd) && rawEnd > start ? rawEnd : start;
    const x0 = Math.min(Math.max((start - tree.axisStartUs) * perUs, 0), columns);
    const x1 = Math.min(Math.max((end - tree.axisStartUs) * perUs, x0), columns);
    const band = bandOf(tree.depth[i]!, tree.maxDepth, bands);
    const base = (tree.kind[i]! * bands + band) * stride;
    const c0 = Math.min(Math.floor(x0), columns - 1);
    // The last column the span reaches into (an end on a column's edge does not touch it).
    const c1 = x1 > x0 ? Math.min(Math.max(Math.ceil(x1) - 1, c0), columns - 1) : c0;
    if (c0 === c1) {
      cover[base + c0]! += Math.max(x1 - x0, INSTANT_COVER);
    } else {
      cover[base + c0]! += c0 + 1 - x0;
      cover[base + c1]! += x1 - c1;
      full[base + c0 + 1]! += 1;
      full[base + c1]! -= 1;
    }
    if (tree.isError[i] === 1) {
      errorMarks[band * stride + c0]! += 1;
      errorMarks[band * stride + c1 + 1]! -= 1;
    }
  }

  const best = new Float32Array(columns);
  for (let band = 0; band < bands; band++) {
    best.fill(0);
    const row = band * columns;
    for (let k = 0; k < KINDS; k++) {
      const base = (k * bands + band) * stride;
      let running = 0;
      for (let column = 0; column < columns; column++) {
        running += full[base + column]!;
        const total = running + cover[base + column]!;
        // Ties keep the kind met first (lower kinds: other, LLM, tool, before agents).
        if (total > best[column]!) {
          best[column] = total;
          kind[row + column] = k;
        }
      }
    }
    let open = 0;
    for (let column = 0; column < columns; column++) {
      open += errorMarks[band * stride + column]!;
      if (open > 0) error[row + column] = 1;
    }
  }
  return { width: columns, bands, kind, error };
}
