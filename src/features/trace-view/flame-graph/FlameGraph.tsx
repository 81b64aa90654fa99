import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TraceModel } from '../../../domain/trace/traceModel';
import { measure } from '../../../lib/perf';
import { useTheme } from '../../../lib/theme';
import { useMediaQuery } from '../../../lib/useMediaQuery';
import { drawFlame, FLAME_ROW_HEIGHT } from './drawFlame';
import { rangeTicks } from '../timeline/rangeTicks';
import { ownerAt } from './flameBinning';
import {
  flameRange,
  flameRowCount,
  flameRowOf,
  isInView,
  layoutFlame,
  spanColumns,
  type FlameLayout,
} from './flameLayout';
import type { TimeRange } from '../timeline/timeRange';
import { STEP_KEYS, stepFrom } from './flameNavigation';
import { readSpanPalette, type SpanPalette } from '../timeline/spanPalette';
import styles from './FlameGraph.module.css';
import { spanDescription } from '../timeline/spanFacts';
import { SpanTooltip } from '../timeline/SpanTooltip';

export interface FlameGraphProps {
  tree: TraceModel;
  /** The zoomed span (its subtree fills the graph), or null for the whole trace. */
  rootIndex: number | null;
  selectedIndex: number | null;
  /** A keyboard step: select without opening the panel. */
  onSelect: (index: number) => void;
  /** A click or Enter: select and open the panel. */
  onOpen: (index: number) => void;
  /** Zoom into a span's subtree; null resets. */
  onZoom: (index: number | null) => void;
}

interface Hover {
  index: number;
  /** Spans merged into the hovered cell. */
  count: number;
  x: number;
  y: number;
}

const HELP_ID = 'flame-graph-help';
/** About one time tick per this many pixels. */
const TICK_SPACING_PX = 100;

/**
 * The flame graph's canvas: an icicle of the span tree on the time axis, drawn from the layout
 * of the rows in view (see flameLayout). The canvas takes the keyboard; the selected span's box
 * is a DOM ring over it, and its description is announced.
 */
export function FlameGraph({
  tree,
  rootIndex,
  selectedIndex,
  onSelect,
  onOpen,
  onZoom,
}: FlameGraphProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layoutRef = useRef<FlameLayout | null>(null);
  // Read once per theme: reading computed styles forces a style recalculation of the page.
  const paletteRef = useRef<{ key: string; palette: SpanPalette } | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [scrollTop, setScrollTop] = useState(0);
  const [hover, setHover] = useState<Hover | null>(null);
  const [isFocused, setFocused] = useState(false);
  // Redraw when the theme changes: the palette is read from the tokens at each draw.
  const theme = useTheme();
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');

  const range = useMemo(() => flameRange(tree, rootIndex), [tree, rootIndex]);
  const totalRows = useMemo(() => flameRowCount(tree, rootIndex), [tree, rootIndex]);
  const ticks = useMemo(
    () =>
      rangeTicks(range, tree.axisStartUs, Math.max(2, Math.floor(size.width / TICK_SPACING_PX))),
    [range, tree, size.width],
  );
  const firstRow = Math.floor(scrollTop / FLAME_ROW_HEIGHT);
  const offsetY = scrollTop - firstRow * FLAME_ROW_HEIGHT;
  const rowCount = Math.max(
    0,
    Math.min(totalRows - firstRow, Math.ceil((size.height + offsetY) / FLAME_ROW_HEIGHT)),
  );

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const observer = new ResizeObserver(() =>
      setSize({ width: scroller.clientWidth, height: scroller.clientHeight }),
    );
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  // A new zoom starts at its top row.
  useEffect(() => {
    scrollerRef.current?.scrollTo({ top: 0 });
  }, [rootIndex]);

  useEffect(() => {
    const canvas = canvasRef.current;
    // Opaque: the background is painted anyway, and an opaque canvas composites faster.
    const ctx = canvas?.getContext('2d', { alpha: false });
    if (!canvas || !ctx || size.width === 0) return;
    const pixelRatio = window.devicePixelRatio || 1;
    measure('flame-draw', () => {
      // Setting a canvas's size reallocates it, even to the same size.
      const deviceWidth = Math.round(size.width * pixelRatio);
      const deviceHeight = Math.round(size.height * pixelRatio);
      if (canvas.width !== deviceWidth) canvas.width = deviceWidth;
      if (canvas.height !== deviceHeight) canvas.height = deviceHeight;
      const layout = layoutFlame(tree, {
        rootIndex,
        range,
        width: size.width,
        firstRow,
        rowCount,
      });
      layoutRef.current = layout;
      const target = { ctx, pixelRatio, offsetY, ...size };
      const paletteKey = `${theme} ${prefersDark}`;
      if (paletteRef.current?.key !== paletteKey) {
        paletteRef.current = { key: paletteKey, palette: readSpanPalette(canvas) };
      }
      drawFlame(target, layout, tree, paletteRef.current.palette);
    });
    canvas.dataset.drawn = String(Number(canvas.dataset.drawn ?? 0) + 1);
  }, [tree, rootIndex, range, size, firstRow, rowCount, offsetY, theme, prefersDark]);

  // A selection moved by keyboard (or made elsewhere) is scrolled into view.
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || selectedIndex === null || !isInView(tree, rootIndex, selectedIndex)) return;
    const top = flameRowOf(tree, rootIndex, selectedIndex) * FLAME_ROW_HEIGHT;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + FLAME_ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = top + FLAME_ROW_HEIGHT - scroller.clientHeight;
    }
  }, [tree, rootIndex, selectedIndex]);

  const spanAt = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const layout = layoutRef.current;
    if (!layout) return null;
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const row = Math.floor((y + offsetY) / FLAME_ROW_HEIGHT);
    const index = ownerAt(layout.bins, row, x);
    if (index < 0) return null;
    const count = layout.bins.count[row * layout.bins.width + Math.floor(x)]!;
    return { index, count, x, y };
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const step = STEP_KEYS[event.key];
    if (step) {
      event.preventDefault();
      const next =
        selectedIndex === null || !isInView(tree, rootIndex, selectedIndex)
          ? (rootIndex ?? (tree.count > 0 ? 0 : null))
          : stepFrom(tree, selectedIndex, step);
      if (next === null) return;
      // Leaving the zoomed subtree zooms out to the new span's parent.
      if (!isInView(tree, rootIndex, next)) {
        const parent = tree.parentIndex[next]!;
        onZoom(parent >= 0 ? parent : null);
      }
      onSelect(next);
    } else if (event.key === 'Enter' && selectedIndex !== null) {
      event.preventDefault();
      onOpen(selectedIndex);
    }
  };

  const ring =
    selectedIndex === null ? null : ringBox(tree, rootIndex, range, size.width, selectedIndex);
  const ringTop = ring ? ring.top - scrollTop : 0;
  const isRingShown = ring !== null && ringTop > -FLAME_ROW_HEIGHT && ringTop < size.height;
  const tip = hover
    ? hover
    : isFocused && isRingShown && selectedIndex !== null
      ? { index: selectedIndex, count: 1, x: ring.left, y: ringTop + FLAME_ROW_HEIGHT }
      : null;

  return (
    <div className={styles.graph}>
      {/* Offsets from the trace's start, as the waterfall's axis. */}
      <div className={styles.axis} style={{ width: size.width || undefined }} aria-hidden="true">
        {ticks
          // A label at the right edge would be cut off.
          .filter((tick) => tick.fraction < 0.97)
          .map((tick) => (
            <span
              key={tick.offsetUs}
              className={styles.tick}
              style={{ left: `${tick.fraction * 100}%` }}
            >
              {tick.label}
            </span>
          ))}
      </div>
      <div
        ref={scrollerRef}
        className={styles.scroller}
        onScroll={(event) => {
          setScrollTop(event.currentTarget.scrollTop);
          setHover(null); // the cell under the pointer has moved
        }}
      >
        <div className={styles.spacer} style={{ height: totalRows * FLAME_ROW_HEIGHT }}>
          <div className={styles.stage} style={{ height: size.height }}>
            <canvas
              ref={canvasRef}
              className={styles.canvas}
              style={{ width: size.width, height: size.height }}
              tabIndex={0}
              role="application"
              aria-roledescription="flame graph"
              aria-label={`Flame graph of ${(rootIndex === null ? tree.count : tree.subtreeSize[rootIndex]!).toLocaleString('en')} spans`}
              aria-describedby={HELP_ID}
              onPointerMove={(event) => setHover(spanAt(event))}
              onPointerLeave={() => setHover(null)}
              onClick={(event) => {
                const hit = spanAt(event);
                if (hit) onOpen(hit.index);
              }}
              onDoubleClick={(event) => {
                const hit = spanAt(event);
                if (!hit) return;
                setHover(null); // the cell under the pointer changes with the zoom
                onZoom(hit.index);
              }}
              onKeyDown={handleKeyDown}
              onFocus={() => setFocused(true)}
              onBlur={() => setFocused(false)}
            />
            {isRingShown && (
              <div
                className={styles.ring}
                data-span-id={tree.nodes[selectedIndex!]!.id}
                aria-hidden="true"
                style={{
                  left: ring.left,
                  top: ringTop,
                  width: ring.width,
                  height: FLAME_ROW_HEIGHT - 1,
                }}
              />
            )}
            {tip && (
              <SpanTooltip
                tree={tree}
                index={tip.index}
                mergedCount={tip.count}
                x={tip.x}
                y={tip.y}
                boundsWidth={size.width}
              />
            )}
          </div>
        </div>
      </div>
      <p id={HELP_ID} className="visually-hidden">
        Arrow keys move the selection: up to the parent, down to the first child, left and right to
        the siblings. Enter opens the span&apos;s details. Double-click a span to zoom into it.
      </p>
      <p className="visually-hidden" aria-live="polite">
        {selectedIndex === null ? '' : spanDescription(tree, selectedIndex)}
      </p>
    </div>
  );
}

/** Where the selected span's ring goes, in the graph's coordinates (before scrolling). */
function ringBox(
  tree: TraceModel,
  rootIndex: number | null,
  range: TimeRange,
  width: number,
  index: number,
) {
  if (!isInView(tree, rootIndex, index)) return null;
  const columns = spanColumns(tree.startUs[index]!, tree.endUs[index]!, range, width);
  if (!columns) return null;
  const [x0, x1] = columns;
  const ringWidth = Math.max(x1 - x0, 3);
  return {
    left: Math.max(0, Math.min(x0, width - ringWidth)),
    width: ringWidth,
    top: flameRowOf(tree, rootIndex, index) * FLAME_ROW_HEIGHT,
  };
}
