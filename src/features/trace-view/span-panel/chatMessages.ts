import { formatJsonValue, parseJsonText } from './jsonText';

/**
 * Chat messages as LLM spans record them. The server stores the prompt and the reply as text;
 * when that text is JSON in one of the common chat shapes (OpenAI chat completions, Anthropic
 * content blocks, Gemini parts) it is read into this neutral form, otherwise it stays text.
 */
export interface ChatMessage {
  role: string;
  /** The `name` of a tool message or a named participant. */
  name?: string;
  /** The call a tool message answers. */
  toolCallId?: string;
  parts: ChatPart[];
  toolCalls: ChatToolCall[];
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
 * Reads `text` as a JSON list of chat messages, or as one message object (an LLM reply such as
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
  if (Array.isArray(value)) {
    if (value.length === 0 || !value.every(isMessageLike)) return null;
    return value.map(readMessage);
  }
  return isMessageLike(value) ? [readMessage(value)] : null;
}

function readMessage(raw: JsonObject): ChatMessage {
  const message: ChatMessage = { role: raw.role as string, parts: [], toolCalls: [] };
  const name = optionalString(raw.name);
  if (name !== undefined) message.name = name;
  const toolCallId = optionalString(raw.tool_call_id) ?? optionalString(raw.tool_use_id);
  if (toolCallId !== undefined) message.toolCallId = toolCallId;

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
  return message;
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
