import type { ByteStreamWork } from './byteStreamWorker';

/**
 * Reads the answer of POST /traces/search (group_by "run") as its bytes arrive and keeps all of
 * it except each row's `tree`: the server sends every trace of the page with its whole span tree
 * (1.6 MB for 2,432 spans, about 100 MB at 100k), while the list shows summaries only.
 *
 * The scanner follows the JSON bytes just enough for that: strings (with their escapes), nesting,
 * and the keys of two objects, the answer itself (`data`) and each element of its `data` array
 * (`tree`). A row's `tree` member, key and value, is skipped as it streams past, never kept; the
 * rest of the bytes are kept as they are, so `end()` gives the page as JSON text without the trees:
 * what `JSON.parse` of the whole answer gives with `delete row.tree` on every row. Working on bytes
 * is safe for UTF-8: every byte of a multi-byte character is 0x80 or above, so none is a quote,
 * backslash or bracket.
 *
 * What is kept is checked in full by the caller's `JSON.parse`; a skipped tree only for what the
 * scan follows (strings closed, brackets that match), which is enough to tell where it ends.
 */
export interface SearchPageScanner {
  /** Reads the next bytes of the answer. Throws SyntaxError when they cannot be JSON. */
  push(chunk: Uint8Array): void;
  /**
   * The answer ended: its JSON text without the rows' trees, or null when nothing but whitespace
   * arrived. Throws SyntaxError when the answer stopped before its JSON did.
   */
  end(): string | null;
  /** Whether what arrived so far stops inside a value: an answer that ended here was cut off. */
  isCutOff(): boolean;
}

// What each open container is.
const OBJECT = 0;
const ARRAY = 1;
/** The answer's own object. */
const PAGE = 2;
/** The answer's `data` array. */
const ROWS = 3;
/** An object element of `data`: a trace, whose `tree` is skipped. */
const ROW = 4;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** A key longer than this (in bytes) cannot be `tree` or `data`, even written with escapes. */
const MAX_KEY_BYTES = 24;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Bytes kept so far, in one growing buffer that can be cut back to an earlier length. */
class ByteSink {
  private bytes = new Uint8Array(64 * 1024);
  length = 0;
  append(source: Uint8Array, from: number, to: number): void {
    const count = to - from;
    if (count <= 0) return;
    if (this.length + count > this.bytes.length) {
      let size = this.bytes.length * 2;
      while (size < this.length + count) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(source.subarray(from, to), this.length);
    this.length += count;
  }
  text(): string {
    // Like `response.json()`: invalid UTF-8 becomes U+FFFD, a byte order mark is dropped.
    return new TextDecoder().decode(this.bytes.subarray(0, this.length));
  }
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Whether a JSON value that is not an object, array or string can start with this byte. */
function canStartLiteral(byte: number): boolean {
  return (
    byte === 0x2d ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x74 ||
    byte === 0x66 ||
    byte === 0x6e
  );
}

function syntaxError(at: number): never {
  throw new SyntaxError(`Unexpected byte in JSON at position ${at}`);
}

export function createSearchPageScanner(): SearchPageScanner {
  const kept = new ByteSink();
  const stack: number[] = [];
  let top = -1;
  /** Absolute offset of the current chunk's first byte. */
  let offset = 0;
  /** A value has started (anything but whitespace arrived). */
  let isStarted = false;
  // Strings: inside one, and right after a backslash (which can end a chunk).
  let inString = false;
  let escaped = false;
  /** The next string in the page or a row is a key (after `{` or `,`). */
  let expectKey = false;
  // The key being read, in a page or a row: its first bytes and its length.
  let inKey = false;
  let keyFrom = 0;
  let keyBytes: number[] = [];
  let keyLength = 0;
  /** The page's `data` key was just read: an array after it holds the rows. */
  let isRowsNext = false;
  /** Skipping a row's `tree` member; else the bytes from `keepFrom` (absolute) on are kept. */
  let isSkipping = false;
  let keepFrom = 0;
  /** The row has a member that is kept (so a skipped member takes the comma before it). */
  let rowHasKept = false;
  /** Where the row's current member starts in `kept`, should it be a `tree` to take out. */
  let memberMark = 0;

  function open(kind: number): void {
    stack.push(kind);
    top = kind;
  }

  function close(): void {
    stack.pop();
    top = stack.length > 0 ? (stack[stack.length - 1] as number) : -1;
  }

  /** Keeps the bytes of this chunk from `keepFrom` up to index `to`; they start at `to` next. */
  function keepUpTo(chunk: Uint8Array, to: number): void {
    kept.append(chunk, keepFrom - offset, to);
    keepFrom = offset + to;
  }

  function addKeyBytes(chunk: Uint8Array, from: number, to: number): void {
    keyLength += to - from;
    for (let i = from; i < to && keyBytes.length <= MAX_KEY_BYTES; i++) {
      keyBytes.push(chunk[i] as number);
    }
  }

  /** Whether the key just read is `name`, written plainly or with escapes. */
  function keyIs(name: string): boolean {
    if (keyLength > MAX_KEY_BYTES) return false;
    if (!keyBytes.includes(BACKSLASH)) {
      return keyLength === name.length && keyBytes.every((b, i) => b === name.charCodeAt(i));
    }
    try {
      return JSON.parse(`"${new TextDecoder().decode(new Uint8Array(keyBytes))}"`) === name;
    } catch {
      return false; // not a valid key: the caller's JSON.parse of what is kept says so
    }
  }

  function endKey(): void {
    inKey = false;
    if (top === PAGE) {
      isRowsNext = keyIs('data');
    } else if (keyIs('tree')) {
      // The member so far (and the comma before it) goes; skipping ends at the row's next
      // `,` or `}`.
      kept.length = memberMark;
      isSkipping = true;
    } else {
      rowHasKept = true;
    }
  }

  /**
   * Scans a string's body from `pos`; returns the index after its closing quote, or `len`. A
   * plain loop: faster than `indexOf` for the quote and backslash on real trees, whose strings are
   * short and full of escapes (JSON inside JSON: 8.5M backslashes in a 108 MB, 100k-span trace).
   */
  function scanString(chunk: Uint8Array, pos: number): number {
    const len = chunk.length;
    if (escaped) {
      if (pos >= len) return len;
      pos++;
      escaped = false;
    }
    while (pos < len) {
      const byte = chunk[pos] as number;
      if (byte === QUOTE) {
        inString = false;
        return pos + 1;
      }
      pos += byte === BACKSLASH ? 2 : 1;
    }
    // A backslash ended the chunk: the byte it escapes starts the next one.
    if (pos > len) escaped = true;
    return len;
  }

  /** A value starts at `at` outside any container: only one is allowed. */
  function startAnswer(at: number): void {
    if (isStarted) syntaxError(at);
    isStarted = true;
  }

  function push(chunk: Uint8Array): void {
    const len = chunk.length;
    keepFrom = offset;
    if (inKey) keyFrom = 0;
    let pos = 0;
    while (pos < len) {
      if (inString) {
        pos = scanString(chunk, pos);
        if (!inString && inKey) {
          addKeyBytes(chunk, keyFrom, pos - 1);
          endKey();
        }
        continue;
      }
      const byte = chunk[pos] as number;
      switch (byte) {
        case QUOTE:
          if (top === -1) startAnswer(offset + pos);
          else if (expectKey && (top === PAGE || top === ROW)) {
            inKey = true;
            keyFrom = pos + 1;
            keyBytes = [];
            keyLength = 0;
            if (top === ROW && !rowHasKept && !isSkipping) {
              // The row's first kept member may be a `tree`: mark where it starts.
              keepUpTo(chunk, pos);
              memberMark = kept.length;
            }
          }
          expectKey = false;
          isRowsNext = false;
          inString = true;
          break;
        case OPEN_BRACE:
          if (top === -1) {
            startAnswer(offset + pos);
            open(PAGE);
          } else if (top === ROWS) {
            open(ROW);
            rowHasKept = false;
          } else {
            open(OBJECT);
          }
          expectKey = true;
          isRowsNext = false;
          break;
        case OPEN_BRACKET:
          if (top === -1) startAnswer(offset + pos);
          open(isRowsNext && top === PAGE ? ROWS : ARRAY);
          isRowsNext = false;
          break;
        case CLOSE_BRACE:
          if (top !== OBJECT && top !== PAGE && top !== ROW) syntaxError(offset + pos);
          if (top === ROW && isSkipping) {
            isSkipping = false;
            keepFrom = offset + pos;
          }
          close();
          isRowsNext = false;
          break;
        case CLOSE_BRACKET:
          if (top !== ARRAY && top !== ROWS) syntaxError(offset + pos);
          close();
          isRowsNext = false;
          break;
        case COMMA:
          if (top === -1) syntaxError(offset + pos);
          if (top === ROW) {
            if (isSkipping) {
              // A skipped first member takes the comma after it; a later one, the comma before.
              isSkipping = false;
              keepFrom = offset + pos + (rowHasKept ? 0 : 1);
            } else if (rowHasKept) {
              keepUpTo(chunk, pos);
              memberMark = kept.length;
            }
          }
          expectKey = true;
          isRowsNext = false;
          break;
        case COLON:
          expectKey = false;
          break;
        default:
          if (!isStarted && !isWhitespace(byte)) {
            const at = offset + pos;
            if (at < 3 && byte === UTF8_BOM[at]) break;
            if (!canStartLiteral(byte)) syntaxError(at);
            isStarted = true;
          }
      }
      pos++;
    }
    if (inKey) addKeyBytes(chunk, keyFrom, len);
    if (!isSkipping) kept.append(chunk, keepFrom - offset, len);
    offset += len;
  }

  function isCutOff(): boolean {
    return inString || stack.length > 0;
  }

  function end(): string | null {
    if (isCutOff()) {
      throw new SyntaxError(`The answer ended before its JSON did, after ${offset} bytes`);
    }
    return isStarted ? kept.text() : null;
  }

  return { push, end, isCutOff };
}

/** How a search page ended: its text without the trees (null when empty), or cut off. */
export type SearchPageEnd = { text: string | null } | { isCutOff: true };

/** The scanner as a byte-stream worker's work: nothing to hand over before the end. */
export function searchPageWork(): ByteStreamWork<SearchPageEnd, never> {
  const scanner = createSearchPageScanner();
  return {
    push: (bytes) => scanner.push(bytes),
    take: () => null,
    end: () => (scanner.isCutOff() ? { isCutOff: true } : { text: scanner.end() }),
  };
}
