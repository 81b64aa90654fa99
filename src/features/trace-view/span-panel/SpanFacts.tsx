import type { SpanTree } from '../waterfall/buildSpanTree';
import { durationProblem, formatDuration, formatDurationBetween } from '../../../lib/time';
import { Fact, IdFact } from './Fact';
import { formatPreciseTimestamp } from './formatPreciseTimestamp';
import { spanIds, traceTotals } from './spanSections';

export interface SpanFactsProps {
  tree: SpanTree;
  index: number;
  traceStartUs: number;
  selfTimeUs?: number;
  criticalUs?: number;
  isTraceRoot: boolean;
}

/** What every span has: timing, position in the tree, and ids (each with a copy button). */
export function SpanFacts({
  tree,
  index,
  traceStartUs,
  selfTimeUs,
  criticalUs,
  isTraceRoot,
}: SpanFactsProps) {
  const node = tree.nodes[index]!;
  const startUs = tree.startUs[index]!;
  const endUs = tree.endUs[index]!;
  // From the parsed times: the server's `duration` text is rounded, or a long float.
  const durationUs = endUs - startUs;
  const hasDuration = Number.isFinite(durationUs);
  const parent = tree.parentIndex[index]!;
  const parentNode = parent >= 0 ? tree.nodes[parent] : undefined;
  const childCount = tree.childCount[index]!;
  const descendants = tree.subtreeSize[index]! - 1;
  const offsetUs = startUs - traceStartUs;
  return (
    <>
      <dl className="facts span-facts">
        <Fact label="Duration" title={durationProblem(startUs, endUs)}>
          {formatDurationBetween(startUs, endUs)}
        </Fact>
        {selfTimeUs !== undefined && hasDuration && (
          <Fact label="Self time" title="Duration minus the time covered by its children">
            {formatDuration(selfTimeUs)}
            {durationUs > 0 && (
              <span className="muted"> ({Math.round((selfTimeUs / durationUs) * 100)}%)</span>
            )}
          </Fact>
        )}
        {criticalUs !== undefined && hasDuration && (
          <Fact label="Critical path" title="Time of this span the end of the trace waited on">
            {criticalUs > 0 ? formatDuration(criticalUs) : 'not on it'}
          </Fact>
        )}
        <Fact label="Offset" title="From the start of the trace">
          {Number.isFinite(offsetUs) ? `+${formatDuration(offsetUs)}` : '–'}
        </Fact>
        <Fact label="Start" title={node.start_time}>
          <time dateTime={node.start_time}>{formatPreciseTimestamp(startUs)}</time>
        </Fact>
        <Fact label="End" title={node.end_time}>
          <time dateTime={node.end_time}>{formatPreciseTimestamp(endUs)}</time>
        </Fact>
        {node.step_type && <Fact label="Step type">{node.step_type}</Fact>}
        {childCount > 0 && (
          <Fact label="Children">
            {childCount.toLocaleString()}
            {descendants > childCount && (
              <span className="muted"> ({descendants.toLocaleString()} below)</span>
            )}
          </Fact>
        )}
        {traceTotals(node.metadata).map(({ key, label, value }) => (
          <Fact key={key} label={label}>
            {Number.isFinite(Number(value)) ? Number(value).toLocaleString() : value}
          </Fact>
        ))}
      </dl>
      <dl className="facts span-facts">
        <IdFact label="Span id" value={node.id} />
        {parentNode ? (
          <IdFact label="Parent span id" value={parentNode.id} />
        ) : (
          <Fact label="Parent span id">
            <span className="muted">{isTraceRoot ? 'none (root)' : 'not loaded'}</span>
          </Fact>
        )}
        {spanIds(node.metadata).map(({ key, label, value }) => (
          <IdFact key={key} label={label} value={value} />
        ))}
      </dl>
    </>
  );
}
