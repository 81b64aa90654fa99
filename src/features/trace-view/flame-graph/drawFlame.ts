import type { TraceModel } from '../../../domain/trace/traceModel';
import { RunFlag } from './flameBinning';
import type { FlameLayout } from './flameLayout';
import type { SpanPalette } from '../timeline/spanPalette';

/** Height of one tree level, CSS pixels. */
export const FLAME_ROW_HEIGHT = 22;
/** A run at least this wide gets its span's name. */
const LABEL_MIN_PX = 28;
const LABEL_PADDING_PX = 4;
const ERROR_BAND_PX = 4;
const FONT = '12px system-ui, -apple-system, "Segoe UI", sans-serif';

export interface DrawTarget {
  ctx: CanvasRenderingContext2D;
  /** CSS size of the canvas and its device pixel ratio. */
  width: number;
  height: number;
  pixelRatio: number;
  /** How far the top row is scrolled above the canvas's top edge, CSS pixels. */
  offsetY: number;
}

/**
 * Draws a layout: one path per span kind (a fill per colour, not per run), merged columns a
 * little lighter, a red band under failed spans, names on runs wide enough. O(runs), and the
 * runs are at most columns × rows (see flameBinning).
 */
export function drawFlame(
  target: DrawTarget,
  layout: FlameLayout,
  tree: Pick<TraceModel, 'kind' | 'nodes'>,
  palette: SpanPalette,
): void {
  const { ctx, width, height, pixelRatio, offsetY } = target;
  const { runs } = layout;
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, width, height);

  const solid = palette.kinds.map(() => new Path2D());
  const merged = palette.kinds.map(() => new Path2D());
  const errors = new Path2D();
  const labelled: number[] = [];
  for (let r = 0; r < runs.length; r++) {
    const x = runs.start[r]!;
    const w = runs.end[r]! - x;
    const y = runs.row[r]! * FLAME_ROW_HEIGHT - offsetY;
    const flags = runs.flags[r]!;
    const kind = tree.kind[runs.index[r]!]!;
    // A gap between neighbouring spans, unless that would hide a thin one.
    const drawnWidth = w >= 3 ? w - 1 : w;
    (flags & RunFlag.Merged ? merged : solid)[kind]!.rect(x, y, drawnWidth, FLAME_ROW_HEIGHT - 1);
    if (flags & RunFlag.Error) {
      errors.rect(x, y + FLAME_ROW_HEIGHT - 1 - ERROR_BAND_PX, drawnWidth, ERROR_BAND_PX);
    }
    if (w >= LABEL_MIN_PX) labelled.push(r);
  }
  for (let kind = 0; kind < solid.length; kind++) {
    ctx.fillStyle = palette.kinds[kind]!;
    ctx.globalAlpha = 1;
    ctx.fill(solid[kind]!);
    ctx.globalAlpha = 0.65;
    ctx.fill(merged[kind]!);
  }
  ctx.globalAlpha = 1;
  ctx.fillStyle = palette.error;
  ctx.fill(errors);

  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  // Names are cut by an average character width: measuring every name would cost more than
  // drawing the graph.
  const charWidth = ctx.measureText('abcdefghijklmnopqrstuvwxyz').width / 26 || 6.5;
  for (const r of labelled) {
    const index = runs.index[r]!;
    const available = runs.end[r]! - runs.start[r]! - 2 * LABEL_PADDING_PX;
    const name = fitText(tree.nodes[index]!.name, available, charWidth);
    if (name === '') continue;
    ctx.fillStyle = palette.kindLabels[tree.kind[index]!]!;
    const y = runs.row[r]! * FLAME_ROW_HEIGHT - offsetY + (FLAME_ROW_HEIGHT - 1) / 2;
    ctx.fillText(name, runs.start[r]! + LABEL_PADDING_PX, y);
  }
}

/** The text cut to about `widthPx`, with an ellipsis; empty when not even two letters fit. */
export function fitText(text: string, widthPx: number, charWidth: number): string {
  const fits = Math.floor(widthPx / charWidth);
  if (text.length <= fits) return text;
  if (fits < 3) return '';
  return `${text.slice(0, fits - 1)}…`;
}
