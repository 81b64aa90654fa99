import type { TraceNode } from '../../../api/schemas';
import { SpanKind } from '../../../domain/trace/spanKind';
import type { TraceModel } from '../../../domain/trace/traceModel';

/**
 * Calls that look like an agent repeating itself:
 *
 * - **tool**: one tool called two or more times with identical parameters under the same parent
 *   (the same text: the server writes a call's arguments the same way each time);
 * - **llm-loop**: `MIN_LOOP_CALLS` or more consecutive model calls under one parent where each
 *   call's input is the previous one's plus only tool calls and tool results: the model keeps
 *   calling tools without anything new from the user (an agent going round in circles).
 */
type RepeatKind = 'tool' | 'llm-loop';

interface RepeatedGroup {
  kind: RepeatKind;
  /** Span indexes in tree (= start time) order. */
  spans: number[];
  /** The tool's name, or the model's. */
  label: string;
}

export interface RepeatedCalls {
  groups: RepeatedGroup[];
  /** Per span: 1 + the index of its group in `groups`, or 0. */
  groupOf: Int32Array;
  /** Per span: the size of its group, or 0. */
  groupSize: Int32Array;
  /** 1 for every span in a group. */
  mask: Uint8Array;
  /** Number of spans in a group. */
  spanCount: number;
}

/** A model called this many times in a row with only tool results added is flagged. */
export const MIN_LOOP_CALLS = 4;

/** Detects repeated calls in one go; see `createRepeatedCallsScan` for the resumable form. */
export function detectRepeatedCalls(tree: TraceModel): RepeatedCalls {
  const scan = createRepeatedCallsScan(tree);
  while (!scan.step(tree.count)) {
    // one step does it all
  }
  return scan.result();
}

export interface RepeatedCallsScan {
  /** Looks at up to `spans` more spans; true once every span has been seen. */
  step: (spans: number) => boolean;
  /** The groups, once `step` has returned true. */
  result: () => RepeatedCalls;
}

/**
 * The detector as a scan that can stop and resume, so a page can spread it over several short
 * tasks (100,000 spans take longer than a frame). One pass over the spans, then one to gather
 * the groups; texts are compared, and parsed only where one model input extends the previous.
 */
export function createRepeatedCallsScan(tree: TraceModel): RepeatedCallsScan {
  const { count, nodes, parentIndex, kind } = tree;
  // Tools: the first call per parent, tool and parameters, then its repeats. Nested maps, so
  // each key is a string the server sent (its hash computed once), not a new joined string.
  const firstCall = new Map<number, Map<string, Map<string, number>>>();
  const repeats = new Map<number, number[]>();
  // Model calls: the previous model call under each parent (index `count` for the roots) and
  // where its run of tool-only steps began.
  const lastLlm = new Int32Array(count + 1).fill(-1);
  const runStart = new Int32Array(count).fill(-1);
  const runLength = new Int32Array(count);
  let next = 0;

  const visit = (i: number) => {
    const node = nodes[i]!;
    const parent = parentIndex[i]!;
    if (kind[i] === SpanKind.Tool) {
      const parameters = parametersText(node);
      if (parameters === null) return;
      let byTool = firstCall.get(parent);
      if (!byTool) firstCall.set(parent, (byTool = new Map<string, Map<string, number>>()));
      const name = toolName(tree, i);
      let byParameters = byTool.get(name);
      if (!byParameters) byTool.set(name, (byParameters = new Map<string, number>()));
      const first = byParameters.get(parameters);
      if (first === undefined) byParameters.set(parameters, i);
      else {
        const list = repeats.get(first);
        if (list) list.push(i);
        else repeats.set(first, [first, i]);
      }
    } else if (kind[i] === SpanKind.Llm) {
      const slot = parent < 0 ? count : parent;
      const previous = lastLlm[slot]!;
      lastLlm[slot] = i;
      const isStep = previous >= 0 && addsOnlyToolResults(nodes[previous]!.input, node.input);
      const run = isStep ? runStart[previous]! : i;
      runStart[i] = run;
      runLength[run]! += 1;
    }
  };

  return {
    step: (spans) => {
      const stop = Math.min(count, next + Math.max(1, spans));
      for (; next < stop; next++) visit(next);
      return next >= count;
    },
    result: () => gatherGroups(tree, repeats, runStart, runLength),
  };
}

function gatherGroups(
  tree: TraceModel,
  repeats: Map<number, number[]>,
  runStart: Int32Array,
  runLength: Int32Array,
): RepeatedCalls {
  const { count } = tree;
  const groups: RepeatedGroup[] = [];
  // Groups in the order their first span appears in the tree.
  const loopGroup = new Map<number, RepeatedGroup>();
  for (let i = 0; i < count; i++) {
    const tools = repeats.get(i);
    if (tools) groups.push({ kind: 'tool', spans: tools, label: toolName(tree, i) });
    const run = runStart[i]!;
    if (run < 0 || runLength[run]! < MIN_LOOP_CALLS) continue;
    let group = loopGroup.get(run);
    if (!group) {
      group = { kind: 'llm-loop', spans: [], label: modelName(tree, i) };
      loopGroup.set(run, group);
      groups.push(group);
    }
    group.spans.push(i);
  }
  const groupOf = new Int32Array(count);
  const groupSize = new Int32Array(count);
  const mask = new Uint8Array(count);
  let spanCount = 0;
  groups.forEach((group, g) => {
    for (const span of group.spans) {
      groupOf[span] = g + 1;
      groupSize[span] = group.spans.length;
      mask[span] = 1;
      spanCount++;
    }
  });
  return { groups, groupOf, groupSize, mask, spanCount };
}

function toolName(tree: TraceModel, index: number): string {
  return tree.toolNameOf(index) ?? tree.nodes[index]!.name;
}

function modelName(tree: TraceModel, index: number): string {
  return tree.modelLabelOf(index)?.text ?? tree.nodes[index]!.name;
}

/** The call's arguments as text: `metadata.parameters` (usually a JSON string), else the input. */
function parametersText(node: TraceNode): string | null {
  const parameters = node.metadata?.parameters;
  if (typeof parameters === 'string') return parameters;
  if (parameters !== undefined && parameters !== null) {
    try {
      return JSON.stringify(parameters) ?? null;
    } catch {
      return null; // too deep or cyclic: not worth comparing
    }
  }
  return typeof node.input === 'string' ? node.input : null;
}

/**
 * Whether `next` is `previous` with only tool calls and tool results appended to its list of
 * messages. Both are the JSON text of a message list (`[…]`), or of an object whose last value is
 * one (`{"messages": […]}`): `next` must start with `previous` up to that list's closing bracket
 * and end as it does, and the text between must be messages that only call tools or answer them.
 */
export function addsOnlyToolResults(
  previous: string | null | undefined,
  next: string | null | undefined,
): boolean {
  if (typeof previous !== 'string' || typeof next !== 'string') return false;
  if (next.length <= previous.length) return false;
  const close = previous.lastIndexOf(']');
  if (close < 0) return false;
  const tail = previous.slice(close);
  if (!/^\][\s}]*$/.test(tail)) return false;
  const head = previous.slice(0, close);
  if (!next.startsWith(head) || !next.endsWith(tail)) return false;
  let added = next.slice(head.length, next.length - tail.length).trim();
  // After a non-empty list the new messages follow a comma; after `[` they do not.
  if (/\[\s*$/.test(head)) {
    if (added.startsWith(',')) return false;
  } else {
    if (!added.startsWith(',')) return false;
    added = added.slice(1);
  }
  let messages: unknown;
  try {
    messages = JSON.parse(`[${added}]`);
  } catch {
    return false;
  }
  if (!Array.isArray(messages) || messages.length === 0) return false;
  let results = 0;
  for (const message of messages) {
    const kind = toolMessageKind(message);
    if (kind === null) return false;
    if (kind === 'result') results++;
  }
  return results > 0;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `call` for a model turn that only asks for tools, `result` for a tool's answer, null for
 * anything else (a user's words, a model's answer). Covers the OpenAI, Anthropic and Gemini
 * message shapes.
 */
function toolMessageKind(message: unknown): 'call' | 'result' | null {
  if (!isObject(message) || typeof message.role !== 'string') return null;
  const role = message.role.toLowerCase();
  if (role === 'tool' || role === 'function' || role === 'ipython') return 'result';
  const blocks = Array.isArray(message.content)
    ? message.content
    : Array.isArray(message.parts)
      ? message.parts
      : null;
  const blockTypes = blocks?.map((block) => (isObject(block) ? blockKind(block) : 'other')) ?? [];
  if (role === 'assistant' || role === 'model') {
    const asksTools =
      (Array.isArray(message.tool_calls) && message.tool_calls.length > 0) ||
      isObject(message.function_call) ||
      blockTypes.includes('call');
    return asksTools && !blockTypes.includes('result') ? 'call' : null;
  }
  if (role === 'user' && blockTypes.length > 0 && blockTypes.every((t) => t === 'result')) {
    return 'result';
  }
  return null;
}

function blockKind(block: JsonObject): 'call' | 'result' | 'other' {
  if (block.type === 'tool_use' || isObject(block.functionCall)) return 'call';
  if (block.type === 'tool_result' || isObject(block.functionResponse)) return 'result';
  return 'other';
}
