import { cutLongStrings, LazyTextWriter, writeCuts } from './lazyText';

/**
 * Reads the answer of GET /traces/{id} as its bytes arrive (decoded chunk by chunk), without ever holding it as one
 * string (a browser cannot hold a string much over 512 MB: V8's limit).
 *
 * A scanner follows the JSON structure just enough to find the trace object's `tree` array and
 * each span's `spans` array. Everything else (a span's own fields, the trace's fields) comes out
 * as one small JSON text per object, with the child array replaced by `[]`:
 * `{"id": "a", …, "spans": [], "metadata": {…}}`, for the native `JSON.parse` and the same
 * validation as the whole-answer parser (traceAssembler.ts). Spans come out when their object
 * closes (children before parents: a span's fields can follow its children); `onOpen` says
 * where each one sits as soon as it starts, so a JSON path can be named for any of them.
 * The scanner runs in a worker: it parses nothing itself, so what crosses to the page is text.
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
   * The JSON text of its fields. When `streamed`, its `spans` is an empty placeholder for the
   * children, which were emitted before it with this node's `seq` as `parent`.
   */
  text: string;
  streamed: boolean;
  /** Cut off: the members that had arrived whole. Left out, not an error, if they do not do. */
  partial: boolean;
}

/**
 * A span's fields before its children (`"spans":[]` in their place), as soon as its `spans`
 * array opens: the page can show it while its subtree is still arriving. A span without a
 * `spans` key comes whole, when it closes.
 */
export interface StreamedHead {
  seq: number;
  parent: number;
  text: string;
}

/**
 * What the parser read from some bytes, packed for the trip to the page: numbers in typed arrays
 * and the spans' texts as one string, all handed over or copied in one piece. A batch of
 * objects, one per span, cost both threads about a second at 100,000 spans to copy and collect.
 */
export interface TraceBatch {
  /** Where spans opened: (seq, parent, index) triples. */
  opens: Int32Array;
  /**
   * The spans that completed, NODE_FIELDS numbers each: seq, parent, index, flags
   * (NODE_STREAMED, NODE_PARTIAL), the end of its text in `texts` and the end of its refs in
   * `lazyRefs` (each starts where the previous span's ends).
   */
  nodes: Int32Array;
  /** The completed spans' JSON texts, back to back (see StreamedNode.text). */
  texts: string;
  /** The refs of the long strings cut out of these spans (lazyText.ts), back to back. */
  lazyRefs: Int32Array;
  /** The heads of the first spans in tree order (a preview). */
  heads: StreamedHead[];
  /** The UTF-8 bytes of the long strings cut out of this batch's spans, or null if none. */
  lazyBytes: Uint8Array | null;
}

export const NODE_FIELDS = 6;
export const NODE_STREAMED = 1;
export const NODE_PARTIAL = 2;

export interface TraceStreamEnd {
  /**
   * The JSON text of the trace's own fields with `"tree":[]` in place of the spans (or of the
   * whole answer when it is not an object), for the caller to parse and check. Null when nothing
   * arrived, or a cut-off answer left none that can be read.
   */
  fieldsText: string | null;
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
const BACKSLASH = 0x5c;
/** Text from an absolute offset onward, kept across chunks until it is taken. */
class Collector {
  private parts: string[] = [];
  private partsEnd: number;
  constructor(readonly start: number) {
    this.partsEnd = start;
  }
  /** Keeps what the current chunk holds of the collected range before the chunk goes. */
  save(chunk: string, chunkStart: number): void {
    const from = Math.max(this.partsEnd, chunkStart);
    const end = chunkStart + chunk.length;
    if (from >= end) return;
    this.parts.push(chunk.slice(from - chunkStart));
    this.partsEnd = end;
  }
  /** The text of [start, end); `end` is in the current chunk or in a saved part. */
  take(end: number, chunk: string, chunkStart: number): string {
    let text = '';
    let at = this.start;
    for (const part of this.parts) {
      if (at >= end) break;
      text += end - at >= part.length ? part : part.slice(0, end - at);
      at += part.length;
    }
    if (at < end) text += chunk.slice(Math.max(at, chunkStart) - chunkStart, end - chunkStart);
    return text;
  }
}

export function createTraceStreamParser(options: {
  onNode: (node: StreamedNode) => void;
  /** A span's object (or a non-object element) opened at `index` below the span `parent`. */
  onOpen?: (seq: number, parent: number, index: number) => void;
  /** A span's fields before its children, when its `spans` array opens. */
  onHead?: (head: StreamedHead) => void;
}): TraceStreamParser {
  const { onNode, onOpen, onHead } = options;
  const frames: Frame[] = [];
  let mode = VALUE;
  let nextSeq = 0;
  /** Absolute offset of the current chunk's first byte. */
  let chunkStart = 0;
  let chunk = '';
  // Decodes UTF-8 across chunk boundaries; like `response.json()`, it drops a byte order mark.
  const decoder = new TextDecoder();
  let seenBytes = false;
  let rawTopText: string | null = null;
  let topText: string | null = null;
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

  function emit(f: Frame, text: string, streamed: boolean, partial = false): void {
    onNode({ seq: f.seq, parent: f.parent, index: f.index, text, streamed, partial });
  }

  /** The element at `pos` of a `tree` or `spans` array starts. */
  function startElement(array: Frame, byte: number, pos: number): void {
    const parent = frames.length >= 2 ? (frames[frames.length - 2] as Frame) : null;
    const index = array.count++;
    const seq = nextSeq++;
    const parentSeq = array.kind === SPANS && parent ? parent.seq : -1;
    onOpen?.(seq, parentSeq, index);
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
      topText = text;
      mode = DONE;
      return;
    }
    emit(f, text, streamed);
    mode = AFTER;
  }

  /** Scans a string's body from `pos`; returns the index after its closing quote, or -1. */
  function scanString(buf: string, pos: number): number {
    const len = buf.length;
    if (escaped) {
      if (pos >= len) return -1;
      pos++;
      escaped = false;
    }
    for (;;) {
      if (nextBackslash !== len && nextBackslash < pos) {
        nextBackslash = buf.indexOf('\\', pos);
        if (nextBackslash === -1) nextBackslash = len;
      }
      if (nextQuote !== len && nextQuote < pos) {
        nextQuote = buf.indexOf('"', pos);
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
    const text = decoder.decode(bytes, { stream: true });
    if (text !== '') read(text);
  }

  /** Scans the next piece of the answer's text. Offsets count UTF-16 units from its start. */
  function read(text: string): void {
    chunk = text;
    const buf = text;
    const len = buf.length;
    nextBackslash = -1;
    nextQuote = -1;
    let pos = 0;
    while (pos < len) {
      const byte = buf.charCodeAt(pos);
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
            if (f.kind === NODE) {
              onHead?.({ seq: f.seq, parent: f.parent, text: `${f.prefix}"spans":[]}` });
            }
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
    const rest = decoder.decode();
    if (rest !== '') read(rest);
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
      if (f.kind === TOP) fields = text;
      else emit(f, text, f.prefix !== null, true);
    }
    return fields;
  }

  return { push, end };
}

/** The spans, in tree order, whose heads the page gets before they complete: a screenful. */
const PREVIEW_SPANS = 100;

/** The parser, collecting what it reads into a batch that `take` hands over (one per chunk). */
export function createBatchingTraceParser(): TraceStreamParser & { take(): TraceBatch | null } {
  const writer = new LazyTextWriter();
  let opens: number[] = [];
  let nodes: number[] = [];
  let texts: string[] = [];
  let textsLength = 0;
  let lazyRefs: number[] = [];
  let heads: StreamedHead[] = [];
  // Heads go out in tree order (seq): a span with children at its `[`, one without when it
  // closes, which is before the next span opens.
  const isHeadSent = new Uint8Array(PREVIEW_SPANS);
  const addHead = (head: StreamedHead) => {
    if (head.seq >= PREVIEW_SPANS || isHeadSent[head.seq] === 1) return;
    isHeadSent[head.seq] = 1;
    heads.push(head);
  };
  const parser = createTraceStreamParser({
    onNode: (node) => {
      const cut = cutLongStrings(node.text);
      const text = cut ? cut.text : node.text;
      if (cut) lazyRefs.push(...writeCuts(writer, cut.cuts));
      texts.push(text);
      textsLength += text.length;
      const flags = (node.streamed ? NODE_STREAMED : 0) | (node.partial ? NODE_PARTIAL : 0);
      nodes.push(node.seq, node.parent, node.index, flags, textsLength, lazyRefs.length);
      addHead({ seq: node.seq, parent: node.parent, text });
    },
    onOpen: (seq, parent, index) => opens.push(seq, parent, index),
    onHead: addHead,
  });
  return {
    push: (bytes) => parser.push(bytes),
    end: () => parser.end(),
    take() {
      if (opens.length === 0 && nodes.length === 0 && heads.length === 0) return null;
      // Every span with cut strings is in `nodes`, so the bytes go with their refs.
      const batch: TraceBatch = {
        opens: Int32Array.from(opens),
        nodes: Int32Array.from(nodes),
        texts: texts.join(''),
        lazyRefs: Int32Array.from(lazyRefs),
        heads,
        lazyBytes: writer.take(),
      };
      opens = [];
      nodes = [];
      texts = [];
      textsLength = 0;
      lazyRefs = [];
      heads = [];
      return batch;
    },
  };
}

/** The buffers a batch hands over to the page rather than copies. */
export function transferablesOf(batch: TraceBatch): Transferable[] {
  const buffers: Transferable[] = [batch.opens.buffer, batch.nodes.buffer, batch.lazyRefs.buffer];
  if (batch.lazyBytes) buffers.push(batch.lazyBytes.buffer);
  return buffers;
}
