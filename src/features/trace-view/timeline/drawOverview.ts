import { EMPTY_CELL, type OverviewBins } from './overviewBins';
import type { SpanPalette } from './spanPalette';

/** Height of the red mark along the bottom of a band's cells where a span failed, CSS pixels. */
const ERROR_MARK_PX = 2;

/**
 * Paints the overview's grid: one rectangle per run of same-kind cells in a band, one path per
 * kind (a fill per colour, not per run), failed cells marked in red along their band's bottom.
 * O(width × bands), whatever the span count.
 */
export function drawOverview(
  ctx: CanvasRenderingContext2D,
  bins: OverviewBins,
  size: { width: number; height: number; pixelRatio: number },
  palette: SpanPalette,
): void {
  const { width, height, pixelRatio } = size;
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, width, height);
  if (bins.bands === 0) return;
  const bandHeight = height / bins.bands;
  const paths = palette.kinds.map(() => new Path2D());
  const errors = new Path2D();
  for (let band = 0; band < bins.bands; band++) {
    const row = band * bins.width;
    const y = band * bandHeight;
    // A hairline between bands, unless they are too thin to spare it.
    const h = bandHeight >= 4 ? bandHeight - 1 : bandHeight;
    let column = 0;
    while (column < bins.width) {
      const kind = bins.kind[row + column]!;
      let end = column + 1;
      while (end < bins.width && bins.kind[row + end] === kind) end++;
      if (kind !== EMPTY_CELL) paths[kind]?.rect(column, y, end - column, h);
      column = end;
    }
    column = 0;
    while (column < bins.width) {
      if (bins.error[row + column] === 0) {
        column++;
        continue;
      }
      let end = column + 1;
      while (end < bins.width && bins.error[row + end] === 1) end++;
      const mark = Math.min(ERROR_MARK_PX, h);
      // At least 2 px wide, so one failed span in a long trace still shows.
      errors.rect(column, y + h - mark, Math.max(end - column, 2), mark);
      column = end;
    }
  }
  for (let kind = 0; kind < paths.length; kind++) {
    ctx.fillStyle = palette.kinds[kind]!;
    ctx.fill(paths[kind]!);
  }
  ctx.fillStyle = palette.error;
  ctx.fill(errors);
}
