import { memo } from 'react';
import type { TraceCostsView } from '../../../components/cost/useTraceCosts';
import { durationProblem, formatDuration } from '../../../lib/time';
import type { CriticalPath } from '../analysis/criticalPath';
import type { TraceModel } from '../../../domain/trace/traceModel';
import { DelegationMark } from './DelegationMark';
import { spanMatch } from './spanSearch';
import { barGeometry, type BarGeometry, type TimeScale } from './timeScale';
import { spanTypeClass } from '../../../components/spanTypeColor';

export const ROW_HEIGHT = 28;
const INDENT_PX = 14;
// Past this depth rows stop moving right (a 10,000-deep chain would push names out of view)
// and show their level as a number instead.
const MAX_INDENT_LEVELS = 24;

export interface WaterfallRowProps {
  tree: TraceModel;
  index: number;
  rowNumber: number;
  top: number;
  scale: TimeScale;
  isCollapsed: boolean;
  isSelected: boolean;
  isDimmed: boolean;
  isMatch: boolean;
  isActiveMatch: boolean;
  /** The search query when this row matches it (empty otherwise, so other rows stay memoized). */
  matchQuery: string;
  /** The sections to draw when this span is on it (the object changes only with the toggle). */
  criticalPath: CriticalPath | null;
  isOnCriticalPath: boolean;
  /** Size of the span's group of repeated calls, or 0. */
  repeatCount: number;
  /** The trace's costs once loaded: a model call's row shows its cost and a full context. */
  costs: TraceCostsView | null;
  onToggle: (index: number) => void;
  onSelect: (index: number) => void;
}

/** One span: indentation, chevron, type, name and details, duration, and its bar. */
export const WaterfallRow = memo(function WaterfallRow({
  tree,
  index,
  rowNumber,
  top,
  scale,
  isCollapsed,
  isSelected,
  isDimmed,
  isMatch,
  isActiveMatch,
  matchQuery,
  criticalPath,
  isOnCriticalPath,
  repeatCount,
  costs,
  onToggle,
  onSelect,
}: WaterfallRowProps) {
  const node = tree.nodes[index]!;
  const depth = tree.depth[index]!;
  const hasChildren = tree.childCount[index]! > 0;
  const parent = tree.parentIndex[index]!;
  const startUs = tree.startUs[index]!;
  const endUs = tree.endUs[index]!;
  const bar = barGeometry(scale, startUs, endUs);
  const isError = tree.isError[index] === 1;
  const typeClass = spanTypeClass(node.type);
  const className = [
    'waterfall-row',
    isError && 'is-error',
    isSelected && 'is-selected',
    isDimmed && 'is-dimmed',
    isMatch && 'is-match',
    isActiveMatch && 'is-active-match',
    isOnCriticalPath && 'is-critical',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      id={rowId(index)}
      role="row"
      aria-level={depth + 1}
      aria-posinset={tree.siblingIndex[index]! + 1}
      aria-setsize={parent >= 0 ? tree.childCount[parent]! : tree.rootCount}
      aria-expanded={hasChildren ? !isCollapsed : undefined}
      aria-selected={isSelected}
      aria-rowindex={rowNumber + 1}
      className={className}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(index)}
    >
      <div
        role="gridcell"
        className="waterfall-name-cell"
        style={{ paddingLeft: 4 + Math.min(depth, MAX_INDENT_LEVELS) * INDENT_PX }}
      >
        {depth > MAX_INDENT_LEVELS && (
          <span className="depth-badge" title={`Level ${depth + 1} of the tree`}>
            L{depth + 1}
          </span>
        )}
        {hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            className="chevron"
            aria-label={`${isCollapsed ? 'Expand' : 'Collapse'} ${node.name}`}
            onClick={(event) => {
              event.stopPropagation();
              onToggle(index);
            }}
          >
            {isCollapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="chevron-spacer" />
        )}
        <span className={`type-badge type-${typeClass}`}>{node.type}</span>
        {isError && (
          <span className="error-mark" aria-label="Error" role="img">
            !
          </span>
        )}
        <span className="span-name">{node.name}</span>
        {repeatCount > 1 && <RepeatMark count={repeatCount} isModel={typeClass === 'llm'} />}
        <DelegationMark tree={tree} index={index} />
        {matchQuery ? (
          <MatchSnippet tree={tree} index={index} query={matchQuery} />
        ) : (
          <SpanSummary tree={tree} index={index} />
        )}
        {costs && <costs.kit.RowCostMarks view={costs} index={index} />}
        {isCollapsed && (
          <span className="hidden-count" title="Spans hidden in this collapsed subtree">
            +{(tree.subtreeSize[index]! - 1).toLocaleString()}
          </span>
        )}
      </div>
      <div
        role="gridcell"
        className="waterfall-duration numeric"
        title={durationProblem(startUs, endUs)}
      >
        {formatDuration(tree.durationUs[index]!)}
      </div>
      <div role="gridcell" className="waterfall-bar-cell">
        <SpanBar bar={bar} className={`bar-${typeClass}${isError ? ' span-bar-error' : ''}`} />
        {isOnCriticalPath && criticalPath && (
          <CriticalSections path={criticalPath} index={index} scale={scale} />
        )}
      </div>
    </div>
  );
});

/**
 * A span's bar on the shown range. Cut at an edge of a zoomed range, it ends in an arrow
 * there; wholly outside the range, only an arrow at the edge it lies beyond.
 */
function SpanBar({ bar, className }: { bar: BarGeometry; className: string }) {
  if (bar.clip === 'before' || bar.clip === 'after') {
    const isBefore = bar.clip === 'before';
    return (
      <span
        className={`bar-arrow bar-arrow-${isBefore ? 'before' : 'after'} ${className}`}
        title={isBefore ? 'Ends before the shown time range' : 'Starts after the shown time range'}
      >
        {isBefore ? '◂' : '▸'}
      </span>
    );
  }
  return (
    <div
      className={`span-bar ${className}`}
      data-clip={bar.clip === 'none' ? undefined : bar.clip}
      style={{ left: `${bar.leftPercent}%`, width: `${bar.widthPercent}%` }}
    />
  );
}

function RepeatMark({ count, isModel }: { count: number; isModel: boolean }) {
  const title = isModel
    ? `${count} model calls in a row, each adding only tool results to the last one's input: the agent may be going round in circles`
    : `Called ${count} times with the same parameters under the same parent`;
  return (
    <span className="repeat-mark" role="img" aria-label={`Repeated call (${count}×)`} title={title}>
      ↻{count}
    </span>
  );
}

/** The parts of the span's time that lie on the critical path, over its bar. */
function CriticalSections({
  path,
  index,
  scale,
}: {
  path: CriticalPath;
  index: number;
  scale: TimeScale;
}) {
  const sections = [];
  for (let k = path.sectionOffset[index]!; k < path.sectionOffset[index + 1]!; k++) {
    const geometry = barGeometry(scale, path.sectionStartUs[k]!, path.sectionEndUs[k]!);
    if (geometry.widthPercent === 0) continue; // outside the zoomed range
    sections.push(
      <div
        key={k}
        className="critical-section"
        style={{ left: `${geometry.leftPercent}%`, width: `${geometry.widthPercent}%` }}
      />,
    );
  }
  return (
    <>
      {sections}
      <span className="visually-hidden">
        On the critical path for {formatDuration(path.criticalUs[index]!)}
      </span>
    </>
  );
}

const FIELD_LABELS = {
  id: 'id',
  input: 'input',
  output: 'output',
  error: 'error',
} as const;

/**
 * Why a row matches the search when its name does not say it: the field and the words around
 * the match (a model or tool match shows in the usual summary, marked).
 */
function MatchSnippet({ tree, index, query }: { tree: TraceModel; index: number; query: string }) {
  const match = spanMatch(tree.nodes[index]!, query);
  if (match === null || match.field === 'name') return <SpanSummary tree={tree} index={index} />;
  if (match.field === 'model' || match.field === 'tool') {
    return (
      <span className="span-extra" title={`Matches in the span's ${match.field}`}>
        {match.before}
        <mark>{match.match}</mark>
        {match.after}
      </span>
    );
  }
  return (
    <span className="match-snippet" title={`Matches in the span's ${FIELD_LABELS[match.field]}`}>
      <span className="match-field">{FIELD_LABELS[match.field]}</span>
      {match.isCutBefore && '…'}
      {match.before}
      <mark>{match.match}</mark>
      {match.after}
      {match.isCutAfter && '…'}
    </span>
  );
}

/** The model and its tokens, or the tool when the span's name does not say it already. */
function SpanSummary({ tree, index }: { tree: TraceModel; index: number }) {
  const model = tree.modelLabelOf(index);
  if (model) {
    const input = tokenText(tree.inputTokens[index]!);
    const output = tokenText(tree.outputTokens[index]!);
    return (
      <span className="span-extra">
        {model.isFromSpanName ? (
          <span title="Model id not recorded: the model class from the span name">
            {model.text}
          </span>
        ) : (
          model.text
        )}
        {(input !== null || output !== null) && (
          <span title="Input → output tokens">
            {' '}
            · {input ?? '?'} → {output ?? '?'} tok
          </span>
        )}
      </span>
    );
  }
  const tool = tree.toolNameOf(index);
  if (tool !== null && tool !== tree.nodes[index]!.name) {
    return <span className="span-extra">{tool}</span>;
  }
  return null;
}

// One formatter for every row: `toLocaleString` builds one per call, a third of a millisecond
// per scroll frame at 100,000 spans.
const TOKEN_FORMAT = new Intl.NumberFormat();

/** A count the model read, or null when not recorded (NaN). */
function tokenText(count: number): string | null {
  return Number.isNaN(count) ? null : TOKEN_FORMAT.format(count);
}

export function rowId(index: number): string {
  return `span-row-${index}`;
}
