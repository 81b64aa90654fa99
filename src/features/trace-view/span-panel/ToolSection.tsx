import { useMemo } from 'react';
import type { TraceNode } from '../../../api/schemas';
import { CopyButton } from '../../../components/CopyButton';
import { Fact } from './Fact';
import { formatJsonValue } from './jsonText';
import { LongText } from './LongText';
import { PayloadBlock } from './PayloadBlock';

export interface ToolSectionProps {
  node: TraceNode;
  /** The tool it ran, by the trace model's rule (`toolNameOf`). */
  toolName: string;
}

/** A tool call: the tool, its parameters as formatted JSON (or as sent when not JSON), the result. */
export function ToolSection({ node, toolName }: ToolSectionProps) {
  const metadata = node.metadata ?? {};
  const parameters = metadata.parameters;
  const formatted = useMemo(
    () => (parameters === undefined ? null : formatJsonValue(parameters)),
    [parameters],
  );
  // The input usually repeats the parameters; show it only when it says something else.
  const showInput = node.input != null && node.input !== parameters;
  return (
    <>
      <section className="span-section" aria-label="Tool call">
        <dl className="facts">
          <Fact label="Tool">{toolName}</Fact>
        </dl>
      </section>
      {formatted && (
        <section className="payload" aria-label="Parameters">
          <div className="payload-header">
            <h3>Parameters</h3>
            {!formatted.isJson && <span className="muted">not JSON, shown as sent</span>}
            <CopyButton text={formatted.text} label="Copy parameters" />
          </div>
          <LongText text={formatted.text} />
        </section>
      )}
      {showInput && <PayloadBlock title="Input" text={node.input!} />}
      {node.output != null && <PayloadBlock title="Result" text={node.output} />}
    </>
  );
}
