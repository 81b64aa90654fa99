/**
 * The flame graph's level of detail: every span on a row is merged into the pixel columns it
 * touches, and each cell (row × column) keeps the one span that covers most of it. A span wider
 * than a pixel owns its columns and comes out as one run; spans narrower than a pixel share a
 * column, which shows (and, on a click, selects) the biggest of them. Whatever the span count,
 * the cells, and so the runs drawn, are at most columns × rows.
 */
export interface FlameBins {
  /** Columns (CSS pixels) and rows (tree levels) of the grid. */
  width: number;
  rows: number;
  /** Per cell (`row * width + column`): the span covering most of it, or -1 for none. */
  owner: Int32Array;
  /** How much of its cell the owner covers, in columns (0–1). */
  cover: Float32Array;
  /** The owner's weight (its subtree's size), which breaks ties in cover. */
  weight: Int32Array;
  /** How many spans touch the cell. */
  count: Uint32Array;
  /** 1 when a span touching the cell failed. */
  error: Uint8Array;
}

export function createFlameBins(width: number, rows: number): FlameBins {
  const columns = Math.max(0, Math.floor(width));
  const size = columns * Math.max(0, Math.floor(rows));
  return {
    width: columns,
    rows: Math.max(0, Math.floor(rows)),
    owner: new Int32Array(size).fill(-1),
    cover: new Float32Array(size),
    weight: new Int32Array(size),
    count: new Uint32Array(size),
    error: new Uint8Array(size),
  };
}

/**
 * Adds span `index` over columns [x0, x1) of `row` (fractional, clipped to [0, width] by the
 * caller). A zero-width span touches the column it is in. O(columns touched).
 *
 * Spans on a row can overlap (a team's member run beside the delegating tool call, parallel
 * calls): where two cover a cell equally, the heavier one (`weight`, its subtree's size) is
 * shown, so the spans on the row below keep a parent above them.
 */
export function addToBins(
  bins: FlameBins,
  row: number,
  x0: number,
  x1: number,
  index: number,
  isError: boolean,
  weight = 1,
): void {
  const { width } = bins;
  if (width === 0 || row < 0 || row >= bins.rows) return;
  const first = Math.min(Math.max(Math.floor(x0), 0), width - 1);
  const last = x1 > x0 ? Math.min(Math.max(Math.ceil(x1) - 1, first), width - 1) : first;
  const base = row * width;
  for (let column = first; column <= last; column++) {
    const cell = base + column;
    const cover = Math.max(0, Math.min(x1, column + 1) - Math.max(x0, column));
    bins.count[cell]!++;
    if (isError) bins.error[cell] = 1;
    // Full ties keep the span met first: the earlier sibling, in tree order.
    const held = bins.cover[cell]!;
    if (bins.owner[cell]! < 0 || cover > held || (cover === held && weight > bins.weight[cell]!)) {
      bins.owner[cell] = index;
      bins.cover[cell] = cover;
      bins.weight[cell] = weight;
    }
  }
}

/** The span drawn at a cell, or -1 (outside the grid or an empty cell). */
export function ownerAt(bins: FlameBins, row: number, column: number): number {
  if (row < 0 || row >= bins.rows || column < 0 || column >= bins.width) return -1;
  return bins.owner[row * bins.width + Math.floor(column)]!;
}

/** A run of cells a run draws with one rectangle: its flags. */
export const RunFlag = {
  /** The run stands for several spans narrower than a pixel (its owner fills none of its cells). */
  Merged: 1,
  /** A span in the run failed. */
  Error: 2,
} as const;

/** What the canvas draws: consecutive cells of a row with the same owner and error flag. */
export interface FlameRuns {
  length: number;
  row: Int32Array;
  /** Columns [start, end). */
  start: Int32Array;
  end: Int32Array;
  index: Int32Array;
  flags: Uint8Array;
}

/** The grid as runs, row by row, left to right; never more than width × rows of them. */
export function binRuns(bins: FlameBins): FlameRuns {
  const { width, rows, owner, cover, count, error } = bins;
  // Sized for the common case (a few runs per row) and grown when a row is fragmented.
  let capacity = Math.min(width * rows, Math.max(64, rows * 16));
  let runs = allocateRuns(capacity);
  let length = 0;
  for (let row = 0; row < rows; row++) {
    const base = row * width;
    let column = 0;
    while (column < width) {
      const cell = base + column;
      const index = owner[cell]!;
      if (index < 0) {
        column++;
        continue;
      }
      const isError = error[cell]!;
      // Merged: the owner fills none of its cells (it is narrower than a pixel) and shares one.
      let isShared = count[cell]! > 1;
      let isPartial = cover[cell]! < 1;
      let end = column + 1;
      while (end < width && owner[base + end] === index && error[base + end] === isError) {
        if (count[base + end]! > 1) isShared = true;
        if (cover[base + end]! >= 1) isPartial = false;
        end++;
      }
      const merged = isShared && isPartial;
      if (length === capacity) {
        capacity = Math.min(width * rows, capacity * 2);
        runs = growRuns(runs, capacity);
      }
      runs.row[length] = row;
      runs.start[length] = column;
      runs.end[length] = end;
      runs.index[length] = index;
      runs.flags[length] = (merged ? RunFlag.Merged : 0) | (isError ? RunFlag.Error : 0);
      length++;
      column = end;
    }
  }
  runs.length = length;
  return runs;
}

function allocateRuns(capacity: number): FlameRuns {
  return {
    length: 0,
    row: new Int32Array(capacity),
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    index: new Int32Array(capacity),
    flags: new Uint8Array(capacity),
  };
}

function growRuns(runs: FlameRuns, capacity: number): FlameRuns {
  const grown = allocateRuns(capacity);
  grown.row.set(runs.row);
  grown.start.set(runs.start);
  grown.end.set(runs.end);
  grown.index.set(runs.index);
  grown.flags.set(runs.flags);
  return grown;
}
