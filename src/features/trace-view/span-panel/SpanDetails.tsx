import type { TraceModel } from '../../../domain/trace/traceModel';
import { IoSection } from './IoSection';
import { KeyValueList } from './KeyValueList';
import { LlmSection } from './LlmSection';
import { SpanErrorBlock } from './SpanErrorBlock';
import { SpanFacts } from './SpanFacts';
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

/** The "Details" tab: error first, common facts, the section for the span's type, then the rest. */
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
      <SpanFacts
        tree={tree}
        index={index}
        selfTimeUs={selfTimeUs}
        criticalUs={criticalUs}
        isTraceRoot={isRoot}
        onSelectSpan={onSelectSpan}
      />
      {kind === 'llm' && (
        <LlmSection tree={tree} index={index} isRoot={isRoot} onSelectSpan={onSelectSpan} />
      )}
      {kind === 'tool' && (
        <ToolSection node={node} toolName={tree.toolNameOf(index) ?? node.name} />
      )}
      {kind === 'workflow' && <WorkflowSection node={node} isRoot={isRoot} />}
      {(kind === 'run' || kind === 'generic') && <IoSection node={node} isRoot={isRoot} />}
      {otherMetadata.length > 0 && <KeyValueList label="Other metadata" entries={otherMetadata} />}
      {extraData.length > 0 && <KeyValueList label="Extra data" entries={extraData} />}
      {otherFields.length > 0 && <KeyValueList label="Other fields" entries={otherFields} />}
    </div>
  );
}
