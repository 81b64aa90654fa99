import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import { formatDuration } from '../../../lib/time';
import { flattenVisibleRows, type SpanTree } from './buildSpanTree';

const ROW_HEIGHT = 32;
const INDENT_PX = 16;
// Sub-millisecond spans must stay visible on a long trace.
const MIN_BAR_PERCENT = 0.2;

export interface SpanTreeViewProps {
  tree: SpanTree;
}

/**
 * The span tree as nested, collapsible rows with bars on one time axis. Only the rows in view are
 * in the DOM, so the size of the trace does not matter.
 */
export function SpanTreeView({ tree }: SpanTreeViewProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const rows = useMemo(() => flattenVisibleRows(tree, collapsed), [tree, collapsed]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => tree.nodes[rows[index]!]!.id + ':' + rows[index],
  });

  const toggle = (index: number) =>
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });

  const range = Math.max(tree.endBoundUs - tree.startBoundUs, 1);

  return (
    <div
      ref={scrollRef}
      className="span-tree-scroll"
      role="treegrid"
      aria-label="Span waterfall"
      aria-rowcount={rows.length}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const index = rows[item.index]!;
          return (
            <SpanRow
              key={item.key}
              tree={tree}
              index={index}
              rowNumber={item.index + 1}
              top={item.start}
              isCollapsed={collapsed.has(index)}
              range={range}
              onToggle={toggle}
            />
          );
        })}
      </div>
    </div>
  );
}

interface SpanRowProps {
  tree: SpanTree;
  index: number;
  rowNumber: number;
  top: number;
  isCollapsed: boolean;
  range: number;
  onToggle: (index: number) => void;
}

const SpanRow = memo(function SpanRow({
  tree,
  index,
  rowNumber,
  top,
  isCollapsed,
  range,
  onToggle,
}: SpanRowProps) {
  const node = tree.nodes[index]!;
  const depth = tree.depth[index]!;
  const hasChildren = tree.childCount[index]! > 0;
  const startUs = tree.startUs[index]!;
  const durationUs = tree.endUs[index]! - startUs;
  const left = ((startUs - tree.startBoundUs) / range) * 100;
  const width = Math.max((Math.max(durationUs, 0) / range) * 100, MIN_BAR_PERCENT);
  const isError = tree.isError[index] === 1;
  const model = typeof node.metadata?.model === 'string' ? node.metadata.model : null;
  const toolName = typeof node.metadata?.tool_name === 'string' ? node.metadata.tool_name : null;
  return (
    <div
      role="row"
      aria-level={depth + 1}
      aria-expanded={hasChildren ? !isCollapsed : undefined}
      aria-rowindex={rowNumber}
      className={`span-row${isError ? ' span-row-error' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
    >
      <div role="gridcell" className="span-name-cell" style={{ paddingLeft: depth * INDENT_PX }}>
        {hasChildren ? (
          <button
            type="button"
            className="chevron"
            aria-label={`${isCollapsed ? 'Expand' : 'Collapse'} ${node.name}`}
            onClick={() => onToggle(index)}
          >
            {isCollapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="chevron-spacer" />
        )}
        <span className={`type-badge type-${node.type.toLowerCase()}`}>{node.type}</span>
        <span className="span-name">{node.name}</span>
        {model && <span className="muted span-extra">{model}</span>}
        {toolName && toolName !== node.name && <span className="muted span-extra">{toolName}</span>}
        {isCollapsed && (
          <span className="hidden-count">+{(tree.subtreeSize[index]! - 1).toLocaleString()}</span>
        )}
      </div>
      <div role="gridcell" className="span-duration numeric">
        {formatDuration(durationUs)}
      </div>
      <div role="gridcell" className="span-bar-cell" aria-hidden="true">
        <div
          className={`span-bar${isError ? ' span-bar-error' : ''} bar-${node.type.toLowerCase()}`}
          style={{
            left: `${Math.min(Math.max(left, 0), 100 - MIN_BAR_PERCENT)}%`,
            width: `${width}%`,
          }}
        />
      </div>
    </div>
  );
});
