import type { TraceModel } from '../../../domain/trace/traceModel';
import { IoSection } from './IoSection';
import { KeyValueList } from './KeyValueList';
import { LlmSection } from './LlmSection';
import { SpanErrorBlock } from './SpanErrorBlock';
import { SpanFacts } from './SpanFacts';
import { SpanSummary } from './SpanSummary';
import {
  KNOWN_NODE_FIELDS,
  otherEntries,
  shownMetadataKeys,
  spanSectionKind,
} from './spanSections';
import { ToolSection } from './ToolSection';
import { WorkflowSection } from './WorkflowSection';

export interface SpanDetailsProps {
  tree: TraceModel;
  index: number;
  selfTimeUs?: number;
  /** Time on the critical path, while it is shown; the fact is left out when absent. */
  criticalUs?: number;
  isTraceRoot: boolean;
  /** Selects another span of `tree` by index; links to other spans are left out when absent. */
  onSelectSpan?: (index: number) => void;
}

const NOTHING_SHOWN: ReadonlySet<string> = new Set();

/**
 * The "Details" tab, content first: the error, a one- or two-line summary (duration, model and
 * tokens, tool), the section for the span's type (messages and reply, parameters and result,
 * input and output), then the timing facts and ids, then everything else.
 */
export function SpanDetails({
  tree,
  index,
  selfTimeUs,
  criticalUs,
  isTraceRoot: isRoot,
  onSelectSpan,
}: SpanDetailsProps) {
  const node = tree.nodes[index]!;
  const kind = spanSectionKind(node);
  const otherMetadata = otherEntries(node.metadata, shownMetadataKeys(kind, node.metadata));
  const extraData = otherEntries(node.extra_data, NOTHING_SHOWN);
  // Fields a newer server may add: shown rather than dropped.
  const otherFields = otherEntries(node, KNOWN_NODE_FIELDS);
  const hasError = node.status === 'ERROR' || (node.error != null && node.error !== '');

  return (
    <div className="span-details">
      {hasError && <SpanErrorBlock error={node.error} isRoot={isRoot} />}
      <SpanSummary tree={tree} index={index} kind={kind} />
      {kind === 'llm' && (
        <LlmSection tree={tree} index={index} isRoot={isRoot} onSelectSpan={onSelectSpan} />
      )}
      {kind === 'tool' && <ToolSection node={node} />}
      {kind === 'workflow' && <WorkflowSection node={node} isRoot={isRoot} />}
      {kind === 'run' && <IoSection node={node} isRoot={isRoot} isModelOutput />}
      {kind === 'generic' && <IoSection node={node} isRoot={isRoot} />}
      <SpanFacts
        tree={tree}
        index={index}
        selfTimeUs={selfTimeUs}
        criticalUs={criticalUs}
        isTraceRoot={isRoot}
        onSelectSpan={onSelectSpan}
      />
      {otherMetadata.length > 0 && <KeyValueList label="Other metadata" entries={otherMetadata} />}
      {extraData.length > 0 && <KeyValueList label="Extra data" entries={extraData} />}
      {otherFields.length > 0 && <KeyValueList label="Other fields" entries={otherFields} />}
    </div>
  );
}
