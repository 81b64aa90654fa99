import type { TraceNode } from '../../../api/schemas';
import { PayloadBlock } from './PayloadBlock';

export interface IoSectionProps {
  node: TraceNode;
  /** A root span: its input and output are the trace's, which the server puts on the trace. */
  isRoot: boolean;
  outputTitle?: string;
  /** The output is a model's text (an agent's or team's answer): Markdown when on. */
  isModelOutput?: boolean;
}

/** A span's input and output, the section of AGENT and TEAM runs and of span kinds with no other. */
export function IoSection({
  node,
  isRoot,
  outputTitle = 'Output',
  isModelOutput = false,
}: IoSectionProps) {
  const hasInput = node.input != null;
  const hasOutput = node.output != null;
  if (!hasInput && !hasOutput) {
    return (
      <p className="muted span-note">
        {isRoot
          ? "A root span keeps no input or output of its own: the trace's are in the trace header."
          : 'No input or output was recorded for this span.'}
      </p>
    );
  }
  return (
    <>
      {hasInput && <PayloadBlock title="Input" text={node.input!} />}
      {hasOutput && (
        <PayloadBlock title={outputTitle} text={node.output!} isModelText={isModelOutput} />
      )}
    </>
  );
}
