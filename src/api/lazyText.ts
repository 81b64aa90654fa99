/**
 * A span's long strings (its input, output and error: prompts and answers, often tens of kB
 * each and resent on every model call) kept as UTF-8 bytes in a few large buffers instead of as
 * JavaScript strings, and decoded only when something reads them (the panel, search, an
 * export). Bytes live outside the JavaScript heap, which is what lets a trace of several
 * hundred MB of prompts load at all (issue 13; ADR 0008).
 *
 * The worker cuts these strings out of each span's JSON text (`cutLongStrings`) and appends
 * them to a batch's buffer (`LazyTextWriter`); the page gives the parsed span a getter for each
 * (`attachLazyTexts`). Readers see an ordinary string property: `node.input` decodes on access.
 */

/** The span fields that can hold long text. */
const LAZY_TEXT_KEYS = ['input', 'output', 'error'] as const;
export type LazyTextKey = (typeof LAZY_TEXT_KEYS)[number];

/**
 * Strings whose JSON text is at least this long are kept as bytes. On generated traces 2/3 of
 * the JSON is in such strings; below it, a getter and its record cost more than they save.
 */
export const LAZY_TEXT_MIN_CHARS = 256;

export interface CutString {
  key: LazyTextKey;
  value: string;
  /** Members left in the text before it: where it was sent. */
  position: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

/** The index after the string that opens at `pos`, or -1 if it does not close. */
function stringEnd(text: string, pos: number): number {
  let from = pos + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return -1;
    let before = quote - 1;
    while (text.charCodeAt(before) === BACKSLASH) before--;
    // An even run of backslashes escapes itself, not the quote.
    if ((quote - 1 - before) % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** The index after the value that starts at `pos`, or -1 if it does not end. */
function valueEnd(text: string, pos: number): number {
  const first = text.charCodeAt(pos);
  if (first === QUOTE) return stringEnd(text, pos);
  if (first === 0x7b || first === 0x5b) {
    let depth = 0;
    while (pos < text.length) {
      const code = text.charCodeAt(pos);
      if (code === QUOTE) {
        pos = stringEnd(text, pos);
        if (pos === -1) return -1;
        continue;
      }
      if (code === 0x7b || code === 0x5b) depth++;
      else if (code === 0x7d || code === 0x5d) {
        depth--;
        if (depth === 0) return pos + 1;
      }
      pos++;
    }
    return -1;
  }
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === 0x2c || code === 0x7d || code === 0x5d || isSpace(code)) return pos;
    pos++;
  }
  return pos;
}

/** A lone surrogate (`"\ud800"` is valid JSON) would not survive UTF-8: such strings stay. */
const LONE_SURROGATE = /\p{Cs}/u;

function isLazyKey(key: string): key is LazyTextKey {
  return key === 'input' || key === 'output' || key === 'error';
}

/**
 * `text`, one JSON object, without its long `input`/`output`/`error` strings, and those strings.
 * Null when there is nothing to cut, or when the text is not a plain object this scan can
 * follow (escaped keys, bad JSON): then it is left whole, and validation says what is wrong.
 */
export function cutLongStrings(
  text: string,
  minChars = LAZY_TEXT_MIN_CHARS,
): { text: string; cuts: CutString[] } | null {
  // Cheap exit: a text shorter than the threshold holds no long string.
  if (text.length < minChars) return null;
  let pos = skipSpace(text, 0);
  if (text.charCodeAt(pos) !== 0x7b) return null;
  pos++;
  /** Start and end of each member's text. */
  const members: number[] = [];
  /** Members left out, by index in `members / 2`. */
  const cutMembers = new Set<number>();
  const cuts = new Map<LazyTextKey, { member: number; value: string }>();
  for (;;) {
    pos = skipSpace(text, pos);
    const code = text.charCodeAt(pos);
    if (code === 0x7d && members.length === 0) break;
    if (code !== QUOTE) return null;
    const keyStart = pos;
    const keyEnd = stringEnd(text, pos);
    if (keyEnd === -1) return null;
    const key = keyEnd - keyStart <= 8 ? text.slice(keyStart + 1, keyEnd - 1) : '';
    if (key.includes('\\')) return null;
    pos = skipSpace(text, keyEnd);
    if (text.charCodeAt(pos) !== 0x3a) return null;
    pos = skipSpace(text, pos + 1);
    const valueStart = pos;
    const end = valueEnd(text, pos);
    if (end === -1) return null;
    const member = members.length / 2;
    members.push(keyStart, end);
    if (isLazyKey(key)) {
      // A later member of the same name wins in JSON.parse; so it does here.
      const earlier = cuts.get(key);
      if (earlier) cuts.delete(key);
      if (text.charCodeAt(valueStart) === QUOTE && end - valueStart >= minChars) {
        const value = JSON.parse(text.slice(valueStart, end)) as string;
        if (!LONE_SURROGATE.test(value)) {
          cuts.set(key, { member, value });
          cutMembers.add(member);
        }
      }
    }
    pos = skipSpace(text, end);
    const next = text.charCodeAt(pos);
    pos++;
    if (next === 0x2c) continue;
    if (next === 0x7d) break;
    return null;
  }
  if (cuts.size === 0) return null;
  const kept: string[] = [];
  /** Members kept before each member. */
  const keptBefore: number[] = [];
  for (let member = 0; member < members.length / 2; member++) {
    keptBefore.push(kept.length);
    if (!cutMembers.has(member)) {
      kept.push(text.slice(members[member * 2], members[member * 2 + 1]));
    }
  }
  return {
    text: `{${kept.join(',')}}`,
    cuts: [...cuts].map(([key, { member, value }]) => ({
      key,
      value,
      position: keptBefore[member] as number,
    })),
  };
}

/** Collects cut strings as UTF-8 in one buffer per batch; the buffer crosses to the page. */
export class LazyTextWriter {
  private static readonly INITIAL_BYTES = 64 * 1024;
  private buffer = new Uint8Array(LazyTextWriter.INITIAL_BYTES);
  private used = 0;
  private added = false;
  private readonly encoder = new TextEncoder();

  /** UTF-16 units written since the last take: where the next string starts once decoded. */
  private chars = 0;

  /**
   * Appends `value`; returns where its bytes start and end in this batch's buffer, and where it
   * starts in the buffer's text (strings are written back to back).
   */
  add(value: string): [start: number, end: number, offset: number] {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const need = this.used + value.length * 3;
    if (need > this.buffer.length) {
      const grown = new Uint8Array(Math.max(need, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.used));
      this.buffer = grown;
    }
    const start = this.used;
    const offset = this.chars;
    this.added = true;
    this.chars += value.length;
    // ASCII byte by byte, the encoder from the first other character on: prompts are mostly
    // ASCII, and in Chromium this loop is several times faster than `encodeInto` on a string
    // it meets for the first time (1.3 s of the worker's 4.8 s at 100,000 spans).
    const buffer = this.buffer;
    let at = start;
    let i = 0;
    for (; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code >= 0x80) break;
      buffer[at++] = code;
    }
    if (i < value.length) {
      at += this.encoder.encodeInto(value.slice(i), buffer.subarray(at)).written;
    }
    this.used = at;
    return [start, at, offset];
  }

  /** The bytes written since the last take (a copy of just that), or null if nothing was. */
  take(): Uint8Array | null {
    if (!this.added) return null;
    const bytes = this.buffer.slice(0, this.used);
    this.used = 0;
    this.chars = 0;
    this.added = false;
    if (this.buffer.length > 16 * LazyTextWriter.INITIAL_BYTES) {
      this.buffer = new Uint8Array(LazyTextWriter.INITIAL_BYTES);
    }
    return bytes;
  }
}

/**
 * Where each cut string is, six numbers each: key index, start and end of its bytes, its offset
 * and length in UTF-16 units in the buffer's decoded text, and its position among the members.
 */
export type LazyTextRefs = ArrayLike<number>;
const REF_SIZE = 6;

/** `cuts` written to `writer`, as refs for the span's record. */
export function writeCuts(writer: LazyTextWriter, cuts: readonly CutString[]): number[] {
  const refs: number[] = [];
  for (const { key, value, position } of cuts) {
    const [start, end, offset] = writer.add(value);
    refs.push(LAZY_TEXT_KEYS.indexOf(key), start, end, offset, value.length, position);
  }
  return refs;
}

interface LazyText {
  bytes: Uint8Array;
  start: number;
  end: number;
  offset: number;
  length: number;
  position: number;
}

type LazyTexts = Partial<Record<LazyTextKey, LazyText>>;

/** Kept beside the spans rather than on them, so a span's own properties are what was sent. */
const lazyTextsOf = new WeakMap<object, LazyTexts>();
// `ignoreBOM`: a string that starts with U+FEFF keeps it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Whole buffers decoded while `readingManyTexts` runs, by buffer. */
let decodedBuffers: Map<Uint8Array, string> | null = null;

function decode(text: LazyText): string {
  if (decodedBuffers === null) return decoder.decode(text.bytes.subarray(text.start, text.end));
  let whole = decodedBuffers.get(text.bytes);
  if (whole === undefined) {
    whole = decoder.decode(text.bytes);
    decodedBuffers.set(text.bytes, whole);
  }
  return whole.slice(text.offset, text.offset + text.length);
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

/** Gives `node` a string property for each cut string in `refs`, read from `bytes`. */
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
      offset: refs[i + 3] as number,
      length: refs[i + 4] as number,
      position: refs[i + 5] as number,
    };
    Object.defineProperty(node, key, ACCESSORS[keyIndex] as PropertyDescriptor);
  }
  lazyTextsOf.set(node, texts);
}

/**
 * Whether `node[key]`, when it is kept as bytes, holds what `matches` looks for (read in the
 * bytes, not decoded); null when it is not kept as bytes.
 */
export function keptTextMatches(
  node: object,
  key: LazyTextKey,
  matches: (bytes: Uint8Array, start: number, end: number) => boolean,
): boolean | null {
  const kept = lazyTextsOf.get(node)?.[key];
  return kept ? matches(kept.bytes, kept.start, kept.end) : null;
}

/**
 * The length of `node[key]` when it is a string, read without decoding a kept one; null
 * otherwise. For checks that scan every span (sizes), which should not decode them all.
 */
export function textLength(node: object, key: LazyTextKey): number | null {
  const kept = lazyTextsOf.get(node)?.[key];
  if (kept) return kept.length;
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
