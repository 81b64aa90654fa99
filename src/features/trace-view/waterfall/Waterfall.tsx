import { useVirtualizer } from '@tanstack/react-virtual';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useAfterFirstPaint } from '../../../lib/useAfterFirstPaint';
import { rangeTicks } from '../timeline/rangeTicks';
import {
  useFilterResult,
  useSelectedIndex,
  useShownCriticalPath,
  useSpanSearch,
  useTraceActions,
  useTraceView,
  useTraceViewContext,
  useVisibleRows,
} from '../traceViewContext';
import { NameColumnResizer } from './NameColumnResizer';
import { RowSlots } from './rowSlots';
import { initialSize, observeSizeAfterLayout, scrollWithoutFirstReset } from './virtualizerLayout';
import { shownTimeScale } from './timeScale';
import { useNameColumnWidth } from './useNameColumnWidth';
import { ROW_HEIGHT, rowId, WaterfallRow } from './WaterfallRow';
import { ZoomAxis } from './ZoomAxis';

/** The sticky column header's height: rows start below it, and a jump must not hide one under it. */
const HEADER_HEIGHT = 28;

// Neither is needed to paint the first rows: their code is asked for once those have painted.
const TraceOverview = lazy(() =>
  import('./TraceOverview').then((module) => ({ default: module.TraceOverview })),
);
const BarTooltip = lazy(() =>
  import('./BarTooltip').then((module) => ({ default: module.BarTooltip })),
);

const overviewPlaceholder = <div className="overview-placeholder" aria-hidden="true" />;

/** At least this many pixels per tick (round steps make most gaps wider): a zoomed label fits. */
const TICK_SPACING_PX = 70;

/**
 * The span waterfall as an ARIA treegrid. Only the rows in view are in the DOM (TanStack
 * Virtual, fixed row height), so 100,000 spans cost no more to show than 100. Focus stays on
 * the grid; the selected row is its active descendant.
 */
export function Waterfall() {
  const { tree, repeated, costs } = useTraceViewContext();
  const actions = useTraceActions();
  const rows = useVisibleRows();
  const collapsed = useTraceView((state) => state.collapsed);
  const scrollRequest = useTraceView((state) => state.scrollRequest);
  const hideFiltered = useTraceView((state) => state.hideFiltered);
  const selectedIndex = useSelectedIndex();
  const filterResult = useFilterResult();
  const search = useSpanSearch();
  const criticalPath = useShownCriticalPath();
  // With the panel maximised the waterfall is a narrow tree: names and durations, no bars.
  const isTreeOnly = useTraceView((state) => state.isPanelMaximised && state.isPanelOpen);
  const [nameColumnPx, setNameColumnPx] = useNameColumnWidth();
  const zoom = useTraceView((state) => state.zoom);
  const scale = shownTimeScale(tree, zoom);
  const dimmedUnless = hideFiltered ? null : (filterResult?.keep ?? null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const isPainted = useAfterFirstPaint();
  const [axisPx, setAxisPx] = useState(0);
  // Stable while the rows are: the virtualizer re-measures every row (100,000 at 100k spans)
  // whenever this function changes, which was every render (each scroll frame, each click).
  const getItemKey = useCallback((position: number) => rows[position]!, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 15,
    getItemKey,
    initialRect: initialSize(),
    observeElementRect: observeSizeAfterLayout,
    scrollToFn: scrollWithoutFirstReset,
  });

  // Rows are keyed by slot, not by span (rowSlots.ts): a jump updates the rows in place.
  const [rowSlots] = useState(() => new RowSlots());
  const virtualItems = virtualizer.getVirtualItems();
  rowSlots.place(virtualItems[0]?.index ?? 0, virtualItems.length);

  // Row position of each span index is found by binary search: rows are in tree order.
  const rowOf = (index: number) => {
    let low = 0;
    let high = rows.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const value = rows[mid]!;
      if (value === index) return mid;
      if (value < index) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  };

  useEffect(() => {
    if (!scrollRequest) return;
    const position = rowOf(scrollRequest.index);
    if (position < 0) return;
    virtualizer.scrollToIndex(position, { align: scrollRequest.align });
    // Only a new request scrolls; a new `rows` alone must not move the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRequest]);

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const position = selectedIndex === null ? -1 : rowOf(selectedIndex);
    const moveTo = (target: number) => {
      const clamped = Math.min(Math.max(target, 0), rows.length - 1);
      // A step moves the view as little as it can (a jump would re-centre on every key).
      if (rows.length > 0) actions.select(rows[clamped]!, 'auto');
    };
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        moveTo(position + 1);
        break;
      case 'ArrowUp':
      case 'k':
        moveTo(position < 0 ? 0 : position - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'PageDown':
        moveTo(position + 20);
        break;
      case 'PageUp':
        moveTo(position - 20);
        break;
      case 'ArrowLeft':
        if (selectedIndex === null) return;
        if (tree.childCount[selectedIndex]! > 0 && collapsed[selectedIndex] !== 1) {
          actions.setCollapsed(selectedIndex, true);
        } else if (tree.parentIndex[selectedIndex]! >= 0) {
          actions.select(tree.parentIndex[selectedIndex]!, 'auto');
        }
        break;
      case 'ArrowRight':
        if (selectedIndex === null || tree.childCount[selectedIndex] === 0) return;
        if (collapsed[selectedIndex] === 1) actions.setCollapsed(selectedIndex, false);
        else actions.select(selectedIndex + 1, 'auto'); // the first child follows its parent
        break;
      case 'Enter':
        if (selectedIndex !== null) actions.open(selectedIndex);
        break;
      case 'Escape':
        actions.closePanel();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const tickCount = axisPx > 0 ? Math.min(Math.max(Math.floor(axisPx / TICK_SPACING_PX), 1), 8) : 5;
  const ticks = rangeTicks(scale, tree.axisStartUs, tickCount);
  const selectedVisible = selectedIndex !== null && rowOf(selectedIndex) >= 0;

  return (
    <div ref={frameRef} className="waterfall-frame">
      {!isTreeOnly &&
        (isPainted ? (
          // The overview's place is kept while its code loads, so the rows do not move down.
          <Suspense fallback={overviewPlaceholder}>
            <TraceOverview />
          </Suspense>
        ) : (
          overviewPlaceholder
        ))}
      <div
        ref={scrollRef}
        className="waterfall"
        data-tree-only={isTreeOnly || undefined}
        style={
          nameColumnPx === null
            ? undefined
            : ({ '--name-col': `${nameColumnPx}px` } as React.CSSProperties)
        }
        role="treegrid"
        aria-label="Span waterfall"
        aria-rowcount={rows.length + 1}
        aria-multiselectable={false}
        aria-activedescendant={selectedVisible ? rowId(selectedIndex) : undefined}
        tabIndex={0}
        onKeyDown={handleKeyDown}
      >
        <div role="row" aria-rowindex={1} className="waterfall-header">
          <div role="columnheader" className="waterfall-name-cell">
            Span
            {!isTreeOnly && (
              <NameColumnResizer
                waterfallRef={scrollRef}
                width={nameColumnPx}
                onWidthChange={setNameColumnPx}
              />
            )}
          </div>
          <div role="columnheader" className="waterfall-duration">
            Duration
          </div>
          <ZoomAxis ticks={ticks} onWidthChange={setAxisPx} />
        </div>
        <div className="waterfall-body" style={{ height: virtualizer.getTotalSize() }}>
          <div className="waterfall-gridlines" aria-hidden="true">
            {ticks.map((tick) => (
              <span key={tick.offsetUs} style={{ left: `${tick.fraction * 100}%` }} />
            ))}
          </div>
          {virtualItems.map((item) => {
            const index = rows[item.index]!;
            return (
              <WaterfallRow
                key={rowSlots.keyOf(item.index)}
                tree={tree}
                index={index}
                rowNumber={item.index + 1}
                top={item.start - HEADER_HEIGHT}
                scale={scale}
                isCollapsed={collapsed[index] === 1}
                isSelected={index === selectedIndex}
                isDimmed={dimmedUnless !== null && dimmedUnless[index] === 0}
                isMatch={search.mask !== null && search.mask[index] === 1}
                matchQuery={
                  search.mask !== null && search.mask[index] === 1 ? search.searchedQuery : ''
                }
                isActiveMatch={index === search.activeIndex}
                criticalPath={criticalPath}
                isOnCriticalPath={criticalPath?.mask[index] === 1}
                repeatCount={repeated?.groupSize[index] ?? 0}
                costs={costs}
                onToggle={actions.toggle}
                onSelect={actions.open}
              />
            );
          })}
        </div>
      </div>
      {!isTreeOnly && isPainted && (
        <Suspense fallback={null}>
          <BarTooltip gridRef={scrollRef} frameRef={frameRef} />
        </Suspense>
      )}
    </div>
  );
}
