import { useId, useMemo } from 'react';
import type { TraceModel } from '../../../domain/trace/traceModel';
import { formatDuration } from '../../../lib/time';
import type { ChatLinks } from './chatLinks';
import { parsePayloadMessages, systemPromptText } from './chatMessages';
import { linkToolCalls, previousLlmSpan } from './llmLinks';
import { MissingLlmNote } from './MissingLlmNote';
import { missingLlmAttributes } from './missingLlmAttributes';
import { PayloadBlock } from './PayloadBlock';

export interface LlmSectionProps {
  tree: TraceModel;
  index: number;
  /** A root span: its input and output are the trace's, which the server puts on the trace. */
  isRoot: boolean;
  /** Selects another span; links to tool spans and the previous model call are left out when absent. */
  onSelectSpan?: (index: number) => void;
}

/**
 * An LLM call: what was not recorded, then the prompt and the reply (as chat messages when they
 * are, linked to the tool spans and the previous model call; a reply that is plain text is the
 * model's, shown as Markdown when on). Model and tokens are in the summary above.
 */
export function LlmSection({ tree, index, isRoot, onSelectSpan }: LlmSectionProps) {
  const node = tree.nodes[index]!;

  const input = useMemo(() => parsePayloadMessages(node.input), [node.input]);
  const output = useMemo(() => parsePayloadMessages(node.output), [node.output]);
  const missing = useMemo(() => missingLlmAttributes(tree, index, isRoot), [tree, index, isRoot]);
  const links = useMemo((): ChatLinks | undefined => {
    if (!onSelectSpan) return undefined;
    const spanLabel = (i: number) =>
      `${tree.nodes[i]!.name} at +${formatDuration(tree.offsetUs(i))}`;
    return {
      onSelectSpan,
      spanLabel,
      toolSpans: linkToolCalls(tree, index, input, output),
      sameSystemPromptAs: samePromptAsPrevious(tree, index, input),
    };
  }, [tree, index, onSelectSpan, input, output]);
  const outputId = useId();
  // A tool loop's prompt is long: the reply, what the reader usually wants, is one click away.
  const jumpToReply =
    node.output != null && input !== null && input.length > 2 ? (
      <button
        type="button"
        className="link-button"
        onClick={() => {
          const reply = document.getElementById(outputId);
          reply?.scrollIntoView({ block: 'start' });
          reply?.focus({ preventScroll: true });
        }}
      >
        Go to the reply ↓
      </button>
    ) : null;

  return (
    <>
      {missing && <MissingLlmNote missing={missing} />}
      {node.input != null && (
        <PayloadBlock
          title="Input"
          text={node.input}
          messages={input}
          links={links}
          headerAction={jumpToReply}
        />
      )}
      {node.output != null && (
        <PayloadBlock
          id={outputId}
          title="Output"
          text={node.output}
          messages={output}
          links={links}
          isModelText
        />
      )}
      {isRoot && node.input == null && node.output == null && (
        <p className="muted span-note">
          A root span keeps no input or output of its own: the trace&apos;s are in the trace header.
        </p>
      )}
    </>
  );
}

/** The previous model call (in time), when its system prompt is this one's; else undefined. */
function samePromptAsPrevious(
  tree: TraceModel,
  index: number,
  input: ReturnType<typeof parsePayloadMessages>,
): number | undefined {
  const prompt = input && systemPromptText(input);
  if (prompt == null) return undefined;
  const previous = previousLlmSpan(tree, index);
  if (previous === -1) return undefined;
  const previousInput = parsePayloadMessages(tree.nodes[previous]!.input);
  return previousInput && systemPromptText(previousInput) === prompt ? previous : undefined;
}
