import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef } from 'react';
import { entryPointDifference } from '../../domain/trace/spanNames';
import { formatDuration } from '../../lib/time';
import { namePath, type AlignedRow, type SpanSide } from './alignTraces';
import { deltaTone, formatCountDelta, formatDurationDelta } from './formatDelta';
import { spanTypeClass } from '../../components/spanTypeColor';

const ROW_HEIGHT = 28;
const INDENT_PX = 14;
/** Deeper rows are indented as this level (their path is in the tooltip). */
const MAX_INDENT_LEVEL = 30;

export interface CompareTableProps {
  rows: readonly AlignedRow[];
  /** Positions in `rows` to show, in order. */
  shown: Int32Array;
}

const COLUMNS = [
  'Span',
  'A duration',
  'A tokens',
  'A status',
  'B duration',
  'B tokens',
  'B status',
  'Δ duration',
  'Δ tokens',
];
const NUMERIC_COLUMNS = new Set([1, 2, 4, 5, 7, 8]);

/**
 * The aligned spans as a table: only the rows in view are in the DOM (TanStack Virtual, fixed
 * row height), so two 100,000-span traces compare as smoothly as two small ones.
 */
export function CompareTable({ rows, shown }: CompareTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable while the rows are: a new one makes the virtualizer re-measure every row.
  const getItemKey = useCallback((position: number) => shown[position]!, [shown]);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    getItemKey,
  });
  return (
    <div
      ref={scrollRef}
      className="compare-table"
      role="table"
      aria-label="Aligned spans"
      aria-rowcount={shown.length + 1}
      tabIndex={0}
    >
      <div role="row" aria-rowindex={1} className="compare-row compare-header-row">
        {COLUMNS.map((name, column) => (
          <div
            key={name}
            role="columnheader"
            className={`compare-cell${NUMERIC_COLUMNS.has(column) ? ' numeric' : ''}`}
          >
            {name}
          </div>
        ))}
      </div>
      <div className="compare-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <CompareRow
            key={item.key}
            rows={rows}
            index={shown[item.index]!}
            rowNumber={item.index + 2}
            top={item.start}
          />
        ))}
      </div>
    </div>
  );
}

interface CompareRowProps {
  rows: readonly AlignedRow[];
  index: number;
  rowNumber: number;
  top: number;
}

const CompareRow = memo(function CompareRow({ rows, index, rowNumber, top }: CompareRowProps) {
  const row = rows[index]!;
  const { a, b } = row;
  const side = a && b ? 'both' : a ? 'only-a' : 'only-b';
  const type = (a ?? b)!.type;
  const statusChanged = a !== null && b !== null && a.status !== b.status;
  return (
    <div
      role="row"
      aria-rowindex={rowNumber}
      className={`compare-row is-${side}${statusChanged ? ' is-status-changed' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div
        role="cell"
        className="compare-cell compare-name"
        style={{ paddingLeft: 6 + Math.min(row.depth, MAX_INDENT_LEVEL) * INDENT_PX }}
        title={namePath(rows, index)}
      >
        <span className={`type-badge type-${spanTypeClass(type)}`}>{type}</span>
        <span className="span-name">{row.name}</span>
        {a && b && a.name !== b.name && <OtherName nameA={a.name} nameB={b.name} />}
        {row.occurrence > 0 && <span className="muted">#{row.occurrence + 1}</span>}
        {side === 'only-a' && <span className="side-badge side-a">only in A</span>}
        {side === 'only-b' && <span className="side-badge side-b">only in B</span>}
      </div>
      <SideCells side={a} />
      <SideCells side={b} />
      <DeltaCells a={a} b={b} />
    </div>
  );
});

/** B's name when it differs from A's by entry point only: `B: .run`. */
function OtherName({ nameA, nameB }: { nameA: string; nameB: string }) {
  const difference = entryPointDifference(nameA, nameB);
  return (
    <span className="side-badge side-b entry-point-badge" title={`Named ${nameB} in B`}>
      B: {difference ? difference.b : nameB}
    </span>
  );
}

function SideCells({ side }: { side: SpanSide | null }) {
  if (!side) {
    return (
      <>
        <div role="cell" className="compare-cell numeric muted">
          —
        </div>
        <div role="cell" className="compare-cell numeric muted">
          —
        </div>
        <div role="cell" className="compare-cell muted">
          —
        </div>
      </>
    );
  }
  return (
    <>
      <div role="cell" className="compare-cell numeric">
        {formatDuration(side.durationUs)}
      </div>
      <div role="cell" className="compare-cell numeric">
        {side.tokens === null ? '' : side.tokens.toLocaleString()}
      </div>
      <div
        role="cell"
        className={`compare-cell${side.status === 'ERROR' ? ' error-text' : side.status === 'OK' ? '' : ' muted'}`}
      >
        {side.status}
      </div>
    </>
  );
}

function DeltaCells({ a, b }: { a: SpanSide | null; b: SpanSide | null }) {
  if (!a || !b) {
    return (
      <>
        <div role="cell" className="compare-cell" />
        <div role="cell" className="compare-cell" />
      </>
    );
  }
  const tone = deltaTone(a.durationUs, b.durationUs, 0.2);
  return (
    <>
      <div role="cell" className={`compare-cell numeric${tone ? ` delta-${tone}` : ''}`}>
        {formatDurationDelta(a.durationUs, b.durationUs)}
      </div>
      <div role="cell" className="compare-cell numeric">
        {a.tokens === null && b.tokens === null ? '' : formatCountDelta(a.tokens, b.tokens)}
      </div>
    </>
  );
}
