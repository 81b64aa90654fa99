import { ByteList } from '../lib/byteList';
import { asciiJsonText } from '../lib/jsonText';
import { ChunkedBytes, decodeUtf8 } from '../lib/chunkedBytes';
import { LAZY_TEXT_KEYS, LAZY_TEXT_MIN_BYTES } from './lazyText';
import {
  NODE_FIELDS,
  NODE_PARTIAL,
  NODE_STREAMED,
  type StreamedHead,
  type TraceBatch,
  type TraceStreamEnd,
} from './traceBatch';

/**
 * Reads the answer of GET /traces/{id} as its bytes arrive, without ever holding it as one
 * string (a browser cannot hold a string much over 512 MB: V8's limit).
 *
 * A scanner follows the JSON structure just enough to find the trace object's `tree` array and
 * each span's `spans` array. Everything else (a span's own fields, the trace's fields) comes out
 * as one small JSON text per object, with the child array replaced by `[]`:
 * `{"id": "a", …, "spans": [], "metadata": {…}}`, for the native `JSON.parse` and the same
 * validation as the whole-answer parser (traceAssembler.ts). Spans come out when their object
 * closes (children before parents: a span's fields can follow its children); `onOpen` says
 * where each one sits as soon as it starts, so a JSON path can be named for any of them.
 * The scanner runs in a worker. It reads texts as ranges of the answer's bytes, and keeps each
 * chunk only while a text it is reading may still need it: the chunks go on to the page as they
 * came, where the long strings left out of the spans' texts are read (lazyText.ts).
 */

/**
 * A text as the parser reads it: ranges, two numbers each. [start, end) offsets of the
 * answer's bytes (after a byte order mark); from SIDE_BASE on, of the parser's own copies (a
 * span's fields before its children, kept while the children stream past); or, for the few
 * bytes the parser writes itself, a negative code twice (TEXT_PIECES).
 */
type Ranges = number[];

/** Where the parser's own copies are addressed: past any answer. */
const SIDE_BASE = 2 ** 50;
/**
 * The parser's own pieces of text: a span's children are replaced by `"spans":[]`, the trace's
 * by `"tree":[]`, and a cut-off object is closed.
 */
const TEXT_PIECES = ['"tree":[]', '"spans":[]', '}', '{}'].map((text) =>
  new TextEncoder().encode(text),
);
const PIECE_TREE = -1;
const PIECE_SPANS = -2;
const PIECE_CLOSE = -3;
const PIECE_EMPTY_OBJECT = -4;

/** A span's long string, left out of its JSON text and kept as the bytes the server sent. */
interface KeptString {
  /** Which field: its index in `LAZY_TEXT_KEYS`. */
  key: number;
  /** Its JSON text between the quotes: a range of the answer's bytes. */
  start: number;
  end: number;
  /** Members of the span's text before it: where it was sent. */
  position: number;
}

/** One span as it was read: its place in the tree, and its fields. */
export interface StreamedNode {
  /** Order in which the span's object opened (pre-order), 0-based. */
  seq: number;
  /** `seq` of the parent span; -1 for a root (an element of `tree`). */
  parent: number;
  /** Position among its siblings. */
  index: number;
  /**
   * The JSON text of its fields (`TraceStreamParser.text` reads it, during `onNode`), without
   * its kept strings. When `streamed`, its `spans` is an empty placeholder for the children,
   * which were emitted before it with this node's `seq` as `parent`.
   */
  text: Ranges;
  /** Its long `input`, `output` and `error` strings, left out of `text`. */
  kept: KeptString[];
  streamed: boolean;
  /** Cut off: the members that had arrived whole. Left out, not an error, if they do not do. */
  partial: boolean;
}

export interface TraceStreamParser {
  /** Reads the next bytes; calls `onNode` for every span that completes in them. */
  push(chunk: Uint8Array): void;
  /**
   * The answer ended. A cut-off answer emits the spans that were open, with the fields that had
   * arrived, when those are valid, so what arrived can still be shown.
   */
  end(): TraceStreamEnd;
  /** Appends a text the parser just handed out (a node's or a head's) to `list`. */
  copyText(text: Ranges, list: ByteList): void;
  /** Decodes a text the parser just handed out. */
  decode(text: Ranges): string;
  /** The chunks read that no text still being read needs, oldest first: handed on. */
  release(): Uint8Array[];
}

const TOP = 0;
const NODE = 1;
const TREE = 2;
const SPANS = 3;
/** A `tree`/`spans` element that is not an object: read whole, so validation can say so. */
const RAW_NODE = 4;
/** The answer is not an object at all: read whole and parsed by the caller's rules. */
const RAW_TOP = 5;

/** A long string of a span's, as the scanner found it (absolute offsets). */
interface Kept {
  key: number;
  /** Its text between the quotes. */
  bodyStart: number;
  bodyEnd: number;
  position: number;
  /** Whether it ended in the part of the span's text taken so far (before the children). */
  isTaken: boolean;
}

interface Frame {
  kind: number;
  seq: number;
  parent: number;
  index: number;
  /** Elements seen so far (arrays). */
  count: number;
  /** Where the object's own text being collected starts (objects and raw values), or -1. */
  textStart: number;
  /** The object's text before its `spans` (or `tree`) key, once that array started: a copy. */
  prefix: Ranges | null;
  /** Absolute offset where the suffix after the child array starts. */
  suffixStart: number;
  /** Absolute offset of the key being read, and whether it names the child array. */
  keyStart: number;
  keyIsChildren: boolean;
  /** Absolute offset of the last comma between this object's members (for a cut-off). */
  lastComma: number;
  /** Members begun so far, and how many of them are left out of the text (kept strings). */
  members: number;
  leftOut: number;
  /** The comma before the current key, or -1 when no member before it is in the text. */
  keyComma: number;
  /** The current key, when it names a field kept as bytes (its index in `LAZY_TEXT_KEYS`), or -1. */
  keyLazy: number;
  /** Ranges of the collected text left out, [from, to) pairs in order, or null. */
  left: number[] | null;
  /** The last range left out a member with none before it: the comma after it goes too. */
  commaPending: boolean;
  kept: Kept[] | null;
}

// Modes of the scanner, between one byte and the next.
const VALUE = 0;
const KEY_OR_CLOSE = 1;
const KEY = 2;
const IN_KEY = 3;
const COLON = 4;
const AFTER = 5;
const ELEM_OR_CLOSE = 6;
const SKIP = 7;
const DONE = 8;
/** After a comma in `tree`/`spans`: an element must follow. */
const ELEM = 9;

const QUOTE = 0x22;

/**
 * A key up to KEY_CODE_BYTES bytes long as small integers: its first three bytes in base 256,
 * its next three, and its length. Only short keys matter here ("tree", "spans", "input",
 * "output", "error"); longer ones match none. Not a string per key byte (millions of small
 * strings at 100,000 spans), and not one number of 48 bits either: a double is a heap number
 * each time it is stored or looked up (40 MB of them in a 100,000-span answer).
 */
const KEY_CODE_BYTES = 6;
const KEY_HALF_BYTES = 3;
interface KeyCode {
  high: number;
  low: number;
  length: number;
}
function keyCodeOf(name: string): KeyCode {
  const code = { high: 0, low: 0, length: name.length };
  for (let i = 0; i < name.length; i++) {
    if (i < KEY_HALF_BYTES) code.high = code.high * 256 + name.charCodeAt(i);
    else code.low = code.low * 256 + name.charCodeAt(i);
  }
  return code;
}
const TREE_KEY = keyCodeOf('tree');
const SPANS_KEY = keyCodeOf('spans');
/** The fields kept as bytes, by their index in `LAZY_TEXT_KEYS`. */
const LAZY_KEY_CODES = LAZY_TEXT_KEYS.map(keyCodeOf);
const BACKSLASH = 0x5c;
/** How far a string is read byte by byte before `indexOf` takes over. */
const SHORT_STRING_BYTES = 64;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];
/** A piece of text the parser writes (TEXT_PIECES), as a range. */
const piece = (code: number) => [code, code];

/** Drops the kept strings of field `key` (in place: no closure, no new array per key read). */
function dropKept(kept: Kept[], key: number): void {
  let count = 0;
  for (const one of kept) if (one.key !== key) kept[count++] = one;
  kept.length = count;
}

/** Backslashes right before `at`, from `from` on. */
function backslashesBefore(buf: Uint8Array, at: number, from: number): number {
  let count = 0;
  while (at - count > from && buf[at - count - 1] === BACKSLASH) count++;
  return count;
}

function concatBytes(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}

/** The ranges of [start, end) without the ranges in `left` ([from, to) pairs, in order). */
function rangesOf(start: number, end: number, left: number[] | null): number[] {
  const out: number[] = [];
  let from = start;
  if (left) {
    for (let i = 0; i + 1 < left.length; i += 2) {
      const to = Math.min(left[i] as number, end);
      if (to > from) out.push(from, to);
      from = Math.max(from, left[i + 1] as number);
    }
  }
  if (end > from) out.push(from, end);
  return out;
}

export function createTraceStreamParser(options: {
  onNode: (node: StreamedNode) => void;
  /** Strings of `input`, `output` and `error` whose JSON text is this long are kept as bytes. */
  keepFromBytes?: number;
  /** A span's object (or a non-object element) opened at `index` below the span `parent`. */
  onOpen?: (seq: number, parent: number, index: number) => void;
  /** A span's fields before its children, when its `spans` array opens (see StreamedHead). */
  onHead?: (seq: number, parent: number, text: Ranges) => void;
}): TraceStreamParser {
  const { onNode, onOpen, onHead, keepFromBytes = LAZY_TEXT_MIN_BYTES } = options;
  /** The answer's chunks that a text being read may still need. */
  const held = new ChunkedBytes();
  /** Copies of the prefixes of the objects open (a stack: they close in reverse order). */
  const side = new ByteList();
  const scratch = new ByteList();
  const frames: Frame[] = [];
  let mode = VALUE;
  let nextSeq = 0;
  /** Absolute offset of the current chunk's first byte. */
  let chunkStart = 0;
  /** The answer's first bytes, while they may still be a byte order mark (dropped, as
   * `response.json()` does); null once past them. */
  let start: Uint8Array | null = new Uint8Array(0);
  let seenBytes = false;
  let rawTopText: string | null = null;
  let topText: string | null = null;
  // The key being read, as numbers (see `keyCodeOf`): no string is built per key byte.
  let keyHigh = 0;
  let keyLow = 0;
  let keyLength = 0;
  let keyEscaped = false;
  // Skipping a value: nesting depth, inside a string, after a backslash, a bare literal.
  let skipDepth = 0;
  let skipInString = false;
  let escaped = false;
  let skipLiteral = false;
  /** Absolute offset of the opening quote of a string that may be kept, or -1. */
  let keepFrom = -1;

  const top = () => frames[frames.length - 1];

  function frame(kind: number, textStart: number): Frame {
    return {
      kind,
      seq: -1,
      parent: -1,
      index: -1,
      count: 0,
      textStart,
      prefix: null,
      suffixStart: -1,
      keyStart: -1,
      keyIsChildren: false,
      lastComma: -1,
      members: 0,
      leftOut: 0,
      keyComma: -1,
      keyLazy: -1,
      left: null,
      commaPending: false,
      kept: null,
    };
  }

  function syntaxError(at: number): never {
    throw new SyntaxError(`Unexpected byte in JSON at position ${at}`);
  }

  /** Takes `f`'s kept strings that end by `end`; drops any after it. */
  function takeKept(f: Frame, end: number): void {
    const kept = f.kept;
    if (!kept) return;
    let count = 0;
    for (const one of kept) {
      if (!one.isTaken) {
        if (one.bodyEnd >= end) continue;
        one.isTaken = true;
      }
      kept[count++] = one;
    }
    kept.length = count;
  }

  function emit(f: Frame, text: Ranges, streamed: boolean, partial = false): void {
    const kept: KeptString[] = [];
    for (const { key, bodyStart, bodyEnd, position, isTaken } of f.kept ?? []) {
      if (isTaken) kept.push({ key, start: bodyStart, end: bodyEnd, position });
    }
    onNode({ seq: f.seq, parent: f.parent, index: f.index, text, kept, streamed, partial });
    dropPrefix(f);
  }

  /** `f` is done: its prefix, the last copy on the stack, goes. */
  function dropPrefix(f: Frame): void {
    if (f.prefix !== null && f.prefix.length === 2)
      side.truncate((f.prefix[0] as number) - SIDE_BASE);
  }

  function copyText(text: Ranges, list: ByteList): void {
    for (let r = 0; r + 1 < text.length; r += 2) {
      const start = text[r] as number;
      const end = text[r + 1] as number;
      if (start < 0) list.push(TEXT_PIECES[-start - 1] as Uint8Array);
      else if (start >= SIDE_BASE) side.copyTo(list, start - SIDE_BASE, end - SIDE_BASE);
      else held.copyTo(list, start, end);
    }
  }

  function decode(text: Ranges): string {
    scratch.clear();
    copyText(text, scratch);
    return decodeUtf8(scratch.view());
  }

  /** The element at `pos` of a `tree` or `spans` array starts. */
  function startElement(array: Frame, byte: number, pos: number): void {
    const parent = frames.length >= 2 ? (frames[frames.length - 2] as Frame) : null;
    const index = array.count++;
    const seq = nextSeq++;
    const parentSeq = array.kind === SPANS && parent ? parent.seq : -1;
    onOpen?.(seq, parentSeq, index);
    const f = frame(byte === 0x7b ? NODE : RAW_NODE, pos);
    f.seq = seq;
    f.parent = parentSeq;
    f.index = index;
    frames.push(f);
    if (byte === 0x7b) mode = KEY_OR_CLOSE;
    else beginSkip(byte);
  }

  function beginSkip(byte: number): void {
    mode = SKIP;
    skipDepth = 0;
    skipInString = false;
    escaped = false;
    skipLiteral = false;
    if (byte === QUOTE) skipInString = true;
    else if (byte === 0x7b || byte === 0x5b) skipDepth = 1;
    else skipLiteral = true;
  }

  /** A skipped value ended just before `end` (absolute). */
  function endSkip(end: number): void {
    const f = top() as Frame;
    if (f.kind === RAW_NODE) {
      frames.pop();
      emit(f, rangesOf(f.textStart, end, null), false);
      mode = AFTER;
    } else if (f.kind === RAW_TOP) {
      rawTopText = decode(rangesOf(f.textStart, end, null));
      frames.pop();
      mode = DONE;
    } else {
      if (keepFrom !== -1 && end - keepFrom >= keepFromBytes) keep(f, keepFrom, end);
      keepFrom = -1;
      mode = AFTER;
    }
  }

  /**
   * The string member that just ended at `end` (its quote at `from`) is left out of the span's
   * text and kept as bytes. A later member of the same name replaces it, as in `JSON.parse`
   * (one whose key is written with escapes is not recognised: the kept one wins then).
   */
  function keep(f: Frame, from: number, end: number): void {
    const left = (f.left ??= []);
    // The comma before it goes with it; the first member in the text takes the one after it.
    const isFirst = f.members - 1 === f.leftOut;
    left.push(isFirst ? f.keyStart : f.keyComma, end);
    f.commaPending = isFirst;
    (f.kept ??= []).push({
      key: f.keyLazy,
      bodyStart: from + 1,
      bodyEnd: end - 1,
      position: f.members - 1 - f.leftOut,
      isTaken: false,
    });
    f.leftOut++;
  }

  /** An object's `}` at absolute offset `at`. */
  function closeObject(f: Frame, at: number): void {
    frames.pop();
    takeKept(f, at);
    const own = rangesOf(f.textStart, at + 1, f.left);
    const streamed = f.prefix !== null;
    const text = streamed
      ? [...(f.prefix as number[]), ...piece(f.kind === TOP ? PIECE_TREE : PIECE_SPANS), ...own]
      : own;
    if (f.kind === TOP) {
      topText = decode(text);
      mode = DONE;
      return;
    }
    emit(f, text, streamed);
    mode = AFTER;
  }

  /** Scans a string's body from `pos`; returns the index after its closing quote, or -1. */
  function scanString(buf: Uint8Array, pos: number): number {
    const len = buf.length;
    if (escaped) {
      if (pos >= len) return -1;
      pos++;
      escaped = false;
    }
    for (;;) {
      // Read byte by byte for a while: most strings are short (keys, ids, times), and prompts
      // are dense with escaped quotes; for both, a loop beats a call to `indexOf` per quote.
      const near = Math.min(len, pos + SHORT_STRING_BYTES);
      for (; pos < near; pos++) {
        const byte = buf[pos] as number;
        if (byte === QUOTE) return pos + 1;
        if (byte === BACKSLASH) {
          pos++;
          if (pos === len) {
            escaped = true;
            return -1;
          }
        }
      }
      if (pos >= len) return -1;
      // Then jump to the next quote: it ends the string after an even run of backslashes
      // (escaped backslashes), and is escaped after an odd one.
      const quote = buf.indexOf(QUOTE, pos);
      if (quote === -1) {
        escaped = backslashesBefore(buf, len, pos) % 2 === 1;
        return -1;
      }
      if (backslashesBefore(buf, quote, pos) % 2 === 0) return quote + 1;
      pos = quote + 1;
    }
  }

  function push(bytes: Uint8Array): void {
    if (start !== null) {
      const joined = concatBytes(start, bytes);
      let matched = 0;
      while (matched < Math.min(joined.length, 3) && joined[matched] === BYTE_ORDER_MARK[matched]) {
        matched++;
      }
      if (matched === joined.length && matched < 3) {
        start = joined;
        return;
      }
      start = null;
      bytes = matched === 3 ? joined.subarray(3) : joined;
    }
    if (bytes.length > 0) read(bytes);
  }

  /** Scans the next bytes of the answer. Offsets count bytes from its start. */
  function read(buf: Uint8Array): void {
    held.append(buf);
    const len = buf.length;
    let pos = 0;
    while (pos < len) {
      const byte = buf[pos] as number;
      switch (mode) {
        case SKIP: {
          if (skipInString) {
            const after = scanString(buf, pos);
            if (after === -1) {
              pos = len;
              continue;
            }
            pos = after;
            skipInString = false;
            if (skipDepth === 0) endSkip(chunkStart + pos);
            continue;
          }
          if (skipLiteral) {
            if (
              byte === 0x2c ||
              byte === 0x7d ||
              byte === 0x5d ||
              byte === 0x20 ||
              byte === 0x0a ||
              byte === 0x0d ||
              byte === 0x09
            ) {
              skipLiteral = false;
              endSkip(chunkStart + pos);
              continue; // the delimiter belongs to the container
            }
            pos++;
            continue;
          }
          // Inside a container being skipped: on to the next quote or bracket in one loop (the
          // separators, numbers and literals between them need no other look).
          let next = byte;
          while (
            next !== QUOTE &&
            next !== 0x7b &&
            next !== 0x5b &&
            next !== 0x7d &&
            next !== 0x5d
          ) {
            pos++;
            if (pos === len) break;
            next = buf[pos] as number;
          }
          if (pos === len) continue;
          if (next === QUOTE) skipInString = true;
          else if (next === 0x7b || next === 0x5b) skipDepth++;
          else {
            skipDepth--;
            if (skipDepth === 0) {
              pos++;
              endSkip(chunkStart + pos);
              continue;
            }
          }
          pos++;
          continue;
        }
        case IN_KEY: {
          if (escaped) {
            escaped = false;
            pos++;
            continue;
          }
          if (byte === BACKSLASH) {
            keyEscaped = true;
            escaped = true;
            pos++;
            continue;
          }
          if (byte === QUOTE) {
            const f = top() as Frame;
            f.keyIsChildren = !keyEscaped && isKey(f.kind === TOP ? TREE_KEY : SPANS_KEY);
            if (f.kind === NODE) readNodeKey(f);
            mode = COLON;
          } else {
            if (keyLength < KEY_HALF_BYTES) keyHigh = keyHigh * 256 + byte;
            else if (keyLength < KEY_CODE_BYTES) keyLow = keyLow * 256 + byte;
            keyLength++;
          }
          pos++;
          continue;
        }
        default:
          break;
      }
      // Between tokens: whitespace is skipped everywhere.
      if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) {
        pos++;
        continue;
      }
      const at = chunkStart + pos;
      seenBytes = true;
      const f = top();
      switch (mode) {
        case VALUE: {
          if (!f) {
            // The answer itself.
            if (byte === 0x7b) {
              frames.push(frame(TOP, at));
              mode = KEY_OR_CLOSE;
              pos++;
            } else {
              frames.push(frame(RAW_TOP, at));
              beginSkip(byte);
              pos++;
            }
            continue;
          }
          if (f.keyIsChildren && byte === 0x5b) {
            openChildren(f);
            pos++;
            continue;
          }
          beginSkip(byte);
          if (byte === QUOTE && f.keyLazy !== -1) keepFrom = at;
          pos++;
          continue;
        }
        case KEY_OR_CLOSE:
        case KEY: {
          const obj = f as Frame;
          if (byte === QUOTE) {
            obj.keyStart = at;
            obj.keyComma = mode === KEY ? obj.lastComma : -1;
            obj.members++;
            obj.keyIsChildren = false;
            obj.keyLazy = -1;
            keyHigh = 0;
            keyLow = 0;
            keyLength = 0;
            keyEscaped = false;
            escaped = false;
            mode = IN_KEY;
            pos++;
            continue;
          }
          if (byte === 0x7d && mode === KEY_OR_CLOSE) {
            closeObject(obj, at);
            pos++;
            continue;
          }
          syntaxError(at);
          break;
        }
        case COLON: {
          if (byte !== 0x3a) syntaxError(at);
          mode = VALUE;
          pos++;
          continue;
        }
        case ELEM:
        case ELEM_OR_CLOSE: {
          const array = f as Frame;
          if (byte === 0x5d) {
            if (mode === ELEM) syntaxError(at);
            closeArray(at);
            pos++;
            continue;
          }
          startElement(array, byte, at);
          pos++;
          continue;
        }
        case AFTER: {
          const container = f as Frame;
          if (container.kind === TREE || container.kind === SPANS) {
            if (byte === 0x2c) {
              mode = ELEM;
              pos++;
              continue;
            }
            if (byte === 0x5d) {
              closeArray(at);
              pos++;
              continue;
            }
            syntaxError(at);
          }
          if (byte === 0x2c) {
            if (container.commaPending) {
              const left = container.left as number[];
              left[left.length - 1] = at + 1;
              container.commaPending = false;
            }
            container.lastComma = at;
            mode = KEY;
            pos++;
            continue;
          }
          if (byte === 0x7d) {
            closeObject(container, at);
            pos++;
            continue;
          }
          syntaxError(at);
          break;
        }
        case DONE:
          syntaxError(at);
          break;
      }
    }
    chunkStart += len;
  }

  /** Whether the key just read is `code`'s (escapes aside: the caller checks those). */
  function isKey(code: KeyCode): boolean {
    return keyLength === code.length && keyHigh === code.high && keyLow === code.low;
  }

  /** A span's key was read: whether its string is one to keep as bytes. */
  function readNodeKey(f: Frame): void {
    if (keyEscaped || keyLength > KEY_CODE_BYTES) return;
    let key = 0;
    while (key < LAZY_KEY_CODES.length && !isKey(LAZY_KEY_CODES[key] as KeyCode)) key++;
    if (key === LAZY_KEY_CODES.length) return;
    f.keyLazy = key;
    // A later member of the same name wins: an earlier one kept is dropped (still left out).
    if (f.kept) dropKept(f.kept, key);
  }

  /** The `tree` or `spans` array of `f` opens: the object's text so far is its prefix. */
  function openChildren(f: Frame): void {
    if (f.prefix !== null) syntaxError(chunkStart); // a second one: not something a server sends
    takeKept(f, f.keyStart);
    // Copied: the chunks it is in can go on while the children stream past.
    const sideStart = side.length;
    copyText(rangesOf(f.textStart, f.keyStart, f.left), side);
    f.prefix = [SIDE_BASE + sideStart, SIDE_BASE + side.length];
    f.left = null;
    f.textStart = -1;
    if (f.kind === NODE && onHead) {
      onHead(f.seq, f.parent, [...f.prefix, ...piece(PIECE_SPANS), ...piece(PIECE_CLOSE)]);
    }
    frames.push(frame(f.kind === TOP ? TREE : SPANS, -1));
    mode = ELEM_OR_CLOSE;
  }

  /** The `]` of a `tree` or `spans` array at absolute offset `at`. */
  function closeArray(at: number): void {
    frames.pop();
    const owner = top() as Frame;
    owner.textStart = at + 1;
    owner.suffixStart = at + 1;
    owner.keyIsChildren = false;
    mode = AFTER;
  }

  function end(): TraceStreamEnd {
    if (start !== null) {
      const rest = start;
      start = null;
      if (rest.length > 0) read(rest);
    }
    if (mode === SKIP && skipLiteral && frames.length === 1 && top()?.kind === RAW_TOP) {
      // A bare literal as the whole answer (`42`) ends with the answer.
      endSkip(chunkStart);
    }
    if (rawTopText !== null) {
      // Not an object: the caller's whole-answer rules say what is wrong with it.
      return { fieldsText: rawTopText, truncated: false, isEmpty: false };
    }
    if (mode === DONE) return { fieldsText: topText, truncated: false, isEmpty: false };
    if (!seenBytes) return { fieldsText: null, truncated: false, isEmpty: true };
    return { fieldsText: flushCutOff(), truncated: true, isEmpty: false };
  }

  /**
   * Emits the spans still open when the answer stopped, innermost first, with the members that
   * had arrived whole (up to the last comma), and returns the trace's fields read so far.
   */
  function flushCutOff(): string | null {
    let fields: string | null = null;
    while (frames.length > 0) {
      const f = frames.pop() as Frame;
      if (f.kind !== NODE && f.kind !== TOP) continue;
      const children = piece(f.kind === TOP ? PIECE_TREE : PIECE_SPANS);
      const close = piece(PIECE_CLOSE);
      let text: Ranges;
      if (f.prefix === null) {
        // Still before the child array: the members up to the last comma.
        if (f.lastComma > 0 && f.textStart !== -1) {
          takeKept(f, f.lastComma);
          text = [...rangesOf(f.textStart, f.lastComma, f.left), ...close];
        } else {
          f.kept = null;
          text = piece(PIECE_EMPTY_OBJECT);
        }
      } else if (f.textStart !== -1 && f.lastComma >= f.suffixStart) {
        takeKept(f, f.lastComma);
        const suffix = rangesOf(f.textStart, f.lastComma, f.left);
        text = [...f.prefix, ...children, ...suffix, ...close];
      } else {
        takeKept(f, -1);
        text = [...f.prefix, ...children, ...close];
      }
      if (f.kind === TOP) fields = decode(text);
      else emit(f, text, f.prefix !== null, true);
    }
    return fields;
  }

  /** Before the first byte any text being read starts at: the chunks before it can go. */
  function release(): Uint8Array[] {
    let needed = held.length;
    for (const f of frames) if (f.textStart !== -1) needed = Math.min(needed, f.textStart);
    return held.release(needed);
  }

  return { push, end, copyText, decode, release };
}

/** The spans, in tree order, whose heads the page gets before they complete: a screenful. */
const PREVIEW_SPANS = 100;

const encoder = new TextEncoder();
const OPEN_BRACKET = encoder.encode('[');
const COMMA = encoder.encode(',');
const CLOSE_BRACKET = encoder.encode(']');

/**
 * A batch is closed at this many spans or bytes of their texts, and the next one begun: the
 * page handles each batch in one task, and a network read of several MB (common on a fast
 * network) would otherwise make a task of 100 ms and more. Halved from 800 spans and 384 kB:
 * at 100,000 spans the median of a load's longest task went from 157 to 115 ms (5 runs each,
 * alternated; loaded unchanged): the garbage collector's pauses land in smaller tasks.
 */
const BATCH_MAX_SPANS = 400;
const BATCH_MAX_TEXT_BYTES = 192 * 1024;
/**
 * A batch's texts go in a buffer of at least this size (a batch closes once past the maximum),
 * so that one the page hands back fits a later batch.
 */
const TEXT_BUFFER_BYTES = BATCH_MAX_TEXT_BYTES + 64 * 1024;
/** Buffers handed back and kept for later batches, at most. */
const MAX_SPARE_BUFFERS = 8;

/**
 * The parser, collecting what it reads into batches that `take` hands over: what one read
 * brought, in batches of at most BATCH_MAX_SPANS spans.
 */
export function createBatchingTraceParser(keepFromBytes = LAZY_TEXT_MIN_BYTES): Pick<
  TraceStreamParser,
  'push' | 'end'
> & {
  take(): TraceBatch | null;
  recycle(buffer: ArrayBuffer): void;
} {
  let opens: number[] = [];
  let nodes: number[] = [];
  // The whole spans' texts as one JSON array, in one buffer kept from batch to batch.
  const texts = new ByteList();
  let wholeSpans = 0;
  let partialTexts: string[] = [];
  let lazyRefs: number[] = [];
  let heads: StreamedHead[] = [];
  let bytesRead = 0;
  let bytesReported = 0;
  /** Batches closed since the last `take`, in order. */
  const closed: TraceBatch[] = [];
  /**
   * Texts buffers the page handed back. Writing into fresh memory is what costs: copying each
   * batch's texts into a new buffer took 270-400 ms of the worker's time at 100,000 spans.
   */
  const spareBuffers: ArrayBuffer[] = [];
  /** `bytes` copied into a spare buffer, or a new one. */
  const textsBuffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => {
    const at = spareBuffers.findIndex((buffer) => buffer.byteLength >= bytes.length);
    const buffer =
      at === -1
        ? new ArrayBuffer(Math.max(bytes.length, TEXT_BUFFER_BYTES))
        : (spareBuffers.splice(at, 1)[0] as ArrayBuffer);
    const copy = new Uint8Array(buffer, 0, bytes.length);
    copy.set(bytes);
    return copy;
  };
  // Heads go out in tree order (seq): a span with children at its `[`, one without when it
  // closes, which is before the next span opens.
  const isHeadSent = new Uint8Array(PREVIEW_SPANS);
  const addHead = (seq: number, parent: number, text: number[]) => {
    if (seq >= PREVIEW_SPANS || isHeadSent[seq] === 1) return;
    isHeadSent[seq] = 1;
    heads.push({ seq, parent, text: parser.decode(text) });
  };
  /** What was collected since the last batch, as a batch (chunks: added by `take`). */
  const close = (): TraceBatch => {
    // A new buffer each time, even empty: it is handed over (detached here).
    let text = new Uint8Array(0);
    if (wholeSpans > 0) {
      texts.push(CLOSE_BRACKET);
      // Each text is one JSON value the scanner found whole, so the array is valid exactly
      // when every text is.
      text = textsBuffer(texts.view());
    }
    const batch: TraceBatch = {
      chunks: [],
      opens: Int32Array.from(opens),
      nodes: Int32Array.from(nodes),
      texts: text,
      partialTexts,
      lazyRefs: Float64Array.from(lazyRefs),
      heads,
      bytesRead,
    };
    opens = [];
    nodes = [];
    texts.clear();
    wholeSpans = 0;
    partialTexts = [];
    lazyRefs = [];
    heads = [];
    return batch;
  };
  const parser: TraceStreamParser = createTraceStreamParser({
    onNode: (node) => {
      for (const { key, start, end, position } of node.kept) {
        lazyRefs.push(key, start, end, position);
      }
      if (node.partial) {
        partialTexts.push(parser.decode(node.text));
      } else {
        texts.push(wholeSpans++ === 0 ? OPEN_BRACKET : COMMA);
        const from = texts.length;
        parser.copyText(node.text, texts);
        // One character outside ASCII would make the page decode the whole batch on a slow
        // path (3-5 times slower) into a two-byte string: such a text is sent escaped.
        if (!texts.isAsciiFrom(from)) {
          const escaped = asciiJsonText(decodeUtf8(texts.view().subarray(from)));
          texts.truncate(from);
          texts.push(encoder.encode(escaped));
        }
      }
      const flags = (node.streamed ? NODE_STREAMED : 0) | (node.partial ? NODE_PARTIAL : 0);
      nodes.push(node.seq, node.parent, node.index, flags, lazyRefs.length);
      addHead(node.seq, node.parent, node.text);
      if (nodes.length >= BATCH_MAX_SPANS * NODE_FIELDS || texts.length >= BATCH_MAX_TEXT_BYTES) {
        closed.push(close());
      }
    },
    onOpen: (seq, parent, index) => opens.push(seq, parent, index),
    onHead: addHead,
    keepFromBytes,
  });
  return {
    push: (bytes) => {
      bytesRead += bytes.length;
      parser.push(bytes);
    },
    end: () => parser.end(),
    take() {
      // The chunks the parser is done with go with the first batch: the later ones' long
      // strings are in them too, and the page keeps them all.
      const chunks = parser.release();
      let batch = closed.shift();
      if (!batch) {
        const isEmpty =
          chunks.length === 0 && opens.length === 0 && nodes.length === 0 && heads.length === 0;
        // Bytes read count as progress even while one long span holds all of them.
        if (isEmpty && bytesRead === bytesReported) return null;
        batch = close();
      }
      batch.chunks = chunks;
      bytesReported = batch.bytesRead;
      return batch;
    },
    recycle(buffer) {
      if (spareBuffers.length < MAX_SPARE_BUFFERS) spareBuffers.push(buffer);
    },
  };
}

/** The buffers a batch hands over to the page rather than copies (the chunks: on). */
export function transferablesOf(batch: TraceBatch): Transferable[] {
  const buffers = new Set<ArrayBufferLike>([
    batch.opens.buffer,
    batch.nodes.buffer,
    batch.lazyRefs.buffer,
    batch.texts.buffer,
  ]);
  for (const chunk of batch.chunks) buffers.add(chunk.buffer);
  return [...buffers] as Transferable[];
}
