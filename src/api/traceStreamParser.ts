import { parseNodeFields, parseTraceTree } from './parse';
import type { TraceNode } from './schemas';

/**
 * Reads the answer of GET /traces/{id} as its bytes arrive, without ever holding it as one
 * string (a browser cannot hold a string much over 512 MB: V8's limit).
 *
 * A byte scanner follows the JSON structure just enough to find the trace object's `tree` array
 * and each span's `spans` array. Everything else (a span's own fields, the trace's fields) is
 * handed to the native `JSON.parse` one object at a time, with the child array replaced by `[]`:
 * `{"id": "a", …, "spans": [], "metadata": {…}}`. Spans are emitted when their object closes
 * (children before parents), each validated by the same rules as the whole-answer parser
 * (`parseNodeFields`), so a bad span gives the same SchemaError with its JSON path.
 */

/** One span as it was read: its place in the tree, and its fields. */
export interface StreamedNode {
  /** Order in which the span's object opened (pre-order), 0-based. */
  seq: number;
  /** `seq` of the parent span; -1 for a root (an element of `tree`). */
  parent: number;
  /** Position among its siblings. */
  index: number;
  /**
   * Its fields. When `streamed`, `spans` is an empty placeholder for the children, which were
   * emitted before it with this node's `seq` as `parent`.
   */
  node: TraceNode;
  streamed: boolean;
}

export interface TraceStreamEnd {
  /**
   * The trace's own fields with `tree: []` in place of the spans, not yet validated (the caller
   * checks them with the trace schema). Null when a cut-off answer left none that can be read.
   */
  fields: unknown;
  /** The answer ended before its JSON did: the spans emitted are the ones that arrived. */
  truncated: boolean;
  /** Whether anything but whitespace arrived. */
  isEmpty: boolean;
}

export interface TraceStreamParser {
  /** Reads the next bytes; calls `onNode` for every span that completes in them. */
  push(chunk: Uint8Array): void;
  /**
   * The answer ended. A cut-off answer emits the spans that were open, with the fields that had
   * arrived, when those are valid, so what arrived can still be shown.
   */
  end(): TraceStreamEnd;
}

const TOP = 0;
const NODE = 1;
const TREE = 2;
const SPANS = 3;
/** A `tree`/`spans` element that is not an object: read whole, so validation can say so. */
const RAW_NODE = 4;
/** The answer is not an object at all: read whole and parsed by the caller's rules. */
const RAW_TOP = 5;

interface Frame {
  kind: number;
  seq: number;
  parent: number;
  index: number;
  /** Elements seen so far (arrays). */
  count: number;
  /** Bytes of the object's own text being collected (objects and raw values). */
  collector: Collector | null;
  /** The object's text before its `spans` (or `tree`) key, once that array started. */
  prefix: string | null;
  /** Absolute offset where the suffix after the child array starts. */
  suffixStart: number;
  /** Absolute offset of the key being read, and whether it names the child array. */
  keyStart: number;
  keyIsChildren: boolean;
  /** Absolute offset of the last comma between this object's members (for a cut-off). */
  lastComma: number;
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
const BOM = [0xef, 0xbb, 0xbf];
const BACKSLASH = 0x5c;
const decoder = new TextDecoder();

/** Bytes from an absolute offset onward, kept across chunks until they are taken. */
class Collector {
  private parts: Uint8Array[] = [];
  private partsEnd: number;
  constructor(readonly start: number) {
    this.partsEnd = start;
  }
  /** Keeps what the current chunk holds of the collected range before the chunk goes. */
  save(chunk: Uint8Array, chunkStart: number): void {
    const from = Math.max(this.partsEnd, chunkStart);
    const end = chunkStart + chunk.length;
    if (from >= end) return;
    this.parts.push(chunk.slice(from - chunkStart));
    this.partsEnd = end;
  }
  /** The text of [start, end); `end` is in the current chunk or in a saved part. */
  take(end: number, chunk: Uint8Array, chunkStart: number): string {
    const pieces: Uint8Array[] = [];
    let at = this.start;
    for (const part of this.parts) {
      if (at >= end) break;
      pieces.push(part.subarray(0, Math.min(part.length, end - at)));
      at += part.length;
    }
    if (at < end)
      pieces.push(chunk.subarray(Math.max(at, chunkStart) - chunkStart, end - chunkStart));
    if (pieces.length === 1) return decoder.decode(pieces[0]);
    const bytes = new Uint8Array(end - this.start);
    let offset = 0;
    for (const piece of pieces) {
      bytes.set(piece, offset);
      offset += piece.length;
    }
    return decoder.decode(bytes);
  }
}

export function createTraceStreamParser(options: {
  onNode: (node: StreamedNode) => void;
  url?: string;
}): TraceStreamParser {
  const { onNode, url } = options;
  const frames: Frame[] = [];
  let mode = VALUE;
  let nextSeq = 0;
  /** Absolute offset of the current chunk's first byte. */
  let chunkStart = 0;
  let chunk: Uint8Array = new Uint8Array(0);
  let seenBytes = false;
  let rawTopText: string | null = null;
  let topFields: unknown = null;
  // Key bytes of the key being read (only its first 5 matter: "spans" or "tree").
  let keyBytes = '';
  let keyEscaped = false;
  // Skipping a value: nesting depth, inside a string, after a backslash, a bare literal.
  let skipDepth = 0;
  let skipInString = false;
  let escaped = false;
  let skipLiteral = false;
  // Where the next backslash and quote are in the chunk (its length when there is none).
  let nextBackslash = -1;
  let nextQuote = -1;

  const top = () => frames[frames.length - 1];

  function frame(kind: number, collectFrom: number | null): Frame {
    return {
      kind,
      seq: -1,
      parent: -1,
      index: -1,
      count: 0,
      collector: collectFrom === null ? null : new Collector(collectFrom),
      prefix: null,
      suffixStart: -1,
      keyStart: -1,
      keyIsChildren: false,
      lastComma: -1,
    };
  }

  function syntaxError(at: number): never {
    throw new SyntaxError(`Unexpected byte in JSON at position ${at}`);
  }

  /** JSON path segments of the element `f`, whose ancestors are the open frames. */
  function pathOf(f: Frame): PropertyKey[] {
    const segments: PropertyKey[] = [];
    for (const open of frames) {
      if (open.kind === TREE) segments.push('tree');
      else if (open.kind === SPANS) segments.push('spans');
      else if (open.kind === NODE) segments.push(open.index);
    }
    segments.push(f.index);
    return segments;
  }

  /** Validates and hands on the span `f`, already taken off the stack. */
  function emit(f: Frame, text: string, streamed: boolean): void {
    const raw = JSON.parse(text) as unknown;
    const path = () => pathOf(f);
    let node = parseNodeFields(raw, path, '$', url);
    if (!streamed && Array.isArray(node.spans) && node.spans.length > 0) {
      // Children the scanner did not stream (a `spans` key written with escapes): the
      // whole-tree rules check them.
      const at = path();
      node = {
        ...node,
        spans: parseTraceTree(node.spans, formatSegments([...at, 'spans']), url),
      };
    }
    onNode({ seq: f.seq, parent: f.parent, index: f.index, node, streamed });
  }

  /** The element at `pos` of a `tree` or `spans` array starts. */
  function startElement(array: Frame, byte: number, pos: number): void {
    const parent = frames.length >= 2 ? (frames[frames.length - 2] as Frame) : null;
    const index = array.count++;
    const seq = nextSeq++;
    const parentSeq = array.kind === SPANS && parent ? parent.seq : -1;
    if (byte === 0x7b) {
      const f = frame(NODE, pos);
      f.seq = seq;
      f.parent = parentSeq;
      f.index = index;
      frames.push(f);
      mode = KEY_OR_CLOSE;
    } else {
      const f = frame(RAW_NODE, pos);
      f.seq = seq;
      f.parent = parentSeq;
      f.index = index;
      frames.push(f);
      beginSkip(byte);
    }
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
      emit(f, (f.collector as Collector).take(end, chunk, chunkStart), false);
      mode = AFTER;
    } else if (f.kind === RAW_TOP) {
      rawTopText = (f.collector as Collector).take(end, chunk, chunkStart);
      frames.pop();
      mode = DONE;
    } else {
      mode = AFTER;
    }
  }

  /** An object's `}` at absolute offset `at`. */
  function closeObject(f: Frame, at: number): void {
    frames.pop();
    const own = (f.collector as Collector).take(at + 1, chunk, chunkStart);
    const streamed = f.prefix !== null;
    const text = streamed ? `${f.prefix}${f.kind === TOP ? '"tree":[]' : '"spans":[]'}${own}` : own;
    if (f.kind === TOP) {
      topFields = JSON.parse(text) as unknown;
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
      if (nextBackslash !== len && nextBackslash < pos) {
        nextBackslash = buf.indexOf(BACKSLASH, pos);
        if (nextBackslash === -1) nextBackslash = len;
      }
      if (nextQuote !== len && nextQuote < pos) {
        nextQuote = buf.indexOf(QUOTE, pos);
        if (nextQuote === -1) nextQuote = len;
      }
      const quote = nextQuote;
      if (nextBackslash < quote) {
        pos = nextBackslash + 2;
        if (pos > len) {
          escaped = true;
          return -1;
        }
        continue;
      }
      if (quote === len) return -1;
      return quote + 1;
    }
  }

  function push(bytes: Uint8Array): void {
    chunk = bytes;
    const buf = bytes;
    const len = buf.length;
    nextBackslash = -1;
    nextQuote = -1;
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
          // Inside a container being skipped.
          if (byte === QUOTE) skipInString = true;
          else if (byte === 0x7b || byte === 0x5b) skipDepth++;
          else if (byte === 0x7d || byte === 0x5d) {
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
            f.keyIsChildren = !keyEscaped && keyBytes === (f.kind === TOP ? 'tree' : 'spans');
            mode = COLON;
          } else if (keyBytes.length < 6) {
            keyBytes += String.fromCharCode(byte);
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
      if (at < 3 && !seenBytes && byte === BOM[at]) {
        // A UTF-8 byte order mark, which `response.json()` also skips.
        pos++;
        continue;
      }
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
            // The `tree` or `spans` array: the object's text so far is its prefix.
            if (f.prefix !== null) syntaxError(at); // a second one: not something a server sends
            f.prefix = (f.collector as Collector).take(f.keyStart, chunk, chunkStart);
            f.collector = null;
            frames.push(frame(f.kind === TOP ? TREE : SPANS, null));
            mode = ELEM_OR_CLOSE;
            pos++;
            continue;
          }
          beginSkip(byte);
          pos++;
          continue;
        }
        case KEY_OR_CLOSE:
        case KEY: {
          const obj = f as Frame;
          if (byte === QUOTE) {
            obj.keyStart = at;
            obj.keyIsChildren = false;
            keyBytes = '';
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
    for (const f of frames) f.collector?.save(buf, chunkStart);
    chunkStart += len;
  }

  /** The `]` of a `tree` or `spans` array at absolute offset `at`. */
  function closeArray(at: number): void {
    frames.pop();
    const owner = top() as Frame;
    owner.collector = new Collector(at + 1);
    owner.suffixStart = at + 1;
    owner.keyIsChildren = false;
    mode = AFTER;
  }

  function end(): TraceStreamEnd {
    if (mode === SKIP && skipLiteral && frames.length === 1 && top()?.kind === RAW_TOP) {
      // A bare literal as the whole answer (`42`) ends with the answer.
      endSkip(chunkStart);
    }
    if (rawTopText !== null) {
      // Not an object: the caller's whole-answer rules say what is wrong with it.
      return { fields: JSON.parse(rawTopText) as unknown, truncated: false, isEmpty: false };
    }
    if (mode === DONE) return { fields: topFields, truncated: false, isEmpty: false };
    if (!seenBytes) return { fields: null, truncated: false, isEmpty: true };
    return { fields: flushCutOff(), truncated: true, isEmpty: false };
  }

  /**
   * Emits the spans still open when the answer stopped, innermost first, with the members that
   * had arrived whole (up to the last comma), and returns the trace's fields read so far.
   */
  function flushCutOff(): unknown {
    let fields: unknown = null;
    while (frames.length > 0) {
      const f = frames.pop() as Frame;
      if (f.kind !== NODE && f.kind !== TOP) continue;
      const children = f.kind === TOP ? '"tree":[]' : '"spans":[]';
      let text: string;
      if (f.prefix === null) {
        // Still before the child array: the members up to the last comma.
        text =
          f.lastComma > 0 && f.collector
            ? `${f.collector.take(f.lastComma, chunk, chunkStart)}}`
            : '{}';
      } else if (f.collector && f.lastComma >= f.suffixStart) {
        text = `${f.prefix}${children}${f.collector.take(f.lastComma, chunk, chunkStart)}}`;
      } else {
        text = `${f.prefix}${children}}`;
      }
      try {
        if (f.kind === TOP) {
          fields = JSON.parse(text) as unknown;
        } else {
          emit(f, text, f.prefix !== null);
        }
      } catch {
        // A span whose arrived fields are not enough to show it is left out, with its subtree.
      }
    }
    return fields;
  }

  return { push, end };
}

function formatSegments(segments: PropertyKey[]): string {
  let path = '$';
  for (const segment of segments) {
    path += typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`;
  }
  return path;
}
