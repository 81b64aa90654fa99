import type { TraceDetail, TraceNode } from '../api/schemas';
import {
  AGENTS,
  COMPANIES,
  FATAL_MODEL_ERRORS,
  PROVIDER_ERRORS,
  TEAMS,
  WORKFLOWS,
  agentById,
  fill,
  makeLongText,
  makeVars,
  mustGet,
  teamById,
  teamInstructions,
  workflowById,
} from './catalog';
import type {
  AgentProfile,
  ModelProfile,
  RunStep,
  TeamProfile,
  ToolContext,
  ToolProfile,
  Vars,
  WorkflowProfile,
  WorkflowStep,
} from './catalog';
import { createRandom } from './random';
import type { Random } from './random';
import { formatTraceDuration, formatWireDuration, formatWireTime, pyJson } from './wireFormat';
import type { ZoneSuffix } from './wireFormat';

/*
 * A seeded generator of AgentOS traces in the shapes agno 2.9.0 sends
 * (src/mocks/recorded/real-agentos/, ../shared/agentos-api.md "Measured on the real server"):
 * agno message dicts in LLM inputs that grow along the run, `.arun`/`.ainvoke` names for runs
 * started through AgentOS and `.run`/`.invoke` for direct ones, models named by class, WORKFLOW
 * step spans with positional `step_type`, team members as siblings of the delegating TOOL span,
 * float duration text, `…Z` timestamps, traces OK with failing spans, model errors that leave
 * every span OK, and the biggest model calls without `input` and `model` (128-attribute limit).
 *
 * Everything is iterative (an explicit work stack, index order for bottom-up passes) because
 * traces go up to hundreds of thousands of spans and chains up to 10,000 levels deep.
 */

export { formatWireDuration, formatWireTime, makeLongText };
export { AGENTS, TEAMS, WORKFLOWS };

export type TraceKind = 'agent' | 'team' | 'workflow';
/** `os`: started through AgentOS's HTTP routes (`.arun`, `.ainvoke`); `direct`: `.run` in code. */
export type EntryPoint = 'os' | 'direct';
/**
 * `error`: a span fails and every ancestor up to the root is ERROR. `recovered`: a tool fails and
 * the agent carries on, so the trace is OK with `error_count > 0`. `model-error`: the provider
 * refuses the last model call; every span stays OK and the run's output is the provider's text.
 */
export type Outcome = 'ok' | 'error' | 'recovered' | 'model-error';

export interface GenerateTraceOptions {
  seed: number;
  kind?: TraceKind;
  /** Nodes in `tree` (orphan roots included). Default: a realistic 3–80. Max 1,000,000. */
  spanCount?: number;
  /** Start of the root span, epoch milliseconds. */
  startMs: number;
  traceId?: string;
  /** Shortcut for `outcome: 'error'` (true) or `'ok'` (false). */
  error?: boolean;
  /** Default: mostly ok, 10% error, 10% recovered, 4% model-error. */
  outcome?: Outcome;
  /** Default: 60% `os`. */
  entry?: EntryPoint;
  /** Streamed model calls (`ainvoke_stream`): their output is `{"messages": [...]}`. */
  stream?: boolean;
  /** Root status UNSET (neither OK nor ERROR): never seen on agno 2.9.0, kept for odd data. */
  unset?: boolean;
  agentId?: string;
  teamId?: string;
  workflowId?: string;
  runId?: string;
  /** `null` leaves the field out. */
  sessionId?: string | null;
  userId?: string | null;
  /** Spans counted in `total_spans` but missing from the tree. Default: rarely 1–2 on small traces. */
  droppedSpans?: number;
  /** Extra roots whose parent was never exported. Default: 5% of traces get one. */
  orphanRoots?: number;
  /** Put one payload of this many bytes (e.g. several MB) on a span. */
  largePayloadBytes?: number;
  /**
   * Every span's input (where it has one) also carries a document of this many characters:
   * retrieved context, as a system message before a model call's conversation, a `document`
   * argument of a tool call, a paragraph after a run's or step's task. The long inputs of a
   * 1 GB trace; the document's text is shared, so the generator's own memory stays small.
   */
  inputDocumentBytes?: number;
  zone?: ZoneSuffix;
}

type SpanStatus = 'OK' | 'ERROR' | 'UNSET';
type Role = 'agent' | 'team' | 'workflow' | 'step' | 'parallel' | 'leaf';

interface Draft {
  parent: number;
  type: string;
  name: string;
  role: Role;
  /** Nodes in this subtree, itself included: what the expansion must produce exactly. */
  budget: number;
  stepType?: string;
  agent?: AgentProfile;
  team?: TeamProfile;
  step?: RunStep;
  parallelSteps?: RunStep[];
  vars?: Vars;
  task?: string;
  answer?: string;
  /** On the path to the span that fails the run. */
  failing: boolean;
  /** Starts together with the previous sibling (parallel tool calls and steps). */
  parallel: boolean;
  /** A delegation TOOL span: the index of the member run (its next sibling) it covers in time. */
  covers?: number;
  durUs: number;
  relUs: number;
  startUs: number;
  status: SpanStatus;
  input?: string;
  output?: string;
  /** This span's own error (a tool that failed while the run carried on, a step's exception). */
  error?: string;
  metadata?: Record<string, unknown>;
  children: number[];
}

interface Builder {
  r: Random;
  vars: Vars;
  drafts: Draft[];
  stack: number[];
  sessionId?: string;
  userId?: string;
  entry: EntryPoint;
  stream: boolean;
  outcome: Outcome;
  /** Tool failures the agents still recover from in this trace. */
  recoverable: number;
  /** The provider's error text when `outcome` is `model-error` and the call was made. */
  modelErrorText?: string;
  /** Epoch seconds for agno's `created_at` on messages. */
  clockSec: number;
  longOutputs: { left: number };
  /** Delegations made so far, by the index of the delegating run. */
  delegations: Map<number, number>;
  /** `inputDocumentBytes`' document. */
  inputDocument?: InputDocument;
}

const MAX_SPANS = 1_000_000;
const USERS_FALLBACK = ['ana@example.com', 'li.wei@example.com', 'sam@example.org'];
/**
 * OpenTelemetry keeps at most 128 attributes per span, and openinference writes a few per message
 * (role, content, each tool call's id, name and arguments): the biggest model calls lose the
 * attributes written last, `input.value` and `llm.model_name` among them.
 */
const ATTRIBUTE_LIMIT = 128;
const BASE_LLM_ATTRIBUTES = 20;
/** Tool results go into the next prompt; long pages are cut there to keep traces a sane size. */
const TOOL_RESULT_IN_PROMPT = 400;

/** "Stock Price Agent" → "Stock_Price_Agent.arun" or ".run", as Agno names its run spans. */
function runSpanName(name: string, entry: EntryPoint = 'direct'): string {
  return `${name.replace(/ /g, '_')}.${entry === 'os' ? 'arun' : 'run'}`;
}

function modelSpanName(b: Builder, model: ModelProfile): string {
  return `${model.provider}.${b.entry === 'os' ? 'ainvoke' : 'invoke'}${b.stream ? '_stream' : ''}`;
}

function stepSpanName(b: Builder, step: string): string {
  return `${step}.${b.entry === 'os' ? 'aexecute' : 'execute'}`;
}

function toolCallId(r: Random, model: ModelProfile, round: number, k: number): string {
  if (model.provider === 'AwsBedrock') return `tooluse_${round}_${k}_${r.id(8)}`;
  if (model.provider === 'Claude') return `toolu_01${r.id(22)}`;
  return `call_${r.id(24)}`;
}

function newDraft(
  b: Builder,
  parent: number,
  fields: Partial<Draft> & Pick<Draft, 'type' | 'name' | 'role' | 'budget'>,
): number {
  const index = b.drafts.length;
  b.drafts.push({
    parent,
    failing: false,
    parallel: false,
    durUs: 0,
    relUs: 0,
    startUs: 0,
    status: 'OK',
    children: [],
    ...fields,
  });
  if (parent >= 0) b.drafts[parent]?.children.push(index);
  if (fields.role !== 'leaf' && fields.budget > 1) b.stack.push(index);
  return index;
}

function draftAt(b: Builder, index: number): Draft {
  const d = b.drafts[index];
  if (d === undefined) throw new Error(`No draft ${index}`);
  return d;
}

/** Split `total` into chunks of `min`..`max` (the last one may run over `max` a little). */
function chunks(r: Random, total: number, min: number, max: number): number[] {
  const out: number[] = [];
  let left = total;
  while (left > 0) {
    if (left <= max) {
      const last = out.length - 1;
      if (left >= min || last < 0) out.push(left);
      else out[last] = (out[last] ?? 0) + left;
      break;
    }
    const size = r.int(min, max);
    out.push(size);
    left -= size;
  }
  return out;
}

/** `total` split over `weights`, each part at least `min` (callers guarantee total ≥ n·min). */
function splitByWeights(total: number, weights: number[], min: number): number[] {
  let rest = total - min * weights.length;
  const sum = weights.reduce((a, w) => a + w, 0) || 1;
  const parts = weights.map((w) => min + Math.floor((rest * w) / sum));
  rest = total - parts.reduce((a, p) => a + p, 0);
  let heaviest = 0;
  weights.forEach((w, i) => {
    if (w > (weights[heaviest] ?? 0)) heaviest = i;
  });
  parts[heaviest] = (parts[heaviest] ?? 0) + rest;
  return parts;
}

function leafDurationUs(r: Random, type: string, fast = false): number {
  if (type === 'LLM')
    return r.chance(0.1) ? r.int(3_000_000, 9_000_000) : r.int(350_000, 2_400_000);
  if (type === 'TOOL') {
    if (fast || r.chance(0.1)) return r.int(15, 950); // sub-millisecond: "0ms"
    return r.chance(0.08) ? r.int(1_000_000, 4_000_000) : r.int(20_000, 900_000);
  }
  return r.int(2_000, 60_000); // a function step
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}...`;
}

// ---------------------------------------------------------------------------------------------
// Agno's message dicts, as the JSON text that goes into an LLM span's input.

function messageText(
  b: Builder,
  role: string,
  content: string | undefined,
  extra: Record<string, unknown> = {},
): string {
  return pyJson({
    id: b.r.uuid(),
    content,
    from_history: false,
    stop_after_tool_call: extra.stop_after_tool_call ?? false,
    role,
    ...extra,
    created_at: b.clockSec,
  });
}

interface ToolCall {
  id: string;
  name: string;
  argsJson: string;
  args: Record<string, unknown>;
}

function toolCallsJson(calls: ToolCall[]): string {
  return `[${calls
    .map(
      (c) =>
        `{"id": ${JSON.stringify(c.id)}, "type": "function", "function": {"name": ${JSON.stringify(c.name)}, "arguments": ${JSON.stringify(c.argsJson)}}}`,
    )
    .join(', ')}]`;
}

/** A model reply as the LLM span's output: a list, or `{"messages": …}` when streamed. */
function replyOutput(b: Builder, message: string): string {
  return b.stream ? `{"messages": [${message}]}` : `[${message}]`;
}

/** One run's conversation: the messages so far and what they cost in span attributes. */
interface Conversation {
  messages: string[];
  attributes: number;
  chars: number;
  /** Past the attribute limit: later inputs are dropped, so their text is not built any more. */
  overLimit: boolean;
}

/**
 * Adds a message built by `text` (not built at all past the limit, where long loops of
 * 100k-span traces spend their time), or counts `approxChars` for the token estimate.
 */
function addMessage(
  conv: Conversation,
  attributes: number,
  approxChars: number,
  text: () => string,
): void {
  conv.attributes += attributes;
  if (conv.attributes > ATTRIBUTE_LIMIT) conv.overLimit = true;
  if (conv.overLimit) {
    conv.chars += approxChars + 200;
    return;
  }
  const built = text();
  conv.chars += built.length + 2;
  conv.messages.push(built);
}

function addLlm(b: Builder, parent: number, model: ModelProfile, conv: Conversation): number {
  const r = b.r;
  const lost = conv.overLimit;
  const metadata: Record<string, unknown> = lost ? {} : { model: model.id };
  metadata.input_tokens = Math.round(conv.chars / 4) + r.int(5, 40);
  return newDraft(b, parent, {
    type: 'LLM',
    name: modelSpanName(b, model),
    role: 'leaf',
    budget: 1,
    durUs: leafDurationUs(r, 'LLM'),
    ...(lost ? {} : { input: `{"messages": [${conv.messages.join(', ')}]}` }),
    metadata,
  });
}

interface InputDocument {
  text: string;
  /** `text` as a JSON string, escaped once. */
  json: string;
}

/**
 * `input` with the shared document added, in the input's own shape: a system message before a
 * model call's conversation, a `document` argument of a tool call, a paragraph after a task.
 * Joined by concatenation, so the document itself is never copied.
 */
function withDocument(b: Builder, input: string, document: InputDocument): string {
  const messages = '{"messages": [';
  if (input.startsWith(messages)) {
    const empty = messageText(b, 'system', '');
    const at = empty.indexOf('"content": ""') + '"content": '.length;
    const message = empty.slice(0, at) + document.json + empty.slice(at + 2);
    const rest = input.slice(messages.length);
    return messages + message + (rest.startsWith(']') ? '' : ', ') + rest;
  }
  if (input.startsWith('{')) {
    const rest = input.slice(1).trimStart();
    return `{"document": ${document.json}${rest.startsWith('}') ? '' : ', '}${rest}`;
  }
  return `${input}\n\n${document.text}`;
}

function setLlmOutput(b: Builder, index: number, output: string, contentChars: number): void {
  const d = draftAt(b, index);
  d.output = output;
  if (d.metadata)
    d.metadata.output_tokens = Math.max(1, Math.round(contentChars / 4) + b.r.int(3, 30));
}

function metricsOf(d: Draft): Record<string, unknown> {
  const input = Number(d.metadata?.input_tokens ?? 0);
  const output = Number(d.metadata?.output_tokens ?? 0);
  const seconds = d.durUs / 1_000_000;
  return {
    input_tokens: input,
    output_tokens: output,
    total_tokens: input + output,
    duration: seconds,
    time_to_first_token: seconds * 0.4,
  };
}

type CallSlot = 'tool' | 'delegate';

/**
 * Tools in the catalog's order (look up, then act, then report), round after round, skipping a
 * tool that has no new arguments left, so a run repeats a call only when it has no choice.
 */
function pickTool(tools: ToolProfile[], callsOf: Map<string, number>, turn: number): ToolProfile {
  for (let k = 0; k < tools.length; k++) {
    const tool = tools[(turn + k) % tools.length] as ToolProfile;
    if ((callsOf.get(tool.name) ?? 0) < (tool.variants ?? Number.POSITIVE_INFINITY)) return tool;
  }
  return tools[turn % tools.length] as ToolProfile;
}
/** Stands in for the tool calls' JSON, spliced in as text rather than parsed and re-encoded. */
const TOOL_CALLS_PLACEHOLDER = '__tool_calls__';

/**
 * The loop every agent and team leader runs: model call → tool calls (in parallel) → model call…
 * → the answer. Produces exactly `flat` model/tool spans plus one delegation per `delegations`
 * budget (the TOOL span and the member's run beside it).
 */
function runModelLoop(b: Builder, parent: number, flat: number, delegations: number[]): void {
  const r = b.r;
  const owner = draftAt(b, parent);
  const profile = owner.agent ?? owner.team;
  if (!profile) throw new Error('runModelLoop needs an agent or team');
  const vars = owner.vars ?? b.vars;
  const model = profile.model;
  const tools = profile.tools;
  const D = delegations.length;

  // R rounds of calls, each with at least one call, then the answer. Too small a budget for a
  // round and an answer ends on the tool call (Agno's stop_after_tool_call).
  const roundsMax = Math.min(flat - 1, Math.floor((flat - 1 + D) / 2));
  const callsPerRound = flat + D > 60 ? r.float(2, 4) : r.float(1.2, 2.4);
  let rounds = Math.round((flat - 1 + D) / (callsPerRound + 1));
  rounds = Math.max(D > 0 || flat >= 3 ? 1 : 0, Math.min(roundsMax, rounds));
  const hasAnswer = !(rounds === 0 && flat > 1);
  const toolLeaves = hasAnswer ? flat - rounds - 1 : flat - 1;
  const callCount = toolLeaves + D;
  const batches =
    rounds > 0 ? Array.from({ length: rounds }, () => 1) : callCount > 0 ? [callCount] : [];
  for (let extra = callCount - rounds; rounds > 0 && extra > 0; extra--) {
    const k = r.int(0, rounds - 1);
    batches[k] = (batches[k] ?? 0) + 1;
  }
  const slots: CallSlot[] = [];
  for (let i = 0; i < toolLeaves; i++) slots.push('tool');
  for (let i = 0; i < D; i++) slots.push('delegate');
  for (let i = slots.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [slots[i], slots[j]] = [slots[j] as CallSlot, slots[i] as CallSlot];
  }

  const instructions = owner.agent
    ? owner.agent.instructions
    : teamInstructions(profile as TeamProfile);
  const conv: Conversation = {
    messages: [],
    attributes: BASE_LLM_ATTRIBUTES,
    chars: 0,
    overLimit: false,
  };
  addMessage(conv, 2, 0, () => messageText(b, 'system', instructions));
  addMessage(conv, 2, 0, () => messageText(b, 'user', owner.task ?? ''));

  const callsOf = new Map<string, number>();
  let slot = 0;
  let nextTool = 0;
  let pendingDelegation = 0;
  let lastLeaf = -1;
  for (let round = 0; round < batches.length; round++) {
    const llm = addLlm(b, parent, model, conv);
    const size = batches[round] ?? 0;
    const calls: ToolCall[] = [];
    const results: { call: ToolCall; content: string; failed: boolean; stop: boolean }[] = [];
    for (let k = 0; k < size; k++) {
      const kind = slots[slot++] ?? 'tool';
      const id = toolCallId(r, model, round, k);
      if (kind === 'delegate' || tools.length === 0) {
        const call = addDelegation(b, parent, delegations[pendingDelegation++] ?? 1, k > 0, id);
        calls.push(call);
        results.push({ call, content: call.result, failed: false, stop: false });
        lastLeaf = -1;
        continue;
      }
      const tool = pickTool(tools, callsOf, nextTool++);
      const n = callsOf.get(tool.name) ?? 0;
      callsOf.set(tool.name, n + 1);
      const context: ToolContext = { r, vars, call: n, longOutputs: b.longOutputs };
      const args = tool.args(context);
      const argsJson = pyJson(args);
      const isLastLeaf = !hasAnswer && slot === slots.length;
      const fails =
        b.recoverable > 0 && tool.failure !== undefined && !isLastLeaf && !owner.failing;
      const index = newDraft(b, parent, {
        type: 'TOOL',
        name: tool.name,
        role: 'leaf',
        budget: 1,
        parallel: k > 0,
        durUs: leafDurationUs(r, 'TOOL', tool.fast),
        input: argsJson,
        metadata: { tool_name: tool.name, parameters: argsJson },
      });
      const d = draftAt(b, index);
      let content: string;
      if (fails && tool.failure) {
        b.recoverable -= 1;
        d.status = 'ERROR';
        d.error = tool.failure(context, args);
        content = d.error;
      } else {
        d.output = tool.result(context, args);
        content = d.output;
      }
      lastLeaf = index;
      const call = { id, name: tool.name, argsJson, args };
      calls.push(call);
      results.push({ call, content, failed: fails, stop: isLastLeaf });
    }

    const callsJson = toolCallsJson(calls);
    const reply = `{"role": "assistant", "tool_calls": ${callsJson}}`;
    setLlmOutput(b, llm, replyOutput(b, reply), callsJson.length);
    const llmDraft = draftAt(b, llm);
    addMessage(conv, 2 + 3 * calls.length, callsJson.length, () =>
      messageText(b, 'assistant', b.stream ? undefined : '', {
        tool_calls: TOOL_CALLS_PLACEHOLDER,
        metrics: metricsOf(llmDraft),
      }).replace(`"${TOOL_CALLS_PLACEHOLDER}"`, callsJson),
    );
    for (const result of results) {
      const content = truncate(result.content, TOOL_RESULT_IN_PROMPT);
      addMessage(conv, 3, content.length, () =>
        messageText(b, 'tool', content, {
          stop_after_tool_call: result.stop,
          tool_call_id: result.call.id,
          tool_name: result.call.name,
          tool_args: result.call.args,
          tool_call_error: result.failed,
        }),
      );
    }
    b.clockSec += 1;
  }

  if (!hasAnswer) {
    if (owner.failing && lastLeaf >= 0) draftAt(b, lastLeaf).failing = true;
    return;
  }
  const final = addLlm(b, parent, model, conv);
  const answer = owner.answer ?? '';
  const finalDraft = draftAt(b, final);
  if (owner.failing) {
    finalDraft.failing = true;
    return;
  }
  if (b.outcome === 'model-error' && owner.parent < 0) {
    // The provider refused the call: Agno keeps the span OK, records no reply and no tokens, and
    // makes the provider's text the run's output.
    b.modelErrorText = PROVIDER_ERRORS[model.provider];
    finalDraft.metadata = finalDraft.metadata?.model ? { model: finalDraft.metadata.model } : {};
    return;
  }
  setLlmOutput(
    b,
    final,
    replyOutput(b, pyJson({ role: 'assistant', content: answer })),
    answer.length,
  );
}

/**
 * A team leader hands a task to a member: the `delegate_task_to_member` TOOL span, and the
 * member's run as its next SIBLING (not its child), which the tool span covers in time.
 */
function addDelegation(
  b: Builder,
  parent: number,
  budget: number,
  parallel: boolean,
  callId: string,
): ToolCall & { result: string } {
  const r = b.r;
  const owner = draftAt(b, parent);
  const vars = owner.vars ?? b.vars;
  const memberIds = owner.team
    ? owner.team.members.map((m) => m.id)
    : AGENTS.filter((a) => a.id !== owner.agent?.id).map((a) => a.id);
  // Members in turn, each time with a task it was not given yet in this run.
  const turn = b.delegations.get(parent) ?? 0;
  b.delegations.set(parent, turn + 1);
  const member = mustGet(agentById, memberIds[turn % memberIds.length] ?? '');
  const round = Math.floor(turn / memberIds.length);
  const prompt = member.prompts[round % member.prompts.length] ?? '';
  const focusIndex = Math.floor(round / member.prompts.length);
  const task = fill(prompt, vars) + (DELEGATION_FOCUS[focusIndex] ?? ` Part ${focusIndex + 1}.`);
  const answer = fill(r.pick(member.answers), vars);
  const args = { member_id: member.id, task };
  const argsJson = pyJson(args);
  const name = 'delegate_task_to_member';
  const tool = newDraft(b, parent, {
    type: 'TOOL',
    name,
    role: 'leaf',
    budget: 1,
    parallel,
    durUs: leafDurationUs(r, 'TOOL'),
    input: argsJson,
    output: answer,
    metadata: { tool_name: name, parameters: argsJson },
  });
  if (budget > 1) {
    const run = newDraft(b, parent, {
      type: 'AGENT',
      name: runSpanName(member.name, b.entry),
      role: 'agent',
      budget: budget - 1,
      agent: member,
      vars,
      task,
      answer,
      input: task,
      output: answer,
      metadata: runMetadata(b),
    });
    draftAt(b, tool).covers = run;
  }
  return { id: callId, name, argsJson, args, result: answer };
}

const DELEGATION_FOCUS = [
  '',
  ' Focus on costs.',
  ' Focus on the main companies.',
  ' Focus on risks.',
];

function runMetadata(b: Builder): Record<string, unknown> {
  const meta: Record<string, unknown> = { run_id: b.r.uuid() };
  if (b.sessionId) meta.session_id = b.sessionId;
  if (b.userId && b.r.chance(0.5)) meta.user_id = b.userId;
  return meta;
}

function expandAgent(b: Builder, index: number): void {
  const rem = draftAt(b, index).budget - 1;
  if (rem > 0) runModelLoop(b, index, rem, []);
}

function expandTeam(b: Builder, index: number): void {
  const r = b.r;
  const d = draftAt(b, index);
  const rem = d.budget - 1;
  if (rem <= 0) return;
  if (rem < 5) {
    runModelLoop(b, index, rem, []);
    return;
  }
  let delegations: number[];
  let flat: number;
  if (rem > 400) {
    flat = Math.ceil(rem / 400) + 2;
    delegations = chunks(r, rem - flat, 60, 350);
  } else {
    flat = 2 + (rem > 12 && r.chance(0.4) ? 1 : 0);
    const total = rem - flat;
    const count = Math.max(1, Math.min(r.int(1, 3), Math.floor(total / 3)));
    delegations = splitByWeights(
      total,
      Array.from({ length: count }, () => r.float(0.5, 1.5)),
      3,
    );
  }
  runModelLoop(b, index, flat, delegations);
}

/** A workflow step span: its run inside, or nothing when it is a Python function. */
function expandStep(b: Builder, index: number): void {
  const d = draftAt(b, index);
  const step = d.step;
  if (!step || d.budget <= 1) return;
  const common = {
    budget: d.budget - 1,
    vars: d.vars,
    task: d.task,
    answer: d.answer,
    input: d.task,
    output: d.answer,
    metadata: runMetadata(b),
    failing: d.failing,
  };
  if (step.team) {
    const team = mustGet(teamById, step.team);
    newDraft(b, index, {
      ...common,
      type: 'TEAM',
      name: runSpanName(team.name, b.entry),
      role: 'team',
      team,
    });
  } else if (step.agent) {
    const agent = mustGet(agentById, step.agent);
    newDraft(b, index, {
      ...common,
      type: 'AGENT',
      name: runSpanName(agent.name, b.entry),
      role: 'agent',
      agent,
    });
  }
}

function expandParallel(b: Builder, index: number): void {
  const d = draftAt(b, index);
  const steps = (d.parallelSteps ?? []).slice(0, d.budget - 1);
  const budgets = splitByWeights(
    d.budget - 1,
    steps.map(() => 1),
    1,
  );
  steps.forEach((step, k) => {
    const output = step.output?.(d.vars ?? b.vars, d.task ?? '') ?? '';
    newDraft(b, index, {
      type: 'WORKFLOW',
      name: stepSpanName(b, step.name),
      role: 'step',
      budget: budgets[k] ?? 1,
      parallel: k > 0,
      step,
      vars: d.vars,
      task: d.task,
      answer: output,
      input: d.task,
      output,
      durUs: leafDurationUs(b.r, 'WORKFLOW'),
    });
  });
}

interface StepPlan {
  step: RunStep | Extract<WorkflowStep, { type: 'Parallel' }>;
  vars: Vars;
  /** Budget it needs to look whole, and whether it takes more (a run inside) or not. */
  ideal: number;
  absorbs: boolean;
  /** Set when a Condition before it was skipped: the step's input says so, as Agno writes it. */
  skippedNote?: string;
}

function planOf(step: RunStep | Extract<WorkflowStep, { type: 'Parallel' }>, vars: Vars): StepPlan {
  if (step.type === 'Parallel') return { step, vars, ideal: 1 + step.steps.length, absorbs: false };
  const runs = step.agent !== undefined || step.team !== undefined;
  return { step, vars, ideal: runs ? 3 : 1, absorbs: runs };
}

function expandWorkflow(b: Builder, index: number, workflow: WorkflowProfile): void {
  const r = b.r;
  const d = draftAt(b, index);
  const rem = d.budget - 1;
  if (rem <= 0) return;

  // The spans under the root, in order: Conditions and Loops have none of their own.
  const plans: StepPlan[] = [];
  let skippedNote: string | undefined;
  let loopAt = -1;
  let loopSteps: RunStep[] = [];
  for (const step of workflow.steps) {
    if (step.type === 'Condition') {
      // The demo's first workflow runs skip the review, so the wrong step_type shows.
      if (r.chance(step.skipChance)) {
        skippedNote = `Condition ${step.name} not met - skipped ${step.steps.length} steps`;
        continue;
      }
      for (const inner of step.steps) plans.push(planOf(inner, b.vars));
    } else if (step.type === 'Loop') {
      loopAt = plans.length;
      loopSteps = step.steps;
    } else {
      const plan = planOf(step, b.vars);
      if (skippedNote) plan.skippedNote = skippedNote;
      skippedNote = undefined;
      plans.push(plan);
    }
  }
  if (loopAt >= 0) {
    const fixed = plans.reduce((a, p) => a + p.ideal, 0);
    const perIteration = loopSteps.reduce((a, s) => a + planOf(s, b.vars).ideal, 0);
    const room = rem - fixed;
    const iterations =
      room > 400
        ? Math.ceil(room / r.int(30, 250))
        : Math.max(1, Math.min(3, Math.floor(room / Math.max(1, perIteration))));
    const items: StepPlan[] = [];
    for (let i = 0; i < iterations; i++) {
      const [company] = COMPANIES[(i + r.int(0, 7)) % COMPANIES.length] ?? ['Acme'];
      const vars: Vars = {
        ...b.vars,
        n: String(i + 1),
        company,
        domain: `${company.toLowerCase()}.com`,
      };
      for (const s of loopSteps) items.push(planOf(s, vars));
    }
    plans.splice(loopAt, 0, ...items);
  }

  // Budgets: each plan whole when there is room, else one span each for as many as fit.
  let budgets: number[];
  let kept = plans;
  const idealSum = plans.reduce((a, p) => a + p.ideal, 0);
  if (idealSum <= rem) {
    budgets = plans.map((p) => p.ideal);
    const absorbers = plans.map((p, i) => (p.absorbs ? i : -1)).filter((i) => i >= 0);
    const extra = rem - idealSum;
    if (absorbers.length > 0) {
      const shares = splitByWeights(
        extra,
        absorbers.map(() => r.float(0.5, 1.5)),
        0,
      );
      absorbers.forEach((i, k) => (budgets[i] = (budgets[i] ?? 0) + (shares[k] ?? 0)));
    } else {
      budgets[budgets.length - 1] = (budgets[budgets.length - 1] ?? 0) + extra;
    }
  } else {
    // Less than whole: every step gets one span, then steps fill up towards whole in order
    // (which always absorbs the rest, since the whole plan did not fit).
    kept = plans.slice(0, Math.min(rem, plans.length));
    budgets = kept.map(() => 1);
    let extra = rem - kept.length;
    for (let i = 0; i < kept.length && extra > 0; i++) {
      const add = Math.min(extra, (kept[i]?.ideal ?? 1) - 1);
      budgets[i] = (budgets[i] ?? 1) + add;
      extra -= add;
    }
  }

  let input = d.task ?? '';
  kept.forEach((plan, i) => {
    const budget = budgets[i] ?? 1;
    const failing = d.failing && i === kept.length - 1;
    const stepInput = plan.skippedNote ?? truncate(input, 2000);
    const { step } = plan;
    let output: string;
    if (step.type === 'Parallel') {
      const results = step.steps
        .map((s) => `### ✅ SUCCESS: ${s.name}\n${s.output?.(plan.vars, stepInput) ?? ''}`)
        .join('\n\n');
      output = `## Parallel Execution Results\n\n${results}`;
    } else if (step.agent) {
      output = fill(r.pick(mustGet(agentById, step.agent).answers), plan.vars);
    } else if (step.team) {
      output = fill(r.pick(mustGet(teamById, step.team).answers), plan.vars);
    } else {
      output = step.output?.(plan.vars, stepInput) ?? '';
    }
    const task =
      step.type === 'Step' && step.agent && loopAt >= 0 && plan.vars !== b.vars
        ? fill(r.pick(mustGet(agentById, step.agent).prompts), plan.vars)
        : stepInput;
    const isFunction = step.type === 'Step' && !step.agent && !step.team;
    newDraft(b, index, {
      type: 'WORKFLOW',
      name: stepSpanName(b, step.name),
      role: step.type === 'Parallel' ? 'parallel' : 'step',
      budget,
      ...(step.type === 'Parallel' ? { parallelSteps: step.steps } : { step }),
      vars: plan.vars,
      task,
      answer: output,
      input: task,
      output,
      failing,
      ...(failing && isFunction
        ? { error: step.failure ?? `RuntimeError: step ${step.name} failed` }
        : {}),
      durUs: isFunction || budget === 1 ? leafDurationUs(r, 'WORKFLOW') : 0,
    });
    input = output;
  });
}

function defaultSpanCount(r: Random, kind: TraceKind): number {
  const skew = r.next() ** 2; // most runs are small
  if (kind === 'agent') return 3 + Math.floor(skew * 24);
  if (kind === 'team') return 8 + Math.floor(skew * 40);
  return 6 + Math.floor(skew * 60);
}

function pickOutcome(r: Random): Outcome {
  const x = r.next();
  return x < 0.1 ? 'error' : x < 0.2 ? 'recovered' : x < 0.24 ? 'model-error' : 'ok';
}

/** Generate one trace. Same options → the same trace, byte for byte. */
export function generateTrace(options: GenerateTraceOptions): TraceDetail {
  const r = createRandom(options.seed);
  const userId =
    options.userId === null
      ? undefined
      : (options.userId ?? (r.chance(0.8) ? r.pick(USERS_FALLBACK) : undefined));
  const vars = makeVars(r, userId ?? 'ana@example.com');
  let kind: TraceKind;
  if (options.kind) kind = options.kind;
  else if (options.agentId) kind = 'agent';
  else if (options.teamId) kind = 'team';
  else if (options.workflowId) kind = 'workflow';
  else if ((options.spanCount ?? 0) > 1500) kind = 'workflow';
  else kind = r.chance(0.6) ? 'agent' : r.chance(0.5) ? 'team' : 'workflow';

  const spanCount = Math.max(
    1,
    Math.min(MAX_SPANS, Math.floor(options.spanCount ?? defaultSpanCount(r, kind))),
  );
  const orphans = Math.min(
    spanCount - 1,
    options.orphanRoots ?? (spanCount >= 6 && r.chance(0.05) ? 1 : 0),
  );
  const dropped =
    options.droppedSpans ?? (options.spanCount === undefined && r.chance(0.04) ? r.int(1, 2) : 0);
  const drawn = pickOutcome(r);
  const outcome: Outcome =
    options.outcome ??
    (options.error === true
      ? 'error'
      : options.error === false && drawn === 'error'
        ? 'ok'
        : drawn);
  const failing = outcome === 'error';
  const unset = !failing && (options.unset ?? false);
  const entry: EntryPoint = options.entry ?? (r.chance(0.6) ? 'os' : 'direct');
  const stream = options.stream ?? r.chance(entry === 'os' ? 0.4 : 0.1);
  const sessionId =
    options.sessionId === null
      ? undefined
      : (options.sessionId ?? (r.chance(0.95) ? r.uuid() : undefined));

  const b: Builder = {
    r,
    vars,
    drafts: [],
    stack: [],
    sessionId,
    userId,
    entry,
    stream,
    outcome,
    recoverable: outcome === 'recovered' ? 1 : 0,
    clockSec: Math.floor(options.startMs / 1000),
    longOutputs: { left: 2 },
    delegations: new Map(),
  };
  if (options.inputDocumentBytes && options.inputDocumentBytes > 0) {
    const text = makeLongText(options.inputDocumentBytes);
    b.inputDocument = { text, json: JSON.stringify(text) };
  }
  const mainBudget = spanCount - orphans;
  const ids: { agent_id?: string; team_id?: string; workflow_id?: string } = {};
  let workflow: WorkflowProfile | undefined;
  let task: string;
  let answer: string;

  if (kind === 'agent') {
    const agent = options.agentId
      ? mustGet(agentById, options.agentId)
      : r.pick(AGENTS.filter((a) => a.id !== 'enrichment_agent'));
    task = fill(r.pick(agent.prompts), vars);
    answer = fill(r.pick(agent.answers), vars);
    ids.agent_id = agent.id;
    newDraft(b, -1, {
      type: 'AGENT',
      name: runSpanName(agent.name, entry),
      role: 'agent',
      budget: mainBudget,
      agent,
      task,
      answer,
    });
  } else if (kind === 'team') {
    const team = options.teamId ? mustGet(teamById, options.teamId) : r.pick(TEAMS);
    task = fill(r.pick(team.prompts), vars);
    answer = fill(r.pick(team.answers), vars);
    ids.team_id = team.id;
    newDraft(b, -1, {
      type: 'TEAM',
      name: runSpanName(team.name, entry),
      role: 'team',
      budget: mainBudget,
      team,
      task,
      answer,
    });
  } else {
    workflow = options.workflowId
      ? mustGet(workflowById, options.workflowId)
      : mainBudget > 400
        ? mustGet(workflowById, 'batch-enrichment')
        : r.pick(WORKFLOWS.filter((w) => w.id !== 'batch-enrichment'));
    task = fill(r.pick(workflow.prompts), vars);
    answer = fill(r.pick(workflow.answers), vars);
    ids.workflow_id = workflow.id;
    newDraft(b, -1, {
      type: 'WORKFLOW',
      name: runSpanName(workflow.name, entry),
      role: 'workflow',
      budget: mainBudget,
      task,
      answer,
    });
  }
  draftAt(b, 0).failing = failing;

  // Expand depth-first with an explicit stack: each node produces exactly its budget.
  for (let index = b.stack.pop(); index !== undefined; index = b.stack.pop()) {
    const d = draftAt(b, index);
    if (d.role === 'agent') expandAgent(b, index);
    else if (d.role === 'team') expandTeam(b, index);
    else if (d.role === 'workflow' && workflow) expandWorkflow(b, index, workflow);
    else if (d.role === 'step') expandStep(b, index);
    else if (d.role === 'parallel') expandParallel(b, index);
  }

  // Orphans: spans whose parent was never exported. The server shows them as extra roots.
  for (let o = 0; o < orphans; o++) {
    const isLlm = r.chance(0.5);
    const model = r.pick(AGENTS).model;
    const tool = r.pick(['get_stock_price', 'web_search', 'run_sql_query']);
    newDraft(b, -1, {
      type: isLlm ? 'LLM' : 'TOOL',
      name: isLlm ? modelSpanName(b, model) : tool,
      role: 'leaf',
      budget: 1,
      durUs: leafDurationUs(r, isLlm ? 'LLM' : 'TOOL'),
      metadata: isLlm
        ? { model: model.id, input_tokens: r.int(100, 900), output_tokens: r.int(10, 200) }
        : { tool_name: tool, parameters: '{}' },
    });
  }

  if (options.largePayloadBytes && options.largePayloadBytes > 0) {
    const target =
      b.drafts.find(
        (d) => d.type === 'TOOL' && d.output !== undefined && !d.failing && d.parent >= 0,
      ) ?? b.drafts.find((d) => d.parent >= 0 && !d.failing && d.children.length === 0);
    const text = makeLongText(options.largePayloadBytes);
    if (target) target.output = text;
    else answer = text;
  }

  return finishTrace(b, {
    traceId: options.traceId ?? r.id(32),
    startUs: Math.round(options.startMs * 1000) + r.int(0, 999),
    zone: options.zone ?? 'Z',
    task,
    answer: b.modelErrorText ?? answer,
    unset,
    dropped,
    runId: options.runId ?? r.uuid(),
    sessionId,
    userId,
    ids,
    workflow,
  });
}

interface FinishOptions {
  traceId: string;
  startUs: number;
  zone: ZoneSuffix;
  task: string;
  answer: string;
  unset: boolean;
  dropped: number;
  runId: string;
  sessionId?: string;
  userId?: string;
  ids: { agent_id?: string; team_id?: string; workflow_id?: string };
  workflow?: WorkflowProfile;
}

/** Timing, statuses and the wire objects: shared by both generators. */
function finishTrace(b: Builder, f: FinishOptions): TraceDetail {
  const { r, drafts } = b;
  const n = drafts.length;

  // Durations bottom-up: children always have higher indices than their parent.
  for (let i = n - 1; i >= 0; i--) {
    const d = drafts[i] as Draft;
    if (d.children.length === 0) {
      if (d.durUs === 0) d.durUs = leafDurationUs(r, d.type);
      continue;
    }
    let groupEnd = r.int(200, 8000);
    let prevRel = groupEnd;
    let coverer: Draft | undefined;
    d.children.forEach((c, k) => {
      const child = drafts[c] as Draft;
      if (coverer && coverer.covers === c) {
        // A member's run starts just after its delegation call and ends just before it.
        child.relUs = coverer.relUs + r.int(300, 3000);
        coverer = undefined;
        return;
      }
      child.relUs =
        k > 0 && child.parallel ? prevRel + r.int(20, 1200) : groupEnd + r.int(100, 3000);
      if (child.covers !== undefined) {
        const member = drafts[child.covers] as Draft;
        child.durUs = member.durUs + r.int(2000, 12_000);
        coverer = child;
      }
      groupEnd = Math.max(groupEnd, child.relUs + child.durUs);
      prevRel = child.relUs;
    });
    d.durUs = groupEnd + r.int(100, 5000);
  }

  // Start times top-down, with a rare small clock skew below the root's own children.
  const roots: number[] = [];
  let rootEndUs = f.startUs;
  for (let i = 0; i < n; i++) {
    const d = drafts[i] as Draft;
    if (d.parent < 0) {
      roots.push(i);
      if (i === 0) {
        d.startUs = f.startUs;
        rootEndUs = f.startUs + d.durUs;
      } else {
        // Orphans happened somewhere inside the run.
        const room = Math.max(0, rootEndUs - f.startUs - d.durUs);
        d.startUs = f.startUs + r.int(0, room);
      }
      continue;
    }
    const parent = drafts[d.parent] as Draft;
    d.startUs = parent.startUs + d.relUs;
    if (parent.parent >= 0 && d.covers === undefined && r.chance(0.003))
      d.startUs -= r.int(300, 4000);
  }

  // The failing path: the deepest failing node carries the cause; every ancestor is ERROR too.
  let errorMessage: string | undefined;
  let cause = -1;
  for (let i = 0; i < n; i++) if ((drafts[i] as Draft).failing) cause = i;
  if (cause >= 0) {
    const origin = drafts[cause] as Draft;
    errorMessage =
      origin.error ??
      (origin.type === 'LLM'
        ? r.pick(FATAL_MODEL_ERRORS)
        : origin.type === 'TOOL'
          ? `TimeoutError: ${origin.name} timed out after 30s`
          : `RuntimeError: ${origin.name} failed`);
    if (origin.type === 'LLM' && origin.metadata) delete origin.metadata.output_tokens;
    for (let i = cause; i >= 0; i = (drafts[i] as Draft).parent) {
      const d = drafts[i] as Draft;
      d.status = 'ERROR';
      d.error = errorMessage;
      delete d.output;
    }
  }
  let errorCount = 0;
  for (const d of drafts) if (d.status === 'ERROR') errorCount += 1;

  let totalIn = 0;
  let totalOut = 0;
  for (const d of drafts) {
    if (d.type !== 'LLM' || !d.metadata) continue;
    totalIn += Number(d.metadata.input_tokens ?? 0);
    totalOut += Number(d.metadata.output_tokens ?? 0);
  }
  const totals: Record<string, unknown> = {};
  if (totalIn > 0) totals.total_input_tokens = totalIn;
  if (totalOut > 0) totals.total_output_tokens = totalOut;

  const root = drafts[0] as Draft;
  if (cause < 0 && f.unset) root.status = 'UNSET';

  // step_type as the server assigns it: by position among the root's children, so a skipped
  // Condition shifts every later one onto the wrong span.
  if (f.workflow) {
    const types = f.workflow.steps.map((s) => s.type);
    root.children.forEach((c, k) => {
      const child = drafts[c] as Draft;
      if (k < types.length) child.stepType = types[k];
    });
  }

  // Wire nodes, then children attached in start order.
  const nodes: TraceNode[] = new Array<TraceNode>(n);
  for (let i = 0; i < n; i++) {
    const d = drafts[i] as Draft;
    const isRoot = d.parent < 0;
    const endUs = d.startUs + d.durUs;
    const node: TraceNode = {
      id: r.id(16),
      name: d.name,
      type: d.type,
      duration: i === 0 ? formatTraceDuration(d.durUs, r.next()) : formatWireDuration(d.durUs),
      start_time: formatWireTime(d.startUs, f.zone),
      end_time: formatWireTime(endUs, f.zone),
      status: d.status,
    };
    if (!isRoot) {
      if (d.input !== undefined) {
        node.input = b.inputDocument ? withDocument(b, d.input, b.inputDocument) : d.input;
      }
      if (d.status === 'ERROR') node.error = d.error ?? errorMessage ?? 'Error';
      else if (d.output !== undefined) node.output = d.output;
      if (d.stepType) node.step_type = d.stepType;
      if (d.metadata && Object.keys(d.metadata).length > 0) node.metadata = d.metadata;
    } else {
      // The server replaces a root's metadata with trace-wide totals and moves its
      // input/output/error up to the TraceDetail.
      const meta: Record<string, unknown> = { ...totals };
      if (i === 0 && f.workflow) {
        meta.description = f.workflow.description;
        meta.steps_count = f.workflow.steps.length;
        meta.steps = f.workflow.steps.map((s) => s.name);
        meta.step_types = f.workflow.steps.map((s) => s.type);
      }
      if (Object.keys(meta).length > 0) node.metadata = meta;
    }
    nodes[i] = node;
  }
  for (let i = 0; i < n; i++) {
    const d = drafts[i] as Draft;
    if (d.children.length === 0) continue;
    const ordered = d.children
      .slice()
      .sort((a, c) => (drafts[a] as Draft).startUs - (drafts[c] as Draft).startUs);
    (nodes[i] as TraceNode).spans = ordered.map((c) => nodes[c] as TraceNode);
  }
  roots.sort((a, c) => (drafts[a] as Draft).startUs - (drafts[c] as Draft).startUs);

  // A failed workflow loses its root's attributes: the trace is named after the first span
  // exported (the first to end) and has no run_id or workflow_id.
  const lostRoot = f.workflow !== undefined && cause >= 0;
  let name = root.name;
  if (lostRoot) {
    let firstEnd = Number.POSITIVE_INFINITY;
    for (let i = 1; i < n; i++) {
      const d = drafts[i] as Draft;
      const end = d.startUs + d.durUs;
      if (end < firstEnd) {
        firstEnd = end;
        name = d.name;
      }
    }
  }

  const endUs = root.startUs + root.durUs;
  const detail: TraceDetail = {
    trace_id: f.traceId,
    name,
    status: root.status,
    duration: formatTraceDuration(root.durUs, r.next()),
    start_time: formatWireTime(root.startUs, f.zone),
    end_time: formatWireTime(endUs, f.zone),
    total_spans: n + f.dropped,
    error_count: errorCount,
  } as TraceDetail;
  if (!f.unset || cause >= 0) detail.input = f.task;
  if (errorMessage !== undefined) detail.error = errorMessage;
  else if (!f.unset) detail.output = f.answer;
  if (!lostRoot) detail.run_id = f.runId;
  if (f.sessionId) detail.session_id = f.sessionId;
  if (f.userId) detail.user_id = f.userId;
  if (f.ids.agent_id) detail.agent_id = f.ids.agent_id;
  if (f.ids.team_id) detail.team_id = f.ids.team_id;
  if (f.ids.workflow_id && !lostRoot) detail.workflow_id = f.ids.workflow_id;
  // Written when the trace row is first stored, while the run is still going.
  detail.created_at = formatWireTime(
    root.startUs + Math.floor(root.durUs * r.float(0.1, 0.6)),
    f.zone,
  );
  detail.tree = roots.map((i) => nodes[i] as TraceNode);
  return detail;
}

export interface GenerateDeepTraceOptions {
  seed: number;
  /** Levels, root included (1..10,000 and more): one span per level. */
  depth: number;
  startMs: number;
  traceId?: string;
}

/** A chain of agents handing work down, one span per level: for depth edge cases. */
export function generateDeepTrace(options: GenerateDeepTraceOptions): TraceDetail {
  const r = createRandom(options.seed);
  const vars = makeVars(r, 'ana@example.com');
  const depth = Math.max(1, Math.floor(options.depth));
  const b: Builder = {
    r,
    vars,
    drafts: [],
    stack: [],
    entry: 'direct',
    stream: false,
    outcome: 'ok',
    recoverable: 0,
    clockSec: Math.floor(options.startMs / 1000),
    longOutputs: { left: 0 },
    delegations: new Map(),
  };
  const agent = mustGet(agentById, 'research_agent');
  const task = `Break "${vars.topic}" into sub-questions, recursively, until each can be answered directly.`;
  const answer = `All ${depth} levels answered.`;
  for (let level = 0; level < depth; level++) {
    const parent = level - 1;
    const last = level === depth - 1;
    const question = `Answer sub-question ${level}.`;
    const fields: Partial<Draft> & Pick<Draft, 'type' | 'name' | 'role' | 'budget'> = last
      ? {
          type: 'LLM',
          name: modelSpanName(b, agent.model),
          role: 'leaf',
          budget: 1,
          input: `{"messages": [${messageText(b, 'user', question)}]}`,
          output: `[${pyJson({ role: 'assistant', content: `Answer to sub-question ${level}.` })}]`,
          metadata: {
            model: agent.model.id,
            input_tokens: r.int(50, 400),
            output_tokens: r.int(10, 120),
          },
        }
      : {
          // Agents running agents (a Team inside a Team…): tool spans never have children.
          type: level % 2 === 0 ? 'AGENT' : 'TEAM',
          name:
            level === 0
              ? 'Recursive_Planner.run'
              : level % 2 === 0
                ? 'Planner.run'
                : 'Planning_Team.run',
          role: 'leaf',
          budget: 1,
          input: `Sub-question ${level}`,
          output: `Answer ${level}`,
          metadata: { run_id: r.uuid() },
        };
    newDraft(b, parent, fields);
  }
  for (let i = depth - 1; i >= 0; i--) {
    const d = b.drafts[i] as Draft;
    if (d.children.length === 0) d.durUs = r.int(200_000, 900_000);
  }
  return finishTrace(b, {
    traceId: options.traceId ?? r.id(32),
    startUs: Math.round(options.startMs * 1000),
    zone: 'Z',
    task,
    answer,
    unset: false,
    dropped: 0,
    runId: r.uuid(),
    sessionId: r.uuid(),
    userId: 'ana@example.com',
    ids: { agent_id: 'research_agent' },
  });
}
