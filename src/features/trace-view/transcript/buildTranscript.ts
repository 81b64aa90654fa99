import { readingManyTexts } from '../../../api/lazyText';
import { SpanKind } from '../../../domain/trace/spanKind';
import type { TraceModel } from '../../../domain/trace/traceModel';
import {
  parsePayloadMessages,
  type ChatMessage,
  type ChatToolCall,
} from '../span-panel/chatMessages';

/** One entry of a run read as a conversation; `index` is the span it comes from. */
export type TranscriptEntry =
  /** An agent's, team's or workflow step's run: a card holding the entries up to `end`. */
  | { kind: 'run'; index: number; depth: number; end: number }
  /** What the run was asked: the user's input, or the task a team leader gave a member. */
  | { kind: 'input'; index: number; depth: number; text: string; isTask: boolean }
  /** A message the model was sent for the first time in this run (a new user turn). */
  | { kind: 'message'; index: number; depth: number; role: string; text: string }
  /** A model's reply: its text and the tools it asked for. */
  | {
      kind: 'reply';
      index: number;
      depth: number;
      model: string | null;
      text: string;
      toolCalls: ChatToolCall[];
    }
  /** A tool call, with its arguments and its result (or error). */
  | {
      kind: 'tool';
      index: number;
      depth: number;
      name: string;
      args: string | null;
      result: string | null;
    }
  /** What a run answered, when no model reply in it said so (a step run by a function). */
  | { kind: 'output'; index: number; depth: number; text: string }
  /** A failing span that has no entry of its own (its error is said inline). */
  | { kind: 'error'; index: number; depth: number };

export interface Transcript {
  entries: TranscriptEntry[];
  /** Per span, the first entry that comes from it or, failing that, from its nearest ancestor. */
  entryOf: Int32Array;
}

type TranscriptSource = Pick<
  TraceModel,
  | 'count'
  | 'nodes'
  | 'kind'
  | 'parentIndex'
  | 'subtreeSize'
  | 'childCount'
  | 'isError'
  | 'modelLabelOf'
  | 'toolNameOf'
>;

interface OpenRun {
  card: TranscriptEntry & { kind: 'run' };
  /** Where its subtree ends (tree order). */
  endIndex: number;
  /** Texts already shown in this run: its input, user turns, replies. */
  shown: Set<string>;
  hasReply: boolean;
}

/**
 * A trace read top to bottom as a conversation: each run's input, the model's replies, the tool
 * calls with their arguments and results, member runs and workflow steps as nested cards, in the
 * tree's (start time) order. Each model call resends the conversation so far; only the messages
 * a run has not shown yet are kept (user turns), so the conversation reads once.
 * `traceInput` is the trace's own input, which the server keeps on the trace, not its root span.
 * One pass in tree order with a stack of open runs: no recursion, whatever the depth.
 */
export function buildTranscript(tree: TranscriptSource, traceInput: string | null): Transcript {
  // Reads most spans' texts: the kept ones are decoded a batch at a time.
  return readingManyTexts(() => transcriptOf(tree, traceInput));
}

function transcriptOf(tree: TranscriptSource, traceInput: string | null): Transcript {
  const entries: TranscriptEntry[] = [];
  const runs: OpenRun[] = [];

  const closeRun = () => {
    const run = runs.pop()!;
    const { index, depth } = run.card;
    const node = tree.nodes[index]!;
    const output = nonEmpty(node.output);
    if (!run.hasReply && output !== null) {
      entries.push({ kind: 'output', index, depth: depth + 1, text: output });
    }
    const isEmpty = entries.at(-1) === run.card;
    if (tree.isError[index] === 1 && isEmpty)
      entries.push({ kind: 'error', index, depth: depth + 1 });
    run.card.end = entries.length;
  };

  const openRun = (index: number) => {
    const depth = runs.length;
    const card: TranscriptEntry & { kind: 'run' } = { kind: 'run', index, depth, end: 0 };
    entries.push(card);
    const run: OpenRun = {
      card,
      endIndex: index + tree.subtreeSize[index]!,
      shown: new Set(),
      hasReply: false,
    };
    const parent = tree.parentIndex[index]!;
    const isRoot = parent < 0;
    const input = nonEmpty(tree.nodes[index]!.input) ?? (isRoot ? nonEmpty(traceInput) : null);
    if (input !== null) {
      // A member's input is the task its leader gave it; a workflow step's is the step's input.
      const isTask = !isRoot && tree.kind[parent] !== SpanKind.Workflow;
      entries.push({ kind: 'input', index, depth: depth + 1, text: input, isTask });
      run.shown.add(input.trim());
    }
    runs.push(run);
  };

  const addModelCall = (index: number, depth: number, run: OpenRun | undefined) => {
    const node = tree.nodes[index]!;
    const shown = run?.shown ?? new Set<string>();
    for (const message of parsePayloadMessages(node.input) ?? []) {
      // System prompts set the scene, tool results are the tool spans', and assistant messages
      // are the replies already shown: a new user turn is what is news.
      if (message.role !== 'user' || message.isFromHistory) continue;
      const text = messageText(message);
      if (text === '' || shown.has(text.trim())) continue;
      shown.add(text.trim());
      entries.push({ kind: 'message', index, depth, role: message.role, text });
    }
    const model = tree.modelLabelOf(index)?.text ?? null;
    const replies = parsePayloadMessages(node.output);
    let replied = false;
    if (replies) {
      for (const reply of replies) {
        if (reply.role !== 'assistant' && reply.role !== 'model') continue;
        const text = messageText(reply);
        shown.add(text.trim());
        entries.push({ kind: 'reply', index, depth, model, text, toolCalls: reply.toolCalls });
        replied = true;
      }
    } else if (nonEmpty(node.output) !== null) {
      entries.push({ kind: 'reply', index, depth, model, text: node.output!, toolCalls: [] });
      replied = true;
    }
    if (!replied && tree.isError[index] === 1) entries.push({ kind: 'error', index, depth });
    if (replied && run) run.hasReply = true;
  };

  const addToolCall = (index: number, depth: number) => {
    const node = tree.nodes[index]!;
    const parameters = node.metadata?.parameters;
    const args =
      typeof parameters === 'string'
        ? parameters
        : parameters != null
          ? JSON.stringify(parameters)
          : nonEmpty(node.input);
    entries.push({
      kind: 'tool',
      index,
      depth,
      name: tree.toolNameOf(index) ?? node.name,
      args,
      result: nonEmpty(node.output),
    });
  };

  for (let i = 0; i < tree.count; i++) {
    while (runs.length > 0 && i >= runs.at(-1)!.endIndex) closeRun();
    const kind = tree.kind[i];
    const depth = runs.length;
    if (kind === SpanKind.Llm) addModelCall(i, depth, runs.at(-1));
    else if (kind === SpanKind.Tool) addToolCall(i, depth);
    else if (kind !== SpanKind.Other || tree.childCount[i]! > 0 || tree.parentIndex[i]! < 0) {
      openRun(i);
    } else if (tree.isError[i] === 1) entries.push({ kind: 'error', index: i, depth });
  }
  while (runs.length > 0) closeRun();

  const entryOf = new Int32Array(tree.count).fill(-1);
  for (let e = entries.length - 1; e >= 0; e--) entryOf[entries[e]!.index] = e;
  // Spans without an entry (a plain span inside a run) point at their nearest ancestor's.
  for (let i = 0; i < tree.count; i++) {
    if (entryOf[i] !== -1) continue;
    const parent = tree.parentIndex[i]!;
    // Tree order puts a parent before its children, so its entry is known by now.
    entryOf[i] = parent >= 0 ? entryOf[parent]! : -1;
  }
  return { entries, entryOf };
}

function nonEmpty(text: string | null | undefined): string | null {
  return text != null && text.trim() !== '' ? text : null;
}

/** A message's text parts, one after another. */
function messageText(message: ChatMessage): string {
  return message.parts
    .map((part) => (part.kind === 'text' || part.kind === 'tool_result' ? part.text : ''))
    .filter((text) => text !== '')
    .join('\n\n');
}
