import { parseTraceTree, parseWithSchema } from './parse';
import { traceDetailFieldsSchema, type TraceDetail, type TraceNode } from './schemas';
import type { StreamedNode } from './traceStreamParser';

/**
 * Builds the span tree from the spans the stream parser emits, children before parents (on the
 * main thread when the parser runs in a worker). Each span is placed once: O(spans).
 */
export class TraceAssembler {
  private readonly roots: TraceNode[] = [];
  /** Children that arrived before their parent, by the parent's `seq`. */
  private readonly childrenOf = new Map<number, TraceNode[]>();
  /** Spans received so far. */
  spans = 0;

  add(records: readonly StreamedNode[]): void {
    for (const record of records) {
      const node = record.node;
      if (record.streamed) {
        node.spans = this.childrenOf.get(record.seq) ?? [];
        this.childrenOf.delete(record.seq);
      }
      if (record.parent === -1) {
        this.roots[record.index] = node;
      } else {
        let siblings = this.childrenOf.get(record.parent);
        if (!siblings) {
          siblings = [];
          this.childrenOf.set(record.parent, siblings);
        }
        siblings[record.index] = node;
      }
      this.spans++;
    }
  }

  /**
   * The trace: its own fields, checked by the trace schema (the same JSON paths as the
   * whole-answer parser), with the assembled tree.
   */
  finish(fields: unknown, url?: string): TraceDetail {
    const checked = parseWithSchema(traceDetailFieldsSchema, fields, '$', url);
    // A tree the parser did not stream (its key written with escapes) is checked whole.
    const tree =
      this.spans === 0 && checked.tree.length > 0
        ? parseTraceTree(checked.tree, '$.tree', url)
        : this.roots;
    return { ...checked, tree };
  }
}
