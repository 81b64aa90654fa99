import { ChunkedBytes, decodeUtf8 } from '../lib/chunkedBytes';
import { formatJsonPath } from './jsonPath';
import { attachLazyTexts } from './lazyText';
import { parseNodeFields, parseTraceTree, parseWithSchema } from './parse';
import { SpanPreorderBuilder } from './spanPreorder';
import { traceDetailFieldsSchema, type TraceDetail, type TraceNode } from './schemas';
import {
  NODE_FIELDS,
  NODE_PARTIAL,
  NODE_STREAMED,
  type StreamedHead,
  type TraceBatch,
} from './traceBatch';

/**
 * One of the first spans of a trace still arriving, as its fields were sent (not yet checked):
 * what a preview of the waterfall's first rows needs.
 */
export interface SpanPreview {
  depth: number;
  name: string;
  type: string;
  startTime: string | null;
  endTime: string | null;
  status: string | null;
}

/**
 * Builds the span tree from what the stream parser read (on the main thread when the parser
 * runs in a worker): each span's JSON text parsed by `JSON.parse` (a batch's as one array) and
 * checked by the rules of the whole-answer parser (`parseNodeFields`), so a bad span gives the
 * same SchemaError with its JSON path. Spans come children first; each is placed once:
 * O(spans). It keeps the answer's bytes as the chunks they came in: the spans' long strings
 * are read from there (lazyText.ts).
 */
export class TraceAssembler {
  /** The answer's bytes so far. */
  private readonly bytes = new ChunkedBytes();
  private readonly roots: TraceNode[] = [];
  /** Children that arrived before their parent, by the parent's `seq`. */
  private readonly childrenOf = new Map<number, TraceNode[]>();
  /** Each span's index among its siblings, by `seq` (its parent is in `preorder`). */
  private readonly indexes: number[] = [];
  /** The spans in pre-order, with what the span tree needs of each, built as they come. */
  private readonly preorder = new SpanPreorderBuilder();
  /** Spans received so far. */
  spans = 0;
  /** The first spans in tree order, from their heads, for the page to show while it loads. */
  readonly preview: SpanPreview[] = [];
  private readonly previewDepth: number[] = [];

  constructor(private readonly url?: string) {}

  add(batch: TraceBatch): void {
    const { chunks, opens, nodes, texts, partialTexts, lazyRefs, heads } = batch;
    for (const chunk of chunks) this.bytes.append(chunk);
    for (const head of heads) this.addPreview(head);
    for (let i = 0; i + 2 < opens.length; i += 3) {
      this.indexes[opens[i] as number] = opens[i + 2] as number;
      this.preorder.open(opens[i] as number, opens[i + 1] as number);
    }
    const values = texts.length === 0 ? [] : (JSON.parse(decodeUtf8(texts)) as unknown[]);
    let whole = 0;
    let partial = 0;
    let refsStart = 0;
    for (let i = 0; i + NODE_FIELDS <= nodes.length; i += NODE_FIELDS) {
      const seq = nodes[i] as number;
      const parent = nodes[i + 1] as number;
      const index = nodes[i + 2] as number;
      const flags = nodes[i + 3] as number;
      const refsEnd = nodes[i + 4] as number;
      const refsFrom = refsStart;
      refsStart = refsEnd;
      const streamed = (flags & NODE_STREAMED) !== 0;
      let node: TraceNode;
      if ((flags & NODE_PARTIAL) === 0) {
        node = this.check(seq, values[whole++], streamed);
      } else {
        try {
          node = this.check(seq, JSON.parse(partialTexts[partial++] ?? '') as unknown, streamed);
        } catch {
          // A cut-off span whose arrived fields are not enough is left out, with its subtree.
          continue;
        }
      }
      this.preorder.place(seq, node);
      if (refsEnd > refsFrom) {
        attachLazyTexts(node, this.bytes, lazyRefs.subarray(refsFrom, refsEnd));
      }
      if (streamed) {
        node.spans = this.childrenOf.get(seq) ?? [];
        this.childrenOf.delete(seq);
      }
      if (parent === -1) {
        this.roots[index] = node;
      } else {
        let siblings = this.childrenOf.get(parent);
        if (!siblings) {
          siblings = [];
          this.childrenOf.set(parent, siblings);
        }
        siblings[index] = node;
      }
      this.spans++;
    }
  }

  /** Unchecked: a head that does not read as a span is left out of the preview (validation
   * speaks when the span completes). */
  private addPreview({ seq, parent, text }: StreamedHead): void {
    const depth = parent === -1 ? 0 : (this.previewDepth[parent] ?? 0) + 1;
    this.previewDepth[seq] = depth;
    let fields: unknown;
    try {
      fields = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof fields !== 'object' || fields === null) return;
    const field = (key: string) => {
      const value = (fields as Record<string, unknown>)[key];
      return typeof value === 'string' ? value : null;
    };
    this.preview.push({
      depth,
      name: field('name') ?? '',
      type: field('type') ?? '',
      startTime: field('start_time'),
      endTime: field('end_time'),
      status: field('status'),
    });
  }

  private check(seq: number, value: unknown, streamed: boolean): TraceNode {
    const path = () => this.pathOf(seq);
    const node = parseNodeFields(value, path, '$', this.url);
    if (!streamed && Array.isArray(node.spans) && node.spans.length > 0) {
      // Children the scanner did not stream (a `spans` key written with escapes): the
      // whole-tree rules check them.
      const rootPath = formatJsonPath([...path(), 'spans']);
      this.preorder.spoil();
      return { ...node, spans: parseTraceTree(node.spans, rootPath, this.url) };
    }
    return node;
  }

  /** `['tree', 0, 'spans', 3]` for the span `seq`. */
  private pathOf(seq: number): PropertyKey[] {
    const segments: PropertyKey[] = [];
    for (let at = seq; at !== -1; at = this.preorder.parentOf(at) ?? -1) {
      segments.push(this.indexes[at] ?? 0, this.preorder.parentOf(at) === -1 ? 'tree' : 'spans');
    }
    return segments.reverse();
  }

  /**
   * The trace: its own fields (JSON text from the parser), checked by the trace schema, with
   * the assembled tree.
   */
  finish(fieldsText: string | null): TraceDetail {
    const fields = fieldsText === null ? undefined : (JSON.parse(fieldsText) as unknown);
    const checked = parseWithSchema(traceDetailFieldsSchema, fields, '$', this.url);
    // A tree the parser did not stream (its key written with escapes) is checked whole.
    if (this.spans === 0 && checked.tree.length > 0) {
      return { ...checked, tree: parseTraceTree(checked.tree, '$.tree', this.url) };
    }
    const tree = this.roots;
    this.preorder.finish(tree);
    return { ...checked, tree };
  }
}
