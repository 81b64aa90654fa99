import { useMemo } from 'react';
import type { TraceNode } from '../../../api/schemas';
import { formatJsonValue } from './jsonText';
import { PayloadBlock } from './PayloadBlock';

export interface ToolSectionProps {
  node: TraceNode;
}

/**
 * A tool call: its parameters and its result, each as a JSON tree when they are JSON (with the
 * text a toggle away), as sent otherwise. The tool's name is in the summary above.
 */
export function ToolSection({ node }: ToolSectionProps) {
  const parameters = node.metadata?.parameters;
  const formatted = useMemo(
    () => (parameters === undefined ? null : formatJsonValue(parameters)),
    [parameters],
  );
  // The input usually repeats the parameters; show it only when it says something else.
  const showInput = node.input != null && node.input !== parameters;
  return (
    <>
      {formatted && (
        <PayloadBlock
          title="Parameters"
          text={formatted.text}
          messages={null}
          note={formatted.isJson ? undefined : 'not JSON, shown as sent'}
        />
      )}
      {showInput && <PayloadBlock title="Input" text={node.input!} />}
      {node.output != null && <PayloadBlock title="Result" text={node.output} messages={null} />}
    </>
  );
}
