import { ByteList } from '../lib/byteList';
import type { JsonEscapes, JsonStringMatcher } from '../lib/foldedByteSearch';

/**
 * A span's long strings (its input, output and error: prompts and answers, often tens of kB
 * each and resent on every model call) kept as bytes in a few large buffers instead of as
 * JavaScript strings, and decoded only when something reads them (the panel, search, an
 * export). Bytes live outside the JavaScript heap, which is what lets a trace of several
 * hundred MB of prompts load at all (issue 13; ADR 0008).
 *
 * The worker's scanner leaves these strings out of each span's JSON text and copies their JSON
 * text, as the server's UTF-8 bytes between the quotes, to a batch's buffer (`LazyTextWriter`);
 * the page gives the parsed span a getter for each (`attachLazyTexts`). Readers see an ordinary
 * string property: `node.input` decodes and unescapes on access.
 */

/** The span fields that can hold long text. */
const LAZY_TEXT_KEYS = ['input', 'output', 'error'] as const;
export type LazyTextKey = (typeof LAZY_TEXT_KEYS)[number];

/** Index of `key` among the kept fields, or -1: what a ref records. */
export function lazyTextKeyIndex(key: string): number {
  return LAZY_TEXT_KEYS.indexOf(key as LazyTextKey);
}

/**
 * Strings whose JSON text is at least this many bytes long are kept as bytes. On generated
 * traces 2/3 of the JSON is in such strings; below it, a getter and its record cost more than
 * they save.
 */
export const LAZY_TEXT_MIN_BYTES = 256;

/**
 * Where each kept string is, REF_SIZE numbers each: key index, start and end of its bytes in
 * the batch's buffer, flags (REF_ESCAPED), and its position among the span's members.
 */
export type LazyTextRefs = ArrayLike<number>;
const REF_SIZE = 5;
/** The string's JSON text holds a backslash: it is unescaped when read. */
export const REF_ESCAPED = 1;

/**
 * Collects the kept strings of a batch in one buffer, as their JSON text between the quotes
 * (escapes and all), copied from the answer's bytes: nothing is decoded or encoded on the way
 * (decoding and re-encoding them was about half of the worker's time at 100,000 spans).
 */
export class LazyTextWriter {
  private readonly bytes = new ByteList();
  private added = false;

  /** Appends the bytes of `parts` as one string; returns where it starts and ends. */
  add(parts: readonly Uint8Array[]): [start: number, end: number] {
    const start = this.bytes.add(parts);
    this.added = true;
    return [start, this.bytes.length];
  }

  /** The bytes written since the last take (a copy of just that), or null if nothing was. */
  take(): Uint8Array | null {
    if (!this.added) return null;
    const bytes = this.bytes.view().slice();
    this.bytes.clear();
    this.added = false;
    return bytes;
  }
}

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
  bytes: Uint8Array;
  start: number;
  end: number;
  escaped: boolean;
  /** Whether its escapes are all the short ones (`\"`, `\n`…), once a search asked. */
  shortEscapesOnly?: boolean;
  position: number;
}

type LazyTexts = Partial<Record<LazyTextKey, LazyText>>;

/** Kept beside the spans rather than on them, so a span's own properties are what was sent. */
const lazyTextsOf = new WeakMap<object, LazyTexts>();
// `ignoreBOM`: a string that starts with U+FEFF keeps it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Whole buffers decoded while `readingManyTexts` runs, by buffer; null for a buffer that is not
 * all ASCII, where a byte offset is not a character offset and each string is decoded alone.
 */
let decodedBuffers: Map<Uint8Array, string | null> | null = null;

function bodyOf(text: LazyText): string {
  if (decodedBuffers === null) return decoder.decode(text.bytes.subarray(text.start, text.end));
  let whole = decodedBuffers.get(text.bytes);
  if (whole === undefined) {
    const decoded = decoder.decode(text.bytes);
    whole = decoded.length === text.bytes.length ? decoded : null;
    decodedBuffers.set(text.bytes, whole);
  }
  return whole === null
    ? decoder.decode(text.bytes.subarray(text.start, text.end))
    : whole.slice(text.start, text.end);
}

/** V8's longest string, in UTF-16 units. */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

/** What is shown of a text too long to be one string: its beginning. */
const TOO_LONG_SHOWN_BYTES = 1_000_000;

function decode(text: LazyText): string {
  const body = bodyOf(text);
  // Chromium's TextDecoder answers "" for a text longer than a string can be (2^29 - 24).
  if (body === '' && text.end > text.start) return beginningOf(text);
  return text.escaped ? unescapeJsonString(body) : body;
}

/** The beginning of a text too long for a string, after a line that says so. */
function beginningOf(text: LazyText): string {
  const end = Math.min(text.end, text.start + TOO_LONG_SHOWN_BYTES);
  const body = decoder.decode(text.bytes.subarray(text.start, end));
  const shown = text.escaped ? unescapeJsonString(body) : body;
  const megabytes = ((text.end - text.start) / 1e6).toFixed(1);
  return `[This text is ${megabytes} MB, more than a browser can hold as one string. Its first MB follows.]\n\n${shown}`;
}

/**
 * Runs `read`, which reads the texts of many spans (a search over all of them), with each
 * buffer decoded once as a whole rather than each string on its own: one decoder call per
 * batch instead of one per string. The decoded buffers are dropped when `read` returns.
 */
export function readingManyTexts<T>(read: () => T): T {
  if (decodedBuffers !== null) return read();
  decodedBuffers = new Map();
  try {
    return read();
  } finally {
    decodedBuffers = null;
  }
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
export function attachLazyTexts(node: object, bytes: Uint8Array, refs: LazyTextRefs): void {
  const texts: LazyTexts = {};
  for (let i = 0; i + REF_SIZE <= refs.length; i += REF_SIZE) {
    const keyIndex = refs[i] as number;
    const key = LAZY_TEXT_KEYS[keyIndex];
    if (key === undefined) continue;
    texts[key] = {
      bytes,
      start: refs[i + 1] as number,
      end: refs[i + 2] as number,
      escaped: ((refs[i + 3] as number) & REF_ESCAPED) !== 0,
      position: refs[i + 4] as number,
    };
    Object.defineProperty(node, key, ACCESSORS[keyIndex] as PropertyDescriptor);
  }
  lazyTextsOf.set(node, texts);
}

const BACKSLASH = 0x5c;

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
  let escapes: JsonEscapes = kept.escaped ? 'any' : 'none';
  if (kept.escaped && matcher.needsEscapeForm) {
    kept.shortEscapesOnly ??= hasShortEscapesOnly(kept.bytes, kept.start, kept.end);
    if (kept.shortEscapesOnly) escapes = 'short';
  }
  return matcher.match(kept.bytes, kept.start, kept.end, escapes);
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
