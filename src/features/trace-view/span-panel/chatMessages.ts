import { tokenCount } from '../../../domain/trace/traceModel';
import { formatDuration } from '../../../lib/time';
import { formatJsonValue, parseJsonText } from './jsonText';

/**
 * Chat messages as LLM spans record them. The server stores the prompt and the reply as text;
 * when that text is JSON in one of the common chat shapes (agno's message dicts, bare or wrapped
 * in `{"messages": [...]}`; OpenAI chat completions; Anthropic content blocks; Gemini parts) it
 * is read into this neutral form, otherwise it stays text.
 */
export interface ChatMessage {
  role: string;
  /** The `name` of a tool message or a named participant. */
  name?: string;
  /** The call a tool message answers. */
  toolCallId?: string;
  /** agno's `tool_name` on a tool result. */
  toolName?: string;
  /** agno's `tool_call_error: true`: the tool result is an error. */
  isToolError?: true;
  /** agno's `from_history: true`: the message comes from an earlier run of the session. */
  isFromHistory?: true;
  /** agno's per-message `metrics` (on the assistant messages a model produced). */
  metrics?: ChatMetrics;
  parts: ChatPart[];
  toolCalls: ChatToolCall[];
  /** Fields this viewer does not read, as sent (in the server's order), so nothing is lost. */
  otherFields?: [string, unknown][];
}

/** agno's message metrics; durations are in seconds, as agno records them. */
export interface ChatMetrics {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
  durationS?: number;
  timeToFirstTokenS?: number;
  /** Any other metric, as sent. */
  other: [string, unknown][];
}

export type ChatPart =
  /** `label` marks text that is not the message body: "Thinking", "Refusal", "Reasoning". */
  | { kind: 'text'; text: string; label?: string }
  /** Images are described, never loaded: span data must not make the browser fetch anything. */
  | { kind: 'image'; source: string }
  | { kind: 'tool_result'; toolCallId?: string; text: string; isError: boolean }
  /** A part of a kind this viewer does not know, as formatted JSON. */
  | { kind: 'other'; type: string; json: string };

export interface ChatToolCall {
  id?: string;
  name: string;
  /** Formatted JSON when the arguments are JSON, else the raw text. */
  arguments: string;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isMessageLike(value: unknown): value is JsonObject {
  return isObject(value) && typeof value.role === 'string' && value.role !== '';
}

/**
 * Reads `text` as a JSON list of chat messages, as `{"messages": [...]}` (agno's LLM input, and
 * the output of a streamed call), or as one message object (an LLM reply such as
 * `{"role": "assistant", "tool_calls": [...]}`). Null when the text is anything else, including
 * an empty list. Never throws.
 */
export function parseChatMessages(text: string): ChatMessage[] | null {
  // Cheap early exit: most prompts that are not JSON would otherwise cost a thrown exception.
  const first = text.trimStart()[0];
  if (first !== '[' && first !== '{') return null;
  const parsed = parseJsonText(text);
  if (!parsed.ok) return null;
  const { value } = parsed;
  const list = isObject(value) && Array.isArray(value.messages) ? value.messages : value;
  if (Array.isArray(list)) {
    if (list.length === 0 || !list.every(isMessageLike)) return null;
    return list.map(readMessage);
  }
  return isMessageLike(list) ? [readMessage(list)] : null;
}

/** Above this, a payload is not even tried as chat messages: parsing would stall the page. */
const MAX_CHAT_PARSE_CHARS = 20_000_000;

/** A span payload's chat messages, or null; text too big to parse quickly is never tried. */
export function parsePayloadMessages(text: string | null | undefined): ChatMessage[] | null {
  return text != null && text.length <= MAX_CHAT_PARSE_CHARS ? parseChatMessages(text) : null;
}

/**
 * Message fields read into `ChatMessage`, plus agno's bookkeeping that says nothing to a reader
 * (`id`, `created_at`; `tool_args` repeats the call's arguments). The Raw text view keeps them.
 * Anything else goes to `otherFields`.
 */
const READ_FIELDS: ReadonlySet<string> = new Set([
  'role',
  'content',
  'parts',
  'name',
  'tool_call_id',
  'tool_use_id',
  'tool_name',
  'tool_call_error',
  'from_history',
  'metrics',
  'reasoning_content',
  'refusal',
  'tool_calls',
  'function_call',
  'id',
  'created_at',
  'tool_args',
]);

function readMessage(raw: JsonObject): ChatMessage {
  const message: ChatMessage = { role: raw.role as string, parts: [], toolCalls: [] };
  const name = optionalString(raw.name);
  if (name !== undefined) message.name = name;
  const toolCallId = optionalString(raw.tool_call_id) ?? optionalString(raw.tool_use_id);
  if (toolCallId !== undefined) message.toolCallId = toolCallId;
  const toolName = optionalString(raw.tool_name);
  if (toolName !== undefined) message.toolName = toolName;
  if (raw.tool_call_error === true) message.isToolError = true;
  if (raw.from_history === true) message.isFromHistory = true;
  if (isObject(raw.metrics)) message.metrics = readMetrics(raw.metrics);

  readContent(raw.content, message);
  if (Array.isArray(raw.parts)) readContent(raw.parts, message);

  for (const [key, label] of [
    ['reasoning_content', 'Reasoning'],
    ['refusal', 'Refusal'],
  ] as const) {
    const extra = optionalString(raw[key]);
    if (extra) message.parts.push({ kind: 'text', text: extra, label });
  }

  if (Array.isArray(raw.tool_calls)) {
    for (const call of raw.tool_calls) message.toolCalls.push(readToolCall(call));
  }
  // The legacy single `function_call` of older OpenAI messages.
  if (isObject(raw.function_call)) message.toolCalls.push(readToolCall(raw.function_call));
  // agno sends `content: ""` beside tool calls: nothing to show, the calls are the message.
  if (message.toolCalls.length > 0) {
    message.parts = message.parts.filter((part) => part.kind !== 'text' || part.text !== '');
  }

  const otherFields = Object.entries(raw).filter(
    ([key, value]) =>
      (!READ_FIELDS.has(key) || hasUnexpectedType(key, value)) &&
      // agno writes `stop_after_tool_call: false` on every message: only `true` says something.
      !(key === 'stop_after_tool_call' && value === false),
  );
  if (otherFields.length > 0) message.otherFields = otherFields;
  return message;
}

/** A flag or metrics field of another type than agno's is not read, so it is kept as sent. */
function hasUnexpectedType(key: string, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (key === 'metrics') return !isObject(value);
  if (key === 'from_history' || key === 'tool_call_error') return typeof value !== 'boolean';
  return false;
}

const METRIC_FIELDS = {
  input_tokens: 'inputTokens',
  output_tokens: 'outputTokens',
  total_tokens: 'totalTokens',
  duration: 'durationS',
  time_to_first_token: 'timeToFirstTokenS',
} as const satisfies Record<string, keyof ChatMetrics>;

type MetricField = (typeof METRIC_FIELDS)[keyof typeof METRIC_FIELDS];

const TOKEN_METRICS: ReadonlySet<string> = new Set([
  'input_tokens',
  'output_tokens',
  'total_tokens',
]);

function readMetrics(raw: JsonObject): ChatMetrics {
  const metrics: ChatMetrics = { other: [] };
  for (const [key, value] of Object.entries(raw)) {
    const field = (METRIC_FIELDS as Partial<Record<string, MetricField>>)[key];
    // Token counts by the trace model's rule (numeric strings too); durations as numbers only.
    const number = TOKEN_METRICS.has(key)
      ? tokenCount(value)
      : typeof value === 'number' && Number.isFinite(value)
        ? value
        : null;
    if (field !== undefined && number !== null) {
      metrics[field] = number;
    } else if (value !== null && value !== undefined) {
      metrics.other.push([key, value]);
    }
  }
  return metrics;
}

function readContent(content: unknown, message: ChatMessage): void {
  if (content === null || content === undefined) return;
  if (typeof content === 'string') {
    message.parts.push({ kind: 'text', text: content });
    return;
  }
  if (!Array.isArray(content)) {
    message.parts.push(otherPart(content));
    return;
  }
  for (const part of content) readPart(part, message);
}

function readPart(part: unknown, message: ChatMessage): void {
  if (typeof part === 'string') {
    message.parts.push({ kind: 'text', text: part });
    return;
  }
  if (!isObject(part)) {
    message.parts.push(otherPart(part));
    return;
  }
  const type = optionalString(part.type);
  switch (type) {
    case 'text':
    case 'input_text':
    case 'output_text':
      if (typeof part.text === 'string') {
        message.parts.push({ kind: 'text', text: part.text });
        return;
      }
      break;
    case 'thinking':
      if (typeof part.thinking === 'string') {
        message.parts.push({ kind: 'text', text: part.thinking, label: 'Thinking' });
        return;
      }
      break;
    case 'refusal':
      if (typeof part.refusal === 'string') {
        message.parts.push({ kind: 'text', text: part.refusal, label: 'Refusal' });
        return;
      }
      break;
    case 'image_url':
    case 'input_image':
    case 'image':
      message.parts.push({ kind: 'image', source: describeImage(part) });
      return;
    case 'tool_use':
      message.toolCalls.push(readToolCall(part));
      return;
    case 'tool_result':
      message.parts.push({
        kind: 'tool_result',
        toolCallId: optionalString(part.tool_use_id),
        text: flattenToText(part.content),
        isError: part.is_error === true,
      });
      return;
    case undefined:
      // Gemini parts carry no `type`: {text}, {functionCall}, {functionResponse}.
      if (typeof part.text === 'string') {
        message.parts.push({ kind: 'text', text: part.text });
        return;
      }
      if (isObject(part.functionCall)) {
        message.toolCalls.push(readToolCall(part.functionCall));
        return;
      }
      if (isObject(part.functionResponse)) {
        message.parts.push({
          kind: 'tool_result',
          toolCallId: optionalString(part.functionResponse.name),
          text: flattenToText(part.functionResponse.response),
          isError: false,
        });
        return;
      }
      break;
  }
  message.parts.push(otherPart(part));
}

/** OpenAI `{id, type, function: {name, arguments}}`, Anthropic `{id, name, input}`, Gemini `{name, args}`. */
function readToolCall(raw: unknown): ChatToolCall {
  if (!isObject(raw)) return { name: '(unnamed)', arguments: formatJsonValue(raw).text };
  const fn = isObject(raw.function) ? raw.function : raw;
  const args = fn.arguments ?? fn.input ?? fn.args ?? raw.input ?? raw.args;
  const call: ChatToolCall = {
    name: optionalString(fn.name) ?? optionalString(raw.name) ?? '(unnamed)',
    arguments: args === undefined ? '' : formatJsonValue(args).text,
  };
  const id = optionalString(raw.id);
  if (id !== undefined) call.id = id;
  return call;
}

function describeImage(part: JsonObject): string {
  const imageUrl = part.image_url;
  const url = isObject(imageUrl) ? optionalString(imageUrl.url) : optionalString(imageUrl);
  if (url !== undefined) return describeUrl(url);
  if (isObject(part.source)) {
    const sourceUrl = optionalString(part.source.url);
    if (sourceUrl !== undefined) return describeUrl(sourceUrl);
    const mediaType = optionalString(part.source.media_type) ?? 'image';
    const data = optionalString(part.source.data);
    return data === undefined
      ? mediaType
      : `${mediaType}, base64 (${data.length.toLocaleString()} characters)`;
  }
  return 'image';
}

/** Data URLs can be megabytes of base64: show their kind and size instead. */
function describeUrl(url: string): string {
  if (!url.startsWith('data:')) return url;
  const comma = url.indexOf(',');
  const header = comma === -1 ? url.slice(0, 64) : url.slice(0, comma);
  return `${header} (${url.length.toLocaleString()} characters)`;
}

function flattenToText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content) && content.length > 0) {
    const texts = content.map((item) =>
      isObject(item) && typeof item.text === 'string' ? item.text : null,
    );
    if (texts.every((text) => text !== null)) return texts.join('\n');
  }
  return formatJsonValue(content).text;
}

function otherPart(part: unknown): ChatPart {
  const type = isObject(part) && typeof part.type === 'string' ? part.type : typeof part;
  return { kind: 'other', type, json: formatJsonValue(part).text };
}

/**
 * Metrics in one short line: "62 → 35 tokens · 117ms · first token 117ms", then any other
 * metric as `key value`. Empty when there is nothing to say.
 */
export function formatChatMetrics(metrics: ChatMetrics): string {
  const pieces: string[] = [];
  const { inputTokens, outputTokens, totalTokens } = metrics;
  if (inputTokens !== undefined || outputTokens !== undefined) {
    pieces.push(
      `${inputTokens?.toLocaleString('en-US') ?? '?'} → ${outputTokens?.toLocaleString('en-US') ?? '?'} tokens`,
    );
  } else if (totalTokens !== undefined) {
    pieces.push(`${totalTokens.toLocaleString('en-US')} tokens`);
  }
  if (metrics.durationS !== undefined) pieces.push(formatDuration(metrics.durationS * 1e6));
  if (metrics.timeToFirstTokenS !== undefined) {
    pieces.push(`first token ${formatDuration(metrics.timeToFirstTokenS * 1e6)}`);
  }
  for (const [key, value] of metrics.other) {
    pieces.push(`${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return pieces.join(' · ');
}

/** The text of the first system (or developer) message, null when there is none. */
export function systemPromptText(messages: readonly ChatMessage[]): string | null {
  const system = messages.find((m) => m.role === 'system' || m.role === 'developer');
  if (!system) return null;
  return system.parts
    .map((part) =>
      part.kind === 'other' ? part.json : part.kind === 'image' ? part.source : part.text,
    )
    .join('\n');
}

export type ChatRow =
  | { kind: 'message'; message: ChatMessage; position: number }
  /** A run of consecutive messages from history, folded together. */
  | { kind: 'history'; messages: { message: ChatMessage; position: number }[] }
  /** This run's earlier turns (see `foldEarlierTurns`), folded together. */
  | { kind: 'earlier'; rows: ChatRow[]; count: number };

/** The messages in order, each run of consecutive history messages grouped into one row. */
export function groupHistoryRuns(messages: readonly ChatMessage[]): ChatRow[] {
  const rows: ChatRow[] = [];
  messages.forEach((message, position) => {
    const last = rows[rows.length - 1];
    if (!message.isFromHistory) rows.push({ kind: 'message', message, position });
    else if (last?.kind === 'history') last.messages.push({ message, position });
    else rows.push({ kind: 'history', messages: [{ message, position }] });
  });
  return rows;
}

/** Fewer earlier messages than this are shown as they are: folding them would hide little. */
const MIN_EARLIER_TO_FOLD = 2;

/**
 * Folds a tool loop's earlier turns. Each model call resends the conversation so far; what is
 * new in a call is its last turn. Kept in view: the first user message (the question), the last
 * assistant message and what follows it (the tool calls and their results, or a new question).
 * The turns between them, which the previous calls already showed, become one folded row.
 */
export function foldEarlierTurns(rows: readonly ChatRow[]): ChatRow[] {
  const roleAt = (row: ChatRow) => (row.kind === 'message' ? row.message.role : null);
  const question = rows.findIndex((row) => roleAt(row) === 'user');
  const lastTurn = rows.findLastIndex((row) => roleAt(row) === 'assistant');
  if (question === -1 || lastTurn <= question + MIN_EARLIER_TO_FOLD) return [...rows];
  const earlier = rows.slice(question + 1, lastTurn);
  const count = earlier.reduce(
    (sum, row) => sum + (row.kind === 'history' ? row.messages.length : 1),
    0,
  );
  return [
    ...rows.slice(0, question + 1),
    { kind: 'earlier', rows: earlier, count },
    ...rows.slice(lastTurn),
  ];
}
