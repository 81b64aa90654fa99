import type { TraceModel } from '../../../domain/trace/traceModel';
import { parsePayloadMessages } from './chatMessages';
import { sameRunLlmSpans } from './llmLinks';

/**
 * From this many messages on, a model call is judged long enough to have hit OpenTelemetry's
 * 128-attribute limit: openinference writes every message as several attributes (role, content,
 * and id, name and arguments per tool call) next to the span's own, so a conversation of a few
 * dozen messages reaches the limit, and the SDK silently drops what comes after it (measured on
 * agno 2.9.0: `input` and `metadata.model` missing on 30 of 31 model calls of a long tool loop).
 */
const MANY_MESSAGES = 20;

export type MissingLlmField = 'input' | 'model' | 'output' | 'token counts';

export interface MissingLlmAttributes {
  missing: MissingLlmField[];
  /**
   * Why, as far as the trace tells: `attribute-limit` when the conversation is long (see
   * `MANY_MESSAGES`); `failed-call` when the reply is missing but the request is there (agno
   * records a provider error as the run's output, leaving the model span without a reply or
   * tokens); null when the trace gives no hint.
   */
  likelyCause: 'attribute-limit' | 'failed-call' | null;
  /** The message count the cause was judged on, when one was known. */
  messageCount: number | null;
}

function hasValue(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

function messageCount(text: string | null | undefined): number {
  if (text == null) return 0;
  return parsePayloadMessages(text)?.length ?? 0;
}

/**
 * Which of the attributes a model call normally has are missing on LLM span `index`, and the
 * likely cause. The span's conversation length is the largest of: its own input or output
 * message count, and the input message count of the nearest model call of the same run that
 * kept its input (a run's conversation only grows, so a neighbour's length is a fair estimate).
 * Null when nothing is missing. `isRoot`: the span is the trace's root, whose input and output
 * the server puts on the trace instead.
 */
export function missingLlmAttributes(
  tree: TraceModel,
  index: number,
  isRoot = false,
): MissingLlmAttributes | null {
  const node = tree.nodes[index]!;
  const missing: MissingLlmField[] = [];
  // The server moves a root span's input and output to the trace: not missing.
  if (!isRoot && !hasValue(node.input)) missing.push('input');
  // A label from the span's name is the model class, not the model id the span lost.
  const model = tree.modelLabelOf(index);
  if (model === null || model.isFromSpanName) missing.push('model');
  if (!isRoot && !hasValue(node.output)) missing.push('output');
  if (Number.isNaN(tree.totalTokens[index]!)) missing.push('token counts');
  if (missing.length === 0) return null;

  let count = Math.max(messageCount(node.input), messageCount(node.output));
  const neighbour = nearestWithInput(tree, index);
  if (neighbour !== -1) count = Math.max(count, messageCount(tree.nodes[neighbour]!.input));

  const lostRequestSide = missing.includes('input') || missing.includes('model');
  const likelyCause =
    count >= MANY_MESSAGES
      ? 'attribute-limit'
      : missing.includes('output') && !lostRequestSide
        ? 'failed-call'
        : null;
  return { missing, likelyCause, messageCount: count > 0 ? count : null };
}

/** The model call of the same run nearest in time to span `index` that has an input, or -1. */
function nearestWithInput(tree: TraceModel, index: number): number {
  const start = tree.startUs[index]!;
  let best = -1;
  for (const i of sameRunLlmSpans(tree, index)) {
    if (!hasValue(tree.nodes[i]!.input)) continue;
    if (best === -1 || Math.abs(tree.startUs[i]! - start) < Math.abs(tree.startUs[best]! - start)) {
      best = i;
    }
  }
  return best;
}
