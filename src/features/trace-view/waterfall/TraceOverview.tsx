import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { measure } from '../../../lib/perf';
import { formatDuration } from '../../../lib/time';
import { useTheme } from '../../../lib/theme';
import { useMediaQuery } from '../../../lib/useMediaQuery';
import { drawOverview } from '../timeline/drawOverview';
import { binOverview } from '../timeline/overviewBins';
import { readSpanPalette, type SpanPalette } from '../timeline/spanPalette';
import { panBy, shownOffsets, zoomAround, zoomBetween, type Zoom } from '../timeline/timeRange';
import { useTraceActions, useTraceView, useTraceViewContext } from '../traceViewContext';
import styles from './TraceOverview.module.css';
import { useRangeDrag } from './useRangeDrag';

/** Canvas height, CSS pixels; the depth bands share it. */
const HEIGHT = 36;
/** At most this many depth bands (levels are spread over them in deeper trees). */
const MAX_BANDS = 8;
/** One arrow key moves the window by this share of its width; +/− zoom by this factor. */
const PAN_STEP = 0.2;
const ZOOM_STEP = 0.5;

/**
 * The whole trace at a glance, above the waterfall: per pixel column and depth band the span
 * type that dominates it, failed spans marked in red (see overviewBins: the drawing costs the
 * canvas's pixels, not the span count). The zoomed window is drawn over it; dragging picks a new
 * range, a click moves the window there, and the keyboard pans and zooms it.
 */
export function TraceOverview() {
  const { tree } = useTraceViewContext();
  const actions = useTraceActions();
  const zoom = useTraceView((state) => state.zoom);
  const trackRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const paletteRef = useRef<{ key: string; palette: SpanPalette } | null>(null);
  const [width, setWidth] = useState(0);
  const theme = useTheme();
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const lengthUs = Math.max(tree.axisEndUs - tree.axisStartUs, 0);
  const shown = shownOffsets(zoom, lengthUs);

  useLayoutEffect(() => {
    const track = trackRef.current;
    if (!track) return;
    const observer = new ResizeObserver(() => setWidth(track.clientWidth));
    observer.observe(track);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d', { alpha: false });
    if (!canvas || !ctx || width === 0) return;
    const pixelRatio = window.devicePixelRatio || 1;
    measure('overview-draw', () => {
      const deviceWidth = Math.round(width * pixelRatio);
      const deviceHeight = Math.round(HEIGHT * pixelRatio);
      if (canvas.width !== deviceWidth) canvas.width = deviceWidth;
      if (canvas.height !== deviceHeight) canvas.height = deviceHeight;
      const paletteKey = `${theme} ${prefersDark}`;
      if (paletteRef.current?.key !== paletteKey) {
        paletteRef.current = { key: paletteKey, palette: readSpanPalette(canvas) };
      }
      const bins = binOverview(tree, width, MAX_BANDS);
      drawOverview(ctx, bins, { width, height: HEIGHT, pixelRatio }, paletteRef.current.palette);
    });
    canvas.dataset.drawn = String(Number(canvas.dataset.drawn ?? 0) + 1);
  }, [tree, width, theme, prefersDark]);

  const whole = shownOffsets(null, lengthUs);
  const { selection, handlers } = useRangeDrag(
    (from, to) => actions.setZoom(zoomBetween(whole, from, to, lengthUs)),
    (at) => {
      // A click moves the window's middle there (nothing to move when all is shown).
      if (zoom === null) return;
      const middle = (zoom.startUs + zoom.endUs) / 2;
      actions.setZoom(panBy(zoom, at * lengthUs - middle, lengthUs));
    },
  );

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const widthUs = shown.endUs - shown.startUs;
    let next: Zoom | null | undefined;
    if (event.key === 'ArrowLeft') next = panBy(shown, -PAN_STEP * widthUs, lengthUs);
    else if (event.key === 'ArrowRight') next = panBy(shown, PAN_STEP * widthUs, lengthUs);
    else if (event.key === '+' || event.key === '=')
      next = zoomAround(shown, 0.5, ZOOM_STEP, lengthUs);
    else if (event.key === '-') next = zoomAround(shown, 0.5, 1 / ZOOM_STEP, lengthUs);
    else if (event.key === 'Home') next = panBy(shown, -lengthUs, lengthUs);
    else if (event.key === 'End') next = panBy(shown, lengthUs, lengthUs);
    else if (event.key === '0') next = null;
    else return;
    event.preventDefault();
    actions.setZoom(next);
  };

  const left = (shown.startUs / Math.max(lengthUs, 1)) * 100;
  const right = 100 - (shown.endUs / Math.max(lengthUs, 1)) * 100;
  const rangeText =
    zoom === null
      ? `All ${formatDuration(lengthUs)}`
      : `${formatOffset(zoom.startUs)} – ${formatOffset(zoom.endUs)}`;

  return (
    <div className={styles.overview}>
      <div ref={trackRef} className={styles.track}>
        <canvas
          ref={canvasRef}
          className={styles.canvas}
          style={{ width: width || undefined, height: HEIGHT }}
          role="img"
          aria-label={`Trace overview: ${tree.count.toLocaleString('en')} spans by type over time, failed spans marked in red`}
        />
        {zoom !== null && (
          <>
            <div className={styles.shade} style={{ left: 0, width: `${left}%` }} />
            <div className={styles.shade} style={{ right: 0, width: `${right}%` }} />
            <div
              className={styles.window}
              data-testid="overview-window"
              style={{ left: `${left}%`, right: `${right}%` }}
            />
          </>
        )}
        {selection && (
          <div
            className={styles.selection}
            style={{
              left: `${selection.from * 100}%`,
              width: `${(selection.to - selection.from) * 100}%`,
            }}
          />
        )}
        <div
          className={styles.handle}
          role="slider"
          tabIndex={0}
          aria-label="Zoomed time range"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(left)}
          aria-valuetext={
            zoom === null ? 'The whole trace' : `${rangeText} of ${formatDuration(lengthUs)}`
          }
          aria-keyshortcuts="ArrowLeft ArrowRight + - 0"
          title="Drag to zoom the waterfall to a time range"
          onKeyDown={handleKeyDown}
          {...handlers}
        />
      </div>
      <span className={`muted numeric ${styles.range}`} aria-live="polite">
        {rangeText}
      </span>
      <button
        type="button"
        className="button"
        data-compact=""
        disabled={zoom === null}
        aria-label="Reset zoom"
        title="Show the whole trace (0 on the overview)"
        onClick={() => actions.setZoom(null)}
      >
        ⤢
      </button>
    </div>
  );
}

/** An offset from the trace's start: "0", "+1.20s". */
function formatOffset(us: number): string {
  return us === 0 ? '0' : `+${formatDuration(us)}`;
}
