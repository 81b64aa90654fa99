import { parseTimestampUs } from '../lib/time';
import type { TraceNode } from './schemas';

/**
 * A streamed tree's spans in pre-order (the order they opened in the answer), with the facts
 * the span tree needs of each (buildSpanTree.ts), gathered batch by batch as the spans arrived:
 * building the tree at the end then does not walk 100,000 spans in one long task (about 200 ms
 * of the page's time).
 */
export interface SpanPreorder {
  nodes: TraceNode[];
  parentIndex: Int32Array;
  depth: Int32Array;
  /** Epoch microseconds; NaN when unparsable. */
  startUs: Float64Array;
  endUs: Float64Array;
  /** The first span, in pre-order, of each id. */
  indexById: Map<string, number>;
  /** The ids of the later copies, in pre-order. */
  duplicateIds: string[];
}

// Keyed by the tree's roots array, which the trace keeps for as long as it lives.
const preorders = new WeakMap<readonly TraceNode[], SpanPreorder>();

/** What `SpanPreorderBuilder` gathered for these roots, if they came from a streamed answer. */
export function spanPreorderOf(roots: readonly TraceNode[]): SpanPreorder | undefined {
  return preorders.get(roots);
}

/**
 * Gathers a `SpanPreorder` as spans open (in pre-order) and complete (children first). Each
 * span's position is the `seq` the stream parser gave it when it opened.
 */
export class SpanPreorderBuilder {
  // A slot per span as it opens: spans complete out of order, and writes past the end would
  // turn the array into a slow dictionary.
  private readonly nodes: (TraceNode | undefined)[] = [];
  private readonly parents: number[] = [];
  private readonly depths: number[] = [];
  private startUs = new Float64Array(1024);
  private endUs = new Float64Array(1024);
  private readonly indexById = new Map<string, number>();
  private readonly duplicates: number[] = [];
  private placed = 0;
  /** False once a span's subtree was placed by other means (`spoil`). */
  private isIntact = true;

  open(seq: number, parent: number): void {
    this.parents[seq] = parent;
    this.depths[seq] = parent === -1 ? 0 : (this.depths[parent] ?? 0) + 1;
    while (this.nodes.length <= seq) this.nodes.push(undefined);
  }

  /** The `seq` of the parent of span `seq` (-1 for a root), once it opened. */
  parentOf(seq: number): number | undefined {
    return this.parents[seq];
  }

  place(seq: number, node: TraceNode): void {
    if (seq >= this.startUs.length) {
      this.startUs = grown(this.startUs, seq);
      this.endUs = grown(this.endUs, seq);
    }
    this.nodes[seq] = node;
    this.startUs[seq] = parseTimestampUs(node.start_time);
    this.endUs[seq] = parseTimestampUs(node.end_time);
    // Spans complete children first, not in pre-order: the first in pre-order keeps the id.
    const first = this.indexById.get(node.id);
    if (first === undefined) {
      this.indexById.set(node.id, seq);
    } else {
      this.duplicates.push(Math.max(first, seq));
      if (seq < first) this.indexById.set(node.id, seq);
    }
    this.placed++;
  }

  /** A span's subtree was placed by other means: the tree must be walked. (A span left out
   * is seen at `finish`: fewer placed than opened.) */
  spoil(): void {
    this.isIntact = false;
  }

  /** Registers the pre-order for `roots` when every span that opened was placed. */
  finish(roots: readonly TraceNode[]): void {
    const count = this.parents.length;
    if (!this.isIntact || this.placed !== count) return;
    const duplicateIds = this.duplicates
      .sort((a, b) => a - b)
      .map((seq) => (this.nodes[seq] as TraceNode).id);
    preorders.set(roots, {
      nodes: this.nodes as TraceNode[],
      parentIndex: Int32Array.from(this.parents),
      depth: Int32Array.from(this.depths),
      startUs: this.startUs.slice(0, count),
      endUs: this.endUs.slice(0, count),
      indexById: this.indexById,
      duplicateIds,
    });
  }
}

function grown(values: Float64Array<ArrayBuffer>, index: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(Math.max(values.length * 2, index + 1));
  next.set(values);
  return next;
}
