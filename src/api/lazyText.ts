import { ByteList } from '../lib/byteList';
import type { ChunkedBytes } from '../lib/chunkedBytes';
import type { JsonEscapes, JsonStringMatcher } from '../lib/foldedByteSearch';

/**
 * A span's long strings (its input, output and error: prompts and answers, often tens of kB
 * each and resent on every model call) kept as bytes instead of as JavaScript strings, and
 * decoded only when something reads them (the panel, search, an export). Bytes live outside
 * the JavaScript heap, which is what lets a trace of several hundred MB of prompts load at all
 * (issue 13; ADR 0008).
 *
 * The worker's scanner leaves these strings out of each span's JSON text and says where their
 * JSON text is: the server's UTF-8 bytes between the quotes, escapes and all, in the answer's
 * own chunks, which the page keeps (`ChunkedBytes`). The page gives the parsed span a getter
 * for each (`attachLazyTexts`). Readers see an ordinary string property: `node.input` decodes
 * and unescapes on access.
 */

/** The span fields that can hold long text. */
export const LAZY_TEXT_KEYS = ['input', 'output', 'error'] as const;
export type LazyTextKey = (typeof LAZY_TEXT_KEYS)[number];

/**
 * Strings whose JSON text is at least this many bytes long are kept as bytes. On generated
 * traces 2/3 of the JSON is in such strings; below it, a getter and its record cost more than
 * they save.
 */
export const LAZY_TEXT_MIN_BYTES = 256;

/**
 * Where each kept string is, REF_SIZE numbers each: key index, start and end of its bytes (the
 * JSON text between the quotes) in the answer, and its position among the span's members.
 */
export type LazyTextRefs = ArrayLike<number>;
const REF_SIZE = 4;

/**
 * The string whose JSON text (between the quotes) is `body`. Liberal like the rest of the
 * reader: a body `JSON.parse` refuses (a raw control character, a bad escape) is read with the
 * escapes it can make sense of, rather than failing where it is shown.
 */
export function unescapeJsonString(body: string): string {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return body.replace(
      /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g,
      (whole, hex?: string, char?: string) => {
        if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
        return ESCAPED[char as string] ?? whole;
      },
    );
  }
}

const ESCAPED: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

interface LazyText {
  bytes: ChunkedBytes;
  start: number;
  end: number;
  /** Whether its JSON text holds a backslash (to unescape), once it was read. */
  escaped?: boolean;
  /** Whether its escapes are all the short ones (`\"`, `\n`…), once a search asked. */
  shortEscapesOnly?: boolean;
  position: number;
}

type LazyTexts = Partial<Record<LazyTextKey, LazyText>>;

/**
 * Kept on the span under a symbol, not enumerable: no key, spread, `JSON.stringify` or equality
 * check sees it, so a span's visible properties are what was sent. Not in a `WeakMap`: one entry
 * per span (300,000) made every major garbage collection's pause longer, for its ephemerons.
 */
const LAZY_TEXTS = Symbol('lazyTexts');
const lazyTextsOf = {
  get: (node: object): LazyTexts | undefined => (node as { [LAZY_TEXTS]?: LazyTexts })[LAZY_TEXTS],
  set: (node: object, texts: LazyTexts): void => {
    Object.defineProperty(node, LAZY_TEXTS, {
      value: texts,
      enumerable: false,
      writable: true,
      configurable: true,
    });
  },
};
// `ignoreBOM`: a string that starts with U+FEFF keeps it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Whole chunks decoded while `readingManyTexts` runs, by chunk; null for a chunk that is not
 * all ASCII, where a byte offset is not a character offset and each string is decoded alone.
 */
let decodedChunks: Map<Uint8Array, string | null> | null = null;

const BACKSLASH = 0x5c;

/**
 * Where a text that spans two chunks is put together to be read: one buffer, reused, since a
 * search reads thousands of such texts (a new buffer each cost seconds at 1 GB).
 */
const joined = new ByteList();

/** The bytes of [start, end) of `bytes`, valid until the next call. */
function bytesOf(bytes: ChunkedBytes, start: number, end: number): Uint8Array {
  const located = bytes.locate(start, end);
  if (located) return located.chunk.subarray(located.from, located.to);
  joined.clear();
  bytes.copyTo(joined, start, end);
  return joined.view();
}

function isEscaped(text: LazyText, bytes: Uint8Array, from: number, to: number): boolean {
  text.escaped ??= bytes.subarray(from, to).includes(BACKSLASH);
  return text.escaped;
}

/** The JSON text between its quotes, and whether it holds escapes. */
function bodyOf(text: LazyText): { body: string; escaped: boolean } {
  const located = decodedChunks && text.bytes.locate(text.start, text.end);
  if (located && decodedChunks) {
    const { chunk, from, to } = located;
    let whole = decodedChunks.get(chunk);
    if (whole === undefined) {
      const decoded = decoder.decode(chunk);
      whole = decoded.length === chunk.length ? decoded : null;
      decodedChunks.set(chunk, whole);
    }
    if (whole !== null) {
      const body = whole.slice(from, to);
      text.escaped ??= body.includes('\\');
      return { body, escaped: text.escaped };
    }
  }
  const bytes = bytesOf(text.bytes, text.start, text.end);
  return { body: decoder.decode(bytes), escaped: isEscaped(text, bytes, 0, bytes.length) };
}

/** V8's longest string, in UTF-16 units. */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

/** What is shown of a text too long to be one string: its beginning. */
const TOO_LONG_SHOWN_BYTES = 1_000_000;

function decode(text: LazyText): string {
  const { body, escaped } = bodyOf(text);
  // Chromium's TextDecoder answers "" for a text longer than a string can be (2^29 - 24).
  if (body === '' && text.end > text.start) return beginningOf(text);
  return escaped ? unescapeJsonString(body) : body;
}

/** The beginning of a text too long for a string, after a line that says so. */
function beginningOf(text: LazyText): string {
  const end = Math.min(text.end, text.start + TOO_LONG_SHOWN_BYTES);
  const body = decoder.decode(bytesOf(text.bytes, text.start, end));
  const shown = body.includes('\\') ? unescapeJsonString(body) : body;
  const megabytes = ((text.end - text.start) / 1e6).toFixed(1);
  return `[This text is ${megabytes} MB, more than a browser can hold as one string. Its first MB follows.]\n\n${shown}`;
}

/**
 * Runs `read`, which reads the texts of many spans (a search over all of them), with each
 * chunk of the answer decoded once as a whole rather than each string on its own: one decoder
 * call per chunk instead of one per string. The decoded chunks are dropped when `read` returns.
 */
export function readingManyTexts<T>(read: () => T): T {
  return textReadingSession()(read);
}

/**
 * `readingManyTexts` for work done a slice at a time: every slice run through the returned
 * function shares one set of decoded chunks, so a chunk is decoded once per session rather than
 * once per slice. The chunks go when the session is dropped.
 */
export function textReadingSession(): <T>(read: () => T) => T {
  const chunks: Map<Uint8Array, string | null> = new Map();
  return (read) => {
    if (decodedChunks !== null) return read();
    decodedChunks = chunks;
    try {
      return read();
    } finally {
      decodedChunks = null;
    }
  };
}

function accessorFor(key: LazyTextKey): PropertyDescriptor {
  return {
    get(this: object) {
      const text = lazyTextsOf.get(this)?.[key];
      return text && decode(text);
    },
    // Writable like any parsed field: a write turns it back into a plain string.
    set(this: object, value: unknown) {
      const texts = lazyTextsOf.get(this);
      if (texts) delete texts[key];
      Object.defineProperty(this, key, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    },
    enumerable: true,
    configurable: true,
  };
}

// One getter per key, shared by every span, so spans keep sharing their hidden classes.
const ACCESSORS = LAZY_TEXT_KEYS.map(accessorFor);

/** Gives `node` a string property for each kept string in `refs`, read from `bytes`. */
export function attachLazyTexts(node: object, bytes: ChunkedBytes, refs: LazyTextRefs): void {
  const texts: LazyTexts = {};
  for (let i = 0; i + REF_SIZE <= refs.length; i += REF_SIZE) {
    const keyIndex = refs[i] as number;
    const key = LAZY_TEXT_KEYS[keyIndex];
    if (key === undefined) continue;
    texts[key] = {
      bytes,
      start: refs[i + 1] as number,
      end: refs[i + 2] as number,
      position: refs[i + 3] as number,
    };
    Object.defineProperty(node, key, ACCESSORS[keyIndex] as PropertyDescriptor);
  }
  lazyTextsOf.set(node, texts);
}

/** Whether every escape in `bytes[start, end)` is a two-byte one other than `\/`. */
function hasShortEscapesOnly(bytes: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    if (bytes[at] !== BACKSLASH) continue;
    at++;
    const letter = bytes[at];
    if (letter === 0x75 || letter === 0x2f) return false; // u, /
  }
  return true;
}

/**
 * Whether `node[key]`, when it is kept as bytes, holds what `matcher` looks for (read in the
 * bytes, not decoded); null when it is not kept as bytes or the matcher cannot tell.
 */
export function keptTextMatches(
  node: object,
  key: LazyTextKey,
  matcher: JsonStringMatcher,
): boolean | null {
  const kept = lazyTextsOf.get(node)?.[key];
  if (!kept) return null;
  // In place in its chunk, or (spanning two) a copy.
  const located = kept.bytes.locate(kept.start, kept.end);
  const bytes = located ? located.chunk : bytesOf(kept.bytes, kept.start, kept.end);
  const from = located ? located.from : 0;
  const to = located ? located.to : bytes.length;
  // 'any' is right for any text (a match is then checked to be outside escapes): a plain query
  // does not need a first scan of every text for backslashes.
  const escaped = matcher.needsEscapeForm ? isEscaped(kept, bytes, from, to) : kept.escaped;
  let escapes: JsonEscapes = escaped === false ? 'none' : 'any';
  if (escaped && matcher.needsEscapeForm) {
    kept.shortEscapesOnly ??= hasShortEscapesOnly(bytes, from, to);
    if (kept.shortEscapesOnly) escapes = 'short';
  }
  return matcher.match(bytes, from, to, escapes);
}

/**
 * At least the length of `node[key]` when it is a string, read without decoding a kept one (its
 * byte count: escapes and UTF-8 only make a text shorter); null when it is not a string. For
 * checks that scan every span (sizes), which should not decode them all.
 */
export function textLengthAtMost(node: object, key: LazyTextKey): number | null {
  const kept = lazyTextsOf.get(node)?.[key];
  if (kept) return kept.end - kept.start;
  const value = (node as Partial<Record<LazyTextKey, unknown>>)[key];
  return typeof value === 'string' ? value.length : null;
}

/**
 * At least the length of the longest of `node`'s input, output and error strings (0 when none
 * is a string), read as `textLengthAtMost` does but with one lookup for all three: what a check
 * of every span's sizes needs first.
 */
export function longestTextAtMost(node: object): number {
  const kept = lazyTextsOf.get(node);
  let longest = 0;
  for (const key of LAZY_TEXT_KEYS) {
    const text = kept?.[key];
    const value = text ? null : (node as Partial<Record<LazyTextKey, unknown>>)[key];
    const length = text ? text.end - text.start : typeof value === 'string' ? value.length : 0;
    if (length > longest) longest = length;
  }
  return longest;
}

/**
 * `node` with its fields in the order the server sent them, as plain data: a kept text's getter
 * is defined after the span's other fields, so without this a "Raw JSON" view would list it last.
 */
export function inSentOrder(node: object): Record<string, unknown> {
  const texts = lazyTextsOf.get(node);
  const record = node as Record<string, unknown>;
  if (!texts) return record;
  const kept = (Object.entries(texts) as [LazyTextKey, LazyText][]).sort(
    (a, b) => a[1].position - b[1].position,
  );
  const others = Object.keys(node).filter((key) => !Object.hasOwn(texts, key));
  const ordered: Record<string, unknown> = {};
  // Defined, not assigned: a member named "__proto__" stays a member.
  const put = (key: string) =>
    Object.defineProperty(ordered, key, {
      value: record[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  let next = 0;
  others.forEach((key, i) => {
    while (next < kept.length && (kept[next] as [LazyTextKey, LazyText])[1].position <= i) {
      put((kept[next++] as [LazyTextKey, LazyText])[0]);
    }
    put(key);
  });
  for (; next < kept.length; next++) put((kept[next] as [LazyTextKey, LazyText])[0]);
  return ordered;
}
