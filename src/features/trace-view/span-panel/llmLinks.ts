import { SpanKind } from '../../../domain/trace/spanKind';
import type { TraceModel } from '../../../domain/trace/traceModel';
import type { ChatMessage, ChatToolCall } from './chatMessages';

/**
 * The model call before span `index` in time anywhere in the trace (the latest LLM span that
 * starts before it; on a tie, the earlier in tree order), or -1. Spans with unparsable times
 * are never "before".
 */
export function previousLlmSpan(tree: TraceModel, index: number): number {
  const start = tree.startUs[index]!;
  let best = -1;
  for (let i = 0; i < tree.count; i++) {
    if (i === index || tree.kind[i] !== SpanKind.Llm) continue;
    const s = tree.startUs[i]!;
    const isBefore = s < start || (s === start && i < index);
    if (isBefore && (best === -1 || s > tree.startUs[best]!)) best = i;
  }
  return best;
}

/** The LLM spans of the same run (same parent) as span `index`, itself left out, in time order. */
export function sameRunLlmSpans(tree: TraceModel, index: number): number[] {
  const parent = tree.parentIndex[index]!;
  const spans: number[] = [];
  for (let i = 0; i < tree.count; i++) {
    if (i !== index && tree.parentIndex[i] === parent && tree.kind[i] === SpanKind.Llm) {
      spans.push(i);
    }
  }
  return spans.sort((a, b) => tree.startUs[a]! - tree.startUs[b]!);
}

export interface ToolSpanLinks {
  /** Tool call → index of the TOOL span that ran it. */
  calls: Map<ChatToolCall, number>;
  /** Tool result message → index of the TOOL span that produced it (through its call's id). */
  results: Map<ChatMessage, number>;
}

/**
 * Links the tool calls of LLM span `index` to the TOOL spans that ran them. Spans carry no call
 * id, so a call is matched by tool name and time among the TOOL spans of the same run (siblings
 * of the LLM span), each TOOL span used once, nearest first:
 * - calls in the **output** were made by this call, so they ran after it: the earliest TOOL span
 *   with that name starting at or after this span's start, calls taken in order;
 * - calls in the **input** were made by earlier calls of the run, so they ran before it: the
 *   latest TOOL span with that name starting before this span, calls taken from the last one
 *   back. Messages from history (earlier runs) have no span in this run and are not linked.
 * A tool result is linked to the span of the call it answers (`tool_call_id`).
 */
export function linkToolCalls(
  tree: TraceModel,
  index: number,
  input: readonly ChatMessage[] | null,
  output: readonly ChatMessage[] | null,
): ToolSpanLinks {
  const links: ToolSpanLinks = { calls: new Map(), results: new Map() };
  const parent = tree.parentIndex[index]!;
  const start = tree.startUs[index]!;
  const before: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < tree.count; i++) {
    if (tree.parentIndex[i] !== parent || tree.kind[i] !== SpanKind.Tool) continue;
    const s = tree.startUs[i]!;
    // Comparisons with NaN (an unparsable time) are false: such spans are never linked.
    if (s < start) before.push(i);
    else if (s >= start) after.push(i);
  }
  before.sort((a, b) => tree.startUs[b]! - tree.startUs[a]!); // latest first
  after.sort((a, b) => tree.startUs[a]! - tree.startUs[b]!); // earliest first

  // A span whose parameters are the call's arguments wins over a nearer one with other
  // parameters: parallel calls of one tool (two `fetch_page`) then land on the right spans.
  const claim = (candidates: number[], call: ChatToolCall): number => {
    const named = candidates.filter((i) => tree.toolNameOf(i) === call.name);
    const chosen =
      named.find((i) => sameJson(tree.nodes[i]!.metadata?.parameters, call.arguments)) ?? named[0];
    if (chosen === undefined) return -1;
    candidates.splice(candidates.indexOf(chosen), 1);
    return chosen;
  };

  const inputCalls = (input ?? []).filter((m) => !m.isFromHistory).flatMap((m) => m.toolCalls);
  for (let c = inputCalls.length - 1; c >= 0; c--) {
    const span = claim(before, inputCalls[c]!);
    if (span !== -1) links.calls.set(inputCalls[c]!, span);
  }
  for (const call of (output ?? []).flatMap((m) => m.toolCalls)) {
    const span = claim(after, call);
    if (span !== -1) links.calls.set(call, span);
  }

  const spanByCallId = new Map<string, number>();
  for (const [call, span] of links.calls)
    if (call.id !== undefined) spanByCallId.set(call.id, span);
  for (const message of [...(input ?? []), ...(output ?? [])]) {
    const span =
      message.toolCallId === undefined ? undefined : spanByCallId.get(message.toolCallId);
    if (span !== undefined) links.results.set(message, span);
  }
  return links;
}

/** Whether a span's `parameters` and a call's arguments are the same JSON (spacing aside). */
function sameJson(parameters: unknown, args: string): boolean {
  if (parameters === undefined || parameters === null) return false;
  const canonical = (value: unknown): string => {
    if (typeof value !== 'string') return JSON.stringify(value);
    try {
      return JSON.stringify(JSON.parse(value));
    } catch {
      return value.trim();
    }
  };
  return canonical(parameters) === canonical(args);
}
