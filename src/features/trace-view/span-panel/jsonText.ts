/**
 * JSON helpers for span payloads. Span fields hold JSON as *text* (tool parameters, chat
 * messages, results), sometimes megabytes of it, and sometimes not JSON at all.
 */

export type JsonParseResult = { ok: true; value: unknown } | { ok: false };

/** JSON.parse that reports instead of throwing. */
export function parseJsonText(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export interface FormattedJson {
  text: string;
  /** False when the value was a string that is not JSON: `text` is then that string, as is. */
  isJson: boolean;
}

/**
 * Any value as readable text: a string holding JSON is pretty-printed from its own text (so big
 * integers and number spellings survive, which a parse/stringify round trip would change), a
 * string that is not JSON comes back unchanged, and anything else is stringified.
 */
export function formatJsonValue(value: unknown): FormattedJson {
  if (typeof value === 'string') {
    return parseJsonText(value).ok
      ? { text: reindentJson(value), isJson: true }
      : { text: value, isJson: false };
  }
  try {
    // Undefined for undefined, functions and symbols, none of which JSON holds.
    const text = JSON.stringify(value, null, 2) as string | undefined;
    return text === undefined ? { text: '', isJson: false } : { text, isJson: true };
  } catch {
    // BigInt or a cycle: cannot come from the server's JSON, but never throw from a formatter.
    return { text: '(not serializable)', isJson: false };
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isStructural(code: number): boolean {
  // { } [ ] , : "
  return (
    code === 0x7b ||
    code === 0x7d ||
    code === 0x5b ||
    code === 0x5d ||
    code === 0x2c ||
    code === 0x3a ||
    code === QUOTE
  );
}

/**
 * Pretty-prints JSON text token by token, in one linear pass and without building values.
 * The input must already be valid JSON (check with `parseJsonText`); the output has the layout
 * of `JSON.stringify(value, null, 2)` while keeping every token exactly as written.
 */
export function reindentJson(text: string, indent = '  '): string {
  const pieces: string[] = [];
  const newlines: string[] = ['\n'];
  const newline = (depth: number): string => {
    for (let d = newlines.length; d <= depth; d++) newlines.push('\n' + indent.repeat(d));
    return newlines[depth]!;
  };
  const length = text.length;
  let depth = 0;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      let j = i + 1;
      while (j < length) {
        const c = text.charCodeAt(j);
        if (c === BACKSLASH) j += 2;
        else if (c === QUOTE) break;
        else j += 1;
      }
      pieces.push(text.slice(i, j + 1));
      i = j + 1;
    } else if (code === 0x7b || code === 0x5b) {
      const close = code === 0x7b ? '}' : ']';
      let j = i + 1;
      while (j < length && isWhitespace(text.charCodeAt(j))) j += 1;
      if (text[j] === close) {
        // Empty containers stay on one line, as JSON.stringify writes them.
        pieces.push(text[i]! + close);
        i = j + 1;
      } else {
        depth += 1;
        pieces.push(text[i]! + newline(depth));
        i += 1;
      }
    } else if (code === 0x7d || code === 0x5d) {
      depth = Math.max(depth - 1, 0);
      pieces.push(newline(depth) + text[i]!);
      i += 1;
    } else if (code === 0x2c) {
      pieces.push(',' + newline(depth));
      i += 1;
    } else if (code === 0x3a) {
      pieces.push(': ');
      i += 1;
    } else if (isWhitespace(code)) {
      i += 1;
    } else {
      // A number, true, false or null.
      let j = i + 1;
      while (j < length) {
        const c = text.charCodeAt(j);
        if (isStructural(c) || isWhitespace(c)) break;
        j += 1;
      }
      pieces.push(text.slice(i, j));
      i = j;
    }
  }
  return pieces.join('');
}

/**
 * The value of a text that is a JSON object or array (a tool result sent as JSON text), else
 * undefined: plain text, and JSON scalars ("42", "\"hi\"", "true"), which read fine as text.
 */
export function jsonContainerOf(text: string): object | undefined {
  const trimmed = text.trimStart();
  const first = trimmed[0];
  if (first !== '{' && first !== '[') return undefined;
  const parsed = parseJsonText(text);
  return parsed.ok && parsed.value !== null && typeof parsed.value === 'object'
    ? parsed.value
    : undefined;
}
