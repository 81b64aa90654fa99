import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { spanTypeColor } from '../../../components/spanTypeColor';
import { memberName } from '../../../domain/trace/delegation';
import { shortModelName } from '../../../domain/trace/shortModelName';
import { SpanKind } from '../../../domain/trace/spanKind';
import type { TraceModel } from '../../../domain/trace/traceModel';
import { memoizeLast } from '../../../lib/memoizeLast';
import { formatDuration } from '../../../lib/time';
import { rangeTicks } from '../timeline/rangeTicks';
import { SpanTooltip } from '../timeline/SpanTooltip';
import {
  useFilterResult,
  useSelectedIndex,
  useShownCriticalPath,
  useSpanSearch,
  useTraceActions,
  useTraceView,
  useTraceViewContext,
} from '../traceViewContext';
import { shownTimeScale, type TimeScale } from '../waterfall/timeScale';
import { ZoomAxis } from '../waterfall/ZoomAxis';
import { laneBars, type LaneBar } from './laneBars';
import { laneLayoutOf, type Handoff, type Lane, type LaneLayout } from './laneLayout';
import { laneStep } from './laneNavigation';
import styles from './SwimlanesView.module.css';

const TraceOverview = lazy(() =>
  import('../waterfall/TraceOverview').then((module) => ({ default: module.TraceOverview })),
);

/** A bar row's height and a lane's padding above and below its rows, CSS px. */
const ROW_PX = 18;
const LANE_PAD_PX = 6;
/** Room for the lane's header (name and its numbers on two lines). */
const MIN_LANE_PX = 44;
const BAR_PX = 14;
/** A bar this wide (CSS px) shows its name. */
const LABEL_MIN_PX = 56;
const TICK_SPACING_PX = 70;
/** The sticky column header's height: the lanes, grid lines and arrows start below it. */
const HEADER_PX = 28;

const KIND_LABELS: Record<Lane['kind'], string> = {
  team: 'team',
  agent: 'agent',
  workflow: 'workflow',
  step: 'step',
  other: 'run',
};

function laneHeight(lane: Lane): number {
  return Math.max(lane.rowCount * ROW_PX + 2 * LANE_PAD_PX, MIN_LANE_PX);
}

/** What a bar says of its span: the tool, the model, or the agent or step without `.run`. */
function barLabel(tree: TraceModel, index: number): string {
  const tool = tree.toolNameOf(index);
  if (tool !== null) return tool;
  if (tree.kind[index] === SpanKind.Llm) {
    const model = tree.modelLabelOf(index);
    if (model) return shortModelName(model.text);
  }
  return memberName(tree.nodes[index]!);
}

/** Every lane's bars; kept until the range or the width changes, not redone on a selection. */
const barsOfLanes = memoizeLast(
  (layout: LaneLayout, tree: TraceModel, scale: TimeScale, trackPx: number) =>
    layout.lanes.map((lane) => laneBars(layout, lane, tree, scale, trackPx)),
);

/** "1.2k" tokens: the lane header has room for a few characters. */
const compactTokens = new Intl.NumberFormat('en', {
  notation: 'compact',
  maximumFractionDigits: 1,
});

/**
 * The waterfall as swimlanes, for teams and workflows: one lane per agent (the leader, each
 * member) or workflow step, its spans as bars on the waterfall's time axis (and zoom), the
 * hand-offs between lanes as arrows, and each lane's time, busy share and tokens in its header.
 * Idle time shows as the gaps in a run's band; time spent waiting on another lane is hatched.
 */
export default function SwimlanesView() {
  const { tree } = useTraceViewContext();
  const actions = useTraceActions();
  const zoom = useTraceView((state) => state.zoom);
  const selectedIndex = useSelectedIndex();
  const filterResult = useFilterResult();
  const hideFiltered = useTraceView((state) => state.hideFiltered);
  const search = useSpanSearch();
  const criticalPath = useShownCriticalPath();
  const scale = shownTimeScale(tree, zoom);
  const layout = laneLayoutOf(tree);
  const [axisPx, setAxisPx] = useState(0);
  const [hover, setHover] = useState<{
    bar: LaneBar;
    x: number;
    y: number;
    width: number;
    height: number;
  } | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const tickCount = axisPx > 0 ? Math.min(Math.max(Math.floor(axisPx / TICK_SPACING_PX), 1), 8) : 5;
  const ticks = rangeTicks(scale, tree.axisStartUs, tickCount);
  const keep = filterResult?.keep ?? null;

  const laneTops: number[] = [];
  let totalHeight = 0;
  for (const lane of layout.lanes) {
    laneTops.push(totalHeight);
    totalHeight += laneHeight(lane);
  }

  // The selection (a click, a search step, an error step) is scrolled to and takes the focus
  // stop, so arrow keys go on from it.
  useEffect(() => {
    if (selectedIndex === null) return;
    const bar = tableRef.current?.querySelector<HTMLElement>(`[data-index="${selectedIndex}"]`);
    bar?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (tableRef.current?.contains(document.activeElement)) bar?.focus({ preventScroll: true });
  }, [selectedIndex]);

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape') {
      actions.closePanel();
      return;
    }
    const next = laneStep(layout, tree, selectedIndex, event.key);
    if (next === null) return;
    event.preventDefault();
    actions.select(next, 'auto');
    // Focus follows once the bar is drawn (the effect above).
    requestAnimationFrame(() =>
      tableRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus(),
    );
  };

  const barsByLane = barsOfLanes(layout, tree, scale, axisPx);
  // One tab stop: the selected bar, else the first one drawn.
  const tabStop =
    selectedIndex !== null && barsByLane.some((bars) => bars.some((b) => b.index === selectedIndex))
      ? selectedIndex
      : (barsByLane.find((bars) => bars.length > 0)?.[0]?.index ?? null);

  return (
    <div className={`waterfall-frame ${styles.frame}`}>
      <Suspense fallback={<div className="overview-placeholder" aria-hidden="true" />}>
        <TraceOverview />
      </Suspense>
      <div
        className={styles.scroll}
        onPointerLeave={() => setHover(null)}
        onScroll={() => setHover(null)}
      >
        {/* The grid lines and the arrows lie over the table, outside it: a table holds rows. */}
        <div className={styles.tableWrap}>
          <p id="swimlanes-help" hidden>
            One lane per agent or workflow step. Arrow keys move between spans: left and right along
            a lane, up and down between lanes.
          </p>
          <div className={styles.gridlines} style={{ top: HEADER_PX }} aria-hidden="true">
            {ticks.map((tick) => (
              <span key={tick.offsetUs} style={{ left: `${tick.fraction * 100}%` }} />
            ))}
          </div>
          <div
            ref={tableRef}
            role="table"
            aria-label="Swimlanes"
            aria-describedby="swimlanes-help"
            className={styles.table}
            onKeyDown={handleKeyDown}
          >
            <div role="row" className={styles.headerRow} style={{ height: HEADER_PX }}>
              <div role="columnheader" className={styles.laneHeadColumn}>
                Lane
              </div>
              <ZoomAxis ticks={ticks} onWidthChange={setAxisPx} />
            </div>
            <div role="rowgroup" className={styles.body} style={{ height: totalHeight }}>
              {layout.lanes.map((lane, laneIndex) => (
                <div
                  key={lane.key}
                  role="row"
                  className={styles.lane}
                  style={{ top: laneTops[laneIndex], height: laneHeight(lane) }}
                >
                  <LaneHeader lane={lane} layout={layout} tree={tree} />
                  <div role="cell" className={styles.track}>
                    {barsByLane[laneIndex]!.map((bar) => (
                      <LaneBarButton
                        key={bar.index}
                        tree={tree}
                        bar={bar}
                        trackPx={axisPx}
                        isRun={layout.isRun[bar.index] === 1 && bar.count === 1}
                        isWaiting={
                          layout.isWaiting[bar.index] === 1 && layout.isRun[bar.index] === 0
                        }
                        isSelected={bar.index === selectedIndex}
                        isTabStop={bar.index === tabStop}
                        isDimmed={keep !== null && keep[bar.index] === 0}
                        isHidden={hideFiltered && keep !== null && keep[bar.index] === 0}
                        isMatch={search.mask !== null && search.mask[bar.index] === 1}
                        isCritical={criticalPath?.mask[bar.index] === 1}
                        onOpen={actions.open}
                        onHover={(at) => setHover({ bar, ...at })}
                      />
                    ))}
                  </div>
                </div>
              ))}
            </div>
          </div>
          <HandoffArrows
            tree={tree}
            layout={layout}
            scale={scale}
            trackPx={axisPx}
            laneTops={laneTops}
            height={totalHeight}
          />
        </div>
      </div>
      {hover && (
        <SpanTooltip
          tree={tree}
          index={hover.bar.index}
          mergedCount={hover.bar.count}
          x={hover.x}
          y={hover.y}
          boundsWidth={hover.width}
          boundsHeight={hover.height}
        />
      )}
    </div>
  );
}

function LaneHeader({ lane, layout, tree }: { lane: Lane; layout: LaneLayout; tree: TraceModel }) {
  const idleUs = Math.max(lane.activeUs - lane.busyUs, 0);
  const busyShare = lane.activeUs > 0 ? Math.round((lane.busyUs / lane.activeUs) * 100) : null;
  // The lanes that handed it work, by name: the arrows' text for those who cannot see them.
  const sources = lane.handedBy.map((from) => layout.lanes[from]!.name);
  const runs = lane.runs.length;
  const title = [
    `${lane.name} (${KIND_LABELS[lane.kind]}), ${runs} ${runs === 1 ? 'run' : 'runs'}`,
    `time ${formatDuration(lane.activeUs)}: busy ${formatDuration(lane.busyUs)}, idle or waiting ${formatDuration(idleUs)}`,
    Number.isNaN(lane.tokens) ? 'no tokens recorded' : `${lane.tokens.toLocaleString('en')} tokens`,
  ].join('\n');
  return (
    <div
      role="rowheader"
      className={styles.laneHead}
      style={{ paddingLeft: `calc(var(--space-3) + ${lane.depth * 12}px)` }}
      title={title}
    >
      <span className={styles.laneName}>
        <span
          className={styles.kindMark}
          style={{ background: spanTypeColor(tree.nodes[lane.runs[0]!]!.type) }}
          aria-hidden="true"
        />
        <strong>{lane.name}</strong>
        <span className={styles.kind}>
          {KIND_LABELS[lane.kind]}
          {runs > 1 && ` ×${runs}`}
        </span>
      </span>
      <span className={styles.laneFacts}>
        <span>{formatDuration(lane.activeUs)}</span>
        {busyShare !== null && <span>{busyShare}% busy</span>}
        {!Number.isNaN(lane.tokens) && <span>{compactTokens.format(lane.tokens)} tok</span>}
      </span>
      {sources.length > 0 && (
        <span className="visually-hidden">handed work by {sources.join(', ')}</span>
      )}
    </div>
  );
}

interface LaneBarButtonProps {
  tree: TraceModel;
  bar: LaneBar;
  trackPx: number;
  isRun: boolean;
  isWaiting: boolean;
  isSelected: boolean;
  isTabStop: boolean;
  isDimmed: boolean;
  isHidden: boolean;
  isMatch: boolean;
  isCritical: boolean;
  onOpen: (index: number) => void;
  /** The pointer, in the frame's CSS px, and the frame's size (where the tooltip must fit). */
  onHover: (at: { x: number; y: number; width: number; height: number }) => void;
}

function LaneBarButton({
  tree,
  bar,
  trackPx,
  isRun,
  isWaiting,
  isSelected,
  isTabStop,
  isDimmed,
  isHidden,
  isMatch,
  isCritical,
  onOpen,
  onHover,
}: LaneBarButtonProps) {
  if (isHidden) return null;
  const node = tree.nodes[bar.index]!;
  const label = barLabel(tree, bar.index);
  const duration = formatDuration(tree.durationUs[bar.index]!);
  const isError = tree.isError[bar.index] === 1;
  const widthPx = (bar.widthPercent / 100) * trackPx;
  const name =
    bar.count > 1
      ? `${bar.count.toLocaleString('en')} spans, the longest ${node.type} ${label}, ${duration}`
      : `${node.type} ${label}, ${duration}${isWaiting ? ', waiting on another lane' : ''}${isError ? ', failed' : ''}`;
  return (
    <button
      type="button"
      className={styles.bar}
      data-index={bar.index}
      data-run={isRun || undefined}
      data-waiting={isWaiting || undefined}
      data-error={isError || undefined}
      data-merged={bar.count > 1 || undefined}
      data-dimmed={isDimmed || undefined}
      data-match={isMatch || undefined}
      data-critical={isCritical || undefined}
      aria-label={name}
      aria-pressed={isSelected}
      tabIndex={isTabStop ? 0 : -1}
      style={
        {
          left: `${bar.leftPercent}%`,
          width: `${bar.widthPercent}%`,
          top: LANE_PAD_PX + bar.row * ROW_PX,
          height: BAR_PX,
          '--bar-color': spanTypeColor(node.type),
        } as React.CSSProperties
      }
      onClick={() => onOpen(bar.index)}
      onPointerMove={(event) => {
        const frame = event.currentTarget.closest(`.${styles.frame}`);
        const box = frame?.getBoundingClientRect();
        if (!box) return;
        onHover({
          x: event.clientX - box.left,
          y: event.clientY - box.top,
          width: box.width,
          height: box.height,
        });
      }}
    >
      {widthPx >= LABEL_MIN_PX && bar.count === 1 && (
        <span className={styles.barLabel} aria-hidden="true">
          {label}
        </span>
      )}
    </button>
  );
}

const HEAD_LENGTH_PX = 7;
const HEAD_HALF_WIDTH_PX = 3.5;

/** A filled triangle with its tip at (x, y), pointing along (dx, dy). */
function arrowHead(x: number, y: number, dx: number, dy: number): string {
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const baseX = x - ux * HEAD_LENGTH_PX;
  const baseY = y - uy * HEAD_LENGTH_PX;
  const wx = -uy * HEAD_HALF_WIDTH_PX;
  const wy = ux * HEAD_HALF_WIDTH_PX;
  return `M ${x} ${y} L ${baseX + wx} ${baseY + wy} L ${baseX - wx} ${baseY - wy} Z`;
}

interface HandoffArrowsProps {
  tree: TraceModel;
  layout: LaneLayout;
  scale: TimeScale;
  trackPx: number;
  laneTops: number[];
  height: number;
}

/**
 * The hand-offs as arrows over the lanes: down (or up) from the delegating span to the run it
 * started, across from a step's end to the next step's start. Arrows wholly outside the zoomed
 * range are left out; each names its two ends for assistive technology.
 */
function HandoffArrows({ tree, layout, scale, trackPx, laneTops, height }: HandoffArrowsProps) {
  if (trackPx <= 0) return null;
  const xOf = (us: number) => ((us - scale.startUs) / scale.rangeUs) * trackPx;
  const yOf = (index: number) =>
    laneTops[layout.laneOf[index]!]! + LANE_PAD_PX + layout.rowOf[index]! * ROW_PX + BAR_PX / 2;
  const arrows: { handoff: Handoff; d: string; head: string; label: string }[] = [];
  for (const handoff of layout.handoffs) {
    const { from, to, kind } = handoff;
    if (layout.rowOf[from]! < 0 || layout.rowOf[to]! < 0) continue;
    const x2 = xOf(tree.startUs[to]!);
    const x1 = kind === 'step' ? xOf(tree.endUs[from]!) : x2;
    if (Math.max(x1, x2) < 0 || Math.min(x1, x2) > trackPx) continue;
    const y1 = yOf(from);
    const down = yOf(to) > y1;
    // Ends at the near edge of the target bar, so the head is not drawn over it.
    const y2 = yOf(to) + (down ? -BAR_PX / 2 : BAR_PX / 2);
    const bend = Math.min(Math.abs(x2 - x1) / 2, 40);
    const d =
      kind === 'step'
        ? `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`
        : `M ${x1} ${y1} L ${x2} ${y2}`;
    // The head points along the path's end: level for a curve, along the line otherwise.
    const head =
      kind === 'step' && bend > 0 ? arrowHead(x2, y2, 1, 0) : arrowHead(x2, y2, x2 - x1, y2 - y1);
    const fromLane = layout.lanes[layout.laneOf[from]!]!.name;
    const toLane = layout.lanes[layout.laneOf[to]!]!.name;
    const verb = kind === 'delegate' ? 'delegates to' : kind === 'step' ? 'then' : 'starts';
    arrows.push({ handoff, d, head, label: `Hand-off: ${fromLane} ${verb} ${toLane}` });
  }
  return (
    <svg
      className={styles.arrows}
      width={trackPx}
      height={height}
      role="group"
      aria-label="Hand-offs"
    >
      {arrows.map(({ handoff, d, head, label }) => (
        <g key={`${handoff.from}-${handoff.to}`} role="img" aria-label={label}>
          <title>{label}</title>
          <path d={d} className={styles.arrow} data-kind={handoff.kind} />
          <path d={head} className={styles.arrowHead} data-kind={handoff.kind} />
        </g>
      ))}
    </svg>
  );
}
