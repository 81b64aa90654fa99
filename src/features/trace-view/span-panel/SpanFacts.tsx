import { workflowStepType } from '../../../domain/trace/workflowSteps';
import { tokenCount, type TraceModel } from '../../../domain/trace/traceModel';
import { CopyButton } from '../../../components/CopyButton';
import { formatDuration } from '../../../lib/time';
import { Fact, IdFact } from './Fact';
import { formatPreciseTimestamp } from './formatPreciseTimestamp';
import { spanIds, traceTotals } from './spanSections';

export interface SpanFactsProps {
  tree: TraceModel;
  index: number;
  selfTimeUs?: number;
  criticalUs?: number;
  isTraceRoot: boolean;
  /** Selects another span by index; the delegation's other end is a link when present. */
  onSelectSpan?: (index: number) => void;
}

/**
 * What every span has: timing (the duration is in the summary above the content), position in
 * the tree, and ids (each with a copy button). After the content: it is looked up, not read.
 */
export function SpanFacts({
  tree,
  index,
  selfTimeUs,
  criticalUs,
  isTraceRoot,
  onSelectSpan,
}: SpanFactsProps) {
  const node = tree.nodes[index]!;
  const startUs = tree.startUs[index]!;
  const endUs = tree.endUs[index]!;
  // From the parsed times: the server's `duration` text is rounded, or a long float.
  const durationUs = tree.durationUs[index]!;
  const hasDuration = Number.isFinite(durationUs);
  const parent = tree.parentIndex[index]!;
  const parentNode = parent >= 0 ? tree.nodes[parent] : undefined;
  const childCount = tree.childCount[index]!;
  const descendants = tree.subtreeSize[index]! - 1;
  // On the waterfall's axis, so it matches where the span's bar starts.
  const offsetUs = tree.offsetUs(index);
  const delegations = tree.delegations;
  const delegatedBy = delegations.toolOf[index]!;
  const delegatedTo = delegations.membersOf.get(index) ?? [];
  const stepType = workflowStepType(tree, index);
  const spanLink = (target: number) =>
    onSelectSpan ? (
      <button
        type="button"
        className="link-button"
        title="Select it (D jumps between the two)"
        onClick={() => onSelectSpan(target)}
      >
        {tree.nodes[target]!.name}
      </button>
    ) : (
      tree.nodes[target]!.name
    );
  return (
    <section className="span-section" aria-label="Timing and ids">
      <h3>Timing and ids</h3>
      <dl className="facts span-facts">
        {selfTimeUs !== undefined && hasDuration && (
          <Fact
            label="Self time"
            title={
              delegatedTo.length > 0
                ? 'Duration minus the time covered by its children and by the member run it delegated to'
                : 'Duration minus the time covered by its children'
            }
          >
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
        <Fact
          label="Offset"
          title="From the earliest span’s start, where the waterfall’s time axis begins"
        >
          {Number.isFinite(offsetUs) ? `+${formatDuration(offsetUs)}` : '–'}
        </Fact>
        <Fact label="Start" title={node.start_time}>
          <time dateTime={node.start_time}>{formatPreciseTimestamp(startUs)}</time>
        </Fact>
        <Fact label="End" title={node.end_time}>
          <time dateTime={node.end_time}>{formatPreciseTimestamp(endUs)}</time>
        </Fact>
        {delegatedBy >= 0 && <Fact label="Delegated by">{spanLink(delegatedBy)}</Fact>}
        {delegatedTo.length > 0 && (
          <Fact label="Delegated to">
            {delegatedTo.map((member, k) => (
              <span key={member}>
                {k > 0 && ', '}
                {spanLink(member)}
              </span>
            ))}
          </Fact>
        )}
        {stepType !== null && (
          <Fact
            label="Step type"
            title={
              node.step_type && node.step_type !== stepType
                ? `From the workflow’s steps, by name (the server’s step_type, “${node.step_type}”, is assigned by position)`
                : 'From the workflow’s steps, by name'
            }
          >
            {stepType}
          </Fact>
        )}
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
            {tokenCount(value)?.toLocaleString() ?? value}
          </Fact>
        ))}
      </dl>
      <dl className="facts span-facts">
        <IdFact label="Span id" value={node.id} />
        {parentNode ? (
          <Fact label="Parent span">
            <span className="id-value">
              {onSelectSpan ? (
                <button
                  type="button"
                  className="link-button"
                  title={`Select it (id ${parentNode.id})`}
                  onClick={() => onSelectSpan(parent)}
                >
                  {parentNode.name}
                </button>
              ) : (
                <span title={parentNode.id}>{parentNode.name}</span>
              )}
              <CopyButton text={parentNode.id} label="Copy parent span id" />
            </span>
          </Fact>
        ) : (
          <Fact label="Parent span">
            <span className="muted">{isTraceRoot ? 'none (root)' : 'not loaded'}</span>
          </Fact>
        )}
        {spanIds(node.metadata).map(({ key, label, value }) => (
          <IdFact key={key} label={label} value={value} />
        ))}
      </dl>
    </section>
  );
}
