import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { formatDuration } from '../../../lib/time';
import type { CriticalPath } from '../analysis/criticalPath';
import type { SpanTree } from '../../../domain/trace/buildSpanTree';
import { timeTicks, type TimeScale } from './timeScale';
import { ROW_HEIGHT, rowId, WaterfallRow } from './WaterfallRow';

export interface ScrollRequest {
  index: number;
  /** Changes on every request, so asking twice for the same span scrolls twice. */
  seq: number;
  /** `center` for a span the page opens on; `auto` (the least movement) otherwise. */
  align?: 'auto' | 'center';
}

export interface WaterfallProps {
  tree: SpanTree;
  rows: Int32Array;
  scale: TimeScale;
  collapsed: Uint8Array;
  selectedIndex: number | null;
  /** Spans that pass the filter; others are dimmed. Null when no filter is active. */
  dimmedUnless: Uint8Array | null;
  searchMatches: Uint8Array | null;
  activeMatch: number | null;
  /** Drawn on the bars while the "Critical path" toggle is on. */
  criticalPath: CriticalPath | null;
  /** Per span: the size of its group of repeated calls, or 0. */
  repeatCounts: Int32Array | null;
  scrollRequest: ScrollRequest | null;
  onToggle: (index: number) => void;
  onSetCollapsed: (index: number, collapsed: boolean) => void;
  onSelect: (index: number) => void;
  onOpenPanel: (index: number) => void;
  onClosePanel: () => void;
}

/**
 * The span waterfall as an ARIA treegrid. Only the rows in view are in the DOM (TanStack
 * Virtual, fixed row height), so 100,000 spans cost no more to show than 100. Focus stays on
 * the grid; the selected row is its active descendant.
 */
export function Waterfall(props: WaterfallProps) {
  const { tree, rows, scale, collapsed, selectedIndex, scrollRequest } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    getItemKey: (position) => rows[position]!,
  });

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
    virtualizer.scrollToIndex(position, { align: scrollRequest.align ?? 'auto' });
    // The page may scroll too (a tall header above a short window): bring the row on screen.
    const frame = requestAnimationFrame(() =>
      document.getElementById(rowId(scrollRequest.index))?.scrollIntoView({ block: 'nearest' }),
    );
    return () => cancelAnimationFrame(frame);
    // Only a new request scrolls; a new `rows` alone must not move the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRequest]);

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const position = selectedIndex === null ? -1 : rowOf(selectedIndex);
    const moveTo = (target: number) => {
      const clamped = Math.min(Math.max(target, 0), rows.length - 1);
      if (rows.length > 0) props.onSelect(rows[clamped]!);
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
          props.onSetCollapsed(selectedIndex, true);
        } else if (tree.parentIndex[selectedIndex]! >= 0) {
          props.onSelect(tree.parentIndex[selectedIndex]!);
        }
        break;
      case 'ArrowRight':
        if (selectedIndex === null || tree.childCount[selectedIndex] === 0) return;
        if (collapsed[selectedIndex] === 1) props.onSetCollapsed(selectedIndex, false);
        else props.onSelect(selectedIndex + 1); // the first child follows its parent in tree order
        break;
      case 'Enter':
        if (selectedIndex !== null) props.onOpenPanel(selectedIndex);
        break;
      case 'Escape':
        props.onClosePanel();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const ticks = timeTicks(scale, 5);
  const selectedVisible = selectedIndex !== null && rowOf(selectedIndex) >= 0;

  return (
    <div
      ref={scrollRef}
      className="waterfall"
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
        </div>
        <div role="columnheader" className="waterfall-duration">
          Duration
        </div>
        <div role="columnheader" className="waterfall-axis" aria-label="Timeline">
          {ticks.map((tick) => (
            <span
              key={tick.offsetUs}
              className="axis-tick"
              style={{ left: `${tick.percent}%` }}
              aria-hidden="true"
            >
              {tick.offsetUs === 0 ? '0' : formatDuration(tick.offsetUs)}
            </span>
          ))}
        </div>
      </div>
      <div className="waterfall-body" style={{ height: virtualizer.getTotalSize() }}>
        <div className="waterfall-gridlines" aria-hidden="true">
          {ticks.map((tick) => (
            <span key={tick.offsetUs} style={{ left: `${tick.percent}%` }} />
          ))}
        </div>
        {virtualizer.getVirtualItems().map((item) => {
          const index = rows[item.index]!;
          return (
            <WaterfallRow
              key={item.key}
              tree={tree}
              index={index}
              rowNumber={item.index + 1}
              top={item.start}
              scale={scale}
              isCollapsed={collapsed[index] === 1}
              isSelected={index === selectedIndex}
              isDimmed={props.dimmedUnless !== null && props.dimmedUnless[index] === 0}
              isMatch={props.searchMatches !== null && props.searchMatches[index] === 1}
              isActiveMatch={index === props.activeMatch}
              criticalPath={props.criticalPath}
              isOnCriticalPath={props.criticalPath?.mask[index] === 1}
              repeatCount={props.repeatCounts?.[index] ?? 0}
              onToggle={props.onToggle}
              onSelect={props.onOpenPanel}
            />
          );
        })}
      </div>
    </div>
  );
}
