/**
 * What the trace stream parser (traceStreamParser.ts, in a worker) hands the page: its own
 * module, so the page can read batches without loading the parser.
 */

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
 * What the parser read from some bytes, packed for the trip to the page: the answer's bytes,
 * numbers in typed arrays and the spans' texts as one string, all handed over or copied in one
 * piece. A batch of objects, one per span, cost both threads about a second at 100,000 spans to
 * copy and collect.
 */
export interface TraceBatch {
  /**
   * The answer's bytes that the parser is done with, in order and each once, as they came: the
   * long strings left out of the spans' texts are read from them (`lazyRefs`).
   */
  chunks: Uint8Array[];
  /** Where spans opened: (seq, parent, index) triples. */
  opens: Int32Array;
  /**
   * The spans that completed, NODE_FIELDS numbers each: seq, parent, index, flags
   * (NODE_STREAMED, NODE_PARTIAL) and the end of its refs in `lazyRefs` (each starts where the
   * previous span's ends).
   */
  nodes: Int32Array;
  /**
   * The JSON texts of the completed spans that are whole (not NODE_PARTIAL), in order, as the
   * UTF-8 bytes of one JSON array text (one `JSON.parse` for the batch); empty when there are
   * none. Bytes, handed over: a string is copied twice on the way, which cost the page about
   * 250 ms of a 100,000-span load.
   */
  texts: Uint8Array<ArrayBuffer>;
  /** The texts of the NODE_PARTIAL spans, in order: each parsed alone, and left out if bad. */
  partialTexts: string[];
  /**
   * The long strings kept out of these spans (lazyText.ts), back to back: key index, start and
   * end in the answer's bytes, position among the span's members.
   */
  lazyRefs: Float64Array;
  /** The heads of the first spans in tree order (a preview). */
  heads: StreamedHead[];
  /** Bytes of the answer the parser has read so far, for the progress bar. */
  bytesRead: number;
}

export const NODE_FIELDS = 5;
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
