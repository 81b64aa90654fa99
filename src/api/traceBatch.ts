/**
 * What the trace stream parser (traceStreamParser.ts, in a worker) hands the page: its own
 * module, so the page can read batches without loading the parser.
 *
 * The parser reads the answer's bytes and hands them back as they came, with where things are
 * in them: nothing is copied, decoded or encoded in the worker. Texts are lists of ranges, two
 * numbers each: [start, end) offsets from the answer's first byte (after a byte order mark),
 * or, for the few bytes the parser writes itself, a negative code twice (see TEXT_PIECES).
 */

/**
 * The parser's own pieces of text: a span's children are replaced by `"spans":[]`, the trace's
 * by `"tree":[]`, and a cut-off object is closed. Piece `i` is written as the range (-i-1, -i-1).
 */
export const TEXT_PIECES = ['"tree":[]', '"spans":[]', '}', '{}'] as const;
export const PIECE_TREE = -1;
export const PIECE_SPANS = -2;
export const PIECE_CLOSE = -3;
export const PIECE_EMPTY_OBJECT = -4;

/**
 * A span's fields before its children (`"spans":[]` in their place), as soon as its `spans`
 * array opens: the page can show it while its subtree is still arriving. A span without a
 * `spans` key comes whole, when it closes.
 */
export interface StreamedHead {
  seq: number;
  parent: number;
  /** Its JSON text, as ranges. */
  text: number[];
}

/**
 * What the parser read from some bytes, packed for the trip to the page: the bytes themselves
 * and numbers in typed arrays, all handed over, not copied. A batch of objects, one per span,
 * cost both threads about a second at 100,000 spans to copy and collect.
 */
export interface TraceBatch {
  /** The answer's bytes read since the last batch, in order: every range points into these. */
  chunks: Uint8Array[];
  /** Where spans opened: (seq, parent, index) triples. */
  opens: Int32Array;
  /**
   * The spans that completed, NODE_FIELDS numbers each: seq, parent, index, flags
   * (NODE_STREAMED, NODE_PARTIAL), the end of its text's ranges in `ranges` and the end of its
   * refs in `lazyRefs` (each starts where the previous span's ends).
   */
  nodes: Int32Array;
  /** The completed spans' JSON texts (see StreamedNode.text), as ranges, back to back. */
  ranges: Float64Array;
  /** The refs of the long strings kept out of these spans (lazyText.ts), back to back. */
  lazyRefs: Float64Array;
  /** The heads of the first spans in tree order (a preview). */
  heads: StreamedHead[];
}

export const NODE_FIELDS = 6;
export const NODE_STREAMED = 1;
export const NODE_PARTIAL = 2;

export interface TraceStreamEnd {
  /**
   * The JSON text (as ranges) of the trace's own fields with `"tree":[]` in place of the spans,
   * or of the whole answer when it is not an object, for the caller to parse and check. Null
   * when nothing arrived, or a cut-off answer left none that can be read.
   */
  fields: number[] | null;
  /** The answer ended before its JSON did: the spans emitted are the ones that arrived. */
  truncated: boolean;
  /** Whether anything but whitespace arrived. */
  isEmpty: boolean;
}
