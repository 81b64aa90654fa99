import type { TraceNode } from '../../api/schemas';
import { spanPreorderOf, type SpanPreorder } from '../../api/spanPreorder';
import { parseTimestampUs } from '../../lib/time';

/**
 * The span tree as flat arrays in depth-first (pre-)order, built in one iterative pass: trees
 * can be 100,000 spans and 10,000 levels deep, so nothing here recurses, and per-span data lives
 * in typed arrays rather than per-span objects.
 *
 * The subtree of span `i` is the index range [i, i + subtreeSize[i]).
 */
export interface SpanTree {
  count: number;
  /** The nodes as the server sent them (for the panel and the raw JSON view). */
  nodes: TraceNode[];
  parentIndex: Int32Array;
  depth: Int32Array;
  subtreeSize: Int32Array;
  childCount: Int32Array;
  /** Position among its siblings (0-based); with the parent's childCount, for aria-posinset/setsize. */
  siblingIndex: Int32Array;
  /** Epoch microseconds; NaN when the server sent something unparsable. */
  startUs: Float64Array;
  endUs: Float64Array;
  isError: Uint8Array;
  /** Number of ERROR spans in the subtree, the span included. */
  subtreeErrors: Int32Array;
  indexById: Map<string, number>;
  rootCount: number;
  maxDepth: number;
  /** Earliest start and latest end over all spans: the shared time axis. */
  startBoundUs: number;
  endBoundUs: number;
  /** Span ids seen more than once; later copies keep their place but links go to the first. */
  duplicateIds: string[];
}

export function buildSpanTree(roots: readonly TraceNode[]): SpanTree {
  // A streamed answer's spans were put in pre-order as they arrived (spanPreorder.ts).
  const { nodes, parentIndex, depth, startUs, endUs, indexById, duplicateIds } =
    spanPreorderOf(roots) ?? walkSpans(roots);
  const count = nodes.length;
  const subtreeSize = new Int32Array(count).fill(1);
  const childCount = new Int32Array(count);
  const siblingIndex = new Int32Array(count);
  const isError = new Uint8Array(count);
  const subtreeErrors = new Int32Array(count);
  let startBoundUs = Infinity;
  let endBoundUs = -Infinity;
  let maxDepth = 0;
  let rootsSeen = 0;

  for (let i = 0; i < count; i++) {
    const start = startUs[i]!;
    const end = endUs[i]!;
    if (start < startBoundUs) startBoundUs = start;
    if (end > endBoundUs) endBoundUs = end;
    isError[i] = (nodes[i] as TraceNode).status === 'ERROR' ? 1 : 0;
    if (depth[i]! > maxDepth) maxDepth = depth[i]!;
    // Pre-order visits siblings in order, so counting children so far gives the position.
    const parent = parentIndex[i]!;
    if (parent >= 0) siblingIndex[i] = childCount[parent]!++;
    else siblingIndex[i] = rootsSeen++;
  }

  // Children come after their parent in pre-order, so a reverse sweep sums subtrees bottom-up.
  for (let i = count - 1; i >= 0; i--) {
    subtreeErrors[i]! += isError[i]!;
    const parent = parentIndex[i]!;
    if (parent >= 0) {
      subtreeSize[parent]! += subtreeSize[i]!;
      subtreeErrors[parent]! += subtreeErrors[i]!;
    }
  }

  // When only one side parsed anywhere (every end time unreadable, say), the axis is built from
  // that side alone rather than falling back to 1970; with nothing readable it is empty.
  if (!Number.isFinite(startBoundUs) || !Number.isFinite(endBoundUs)) {
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < count; i++) {
      for (const at of [startUs[i]!, endUs[i]!]) {
        if (Number.isFinite(at)) {
          if (at < low) low = at;
          if (at > high) high = at;
        }
      }
    }
    startBoundUs = Number.isFinite(low) ? low : 0;
    endBoundUs = Number.isFinite(high) ? high : 0;
  }

  return {
    count,
    nodes,
    parentIndex,
    depth,
    subtreeSize,
    childCount,
    siblingIndex,
    startUs,
    endUs,
    isError,
    subtreeErrors,
    indexById,
    rootCount: roots.length,
    maxDepth,
    startBoundUs,
    endBoundUs,
    duplicateIds,
  };
}

/** The spans in pre-order, with their parents, depths, times and ids: one iterative walk. */
function walkSpans(roots: readonly TraceNode[]): SpanPreorder {
  const nodes: TraceNode[] = [];
  const parents: number[] = [];
  const depths: number[] = [];

  // Pre-order DFS with an explicit stack; children pushed in reverse to keep their order.
  const stack: { node: TraceNode; parent: number; depth: number }[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    stack.push({ node: roots[i] as TraceNode, parent: -1, depth: 0 });
  }
  while (stack.length > 0) {
    const { node, parent, depth } = stack.pop()!;
    const index = nodes.length;
    nodes.push(node);
    parents.push(parent);
    depths.push(depth);
    const children = node.spans;
    if (children) {
      for (let c = children.length - 1; c >= 0; c--) {
        stack.push({ node: children[c] as TraceNode, parent: index, depth: depth + 1 });
      }
    }
  }

  const count = nodes.length;
  const startUs = new Float64Array(count);
  const endUs = new Float64Array(count);
  const indexById = new Map<string, number>();
  const duplicateIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const node = nodes[i] as TraceNode;
    startUs[i] = parseTimestampUs(node.start_time);
    endUs[i] = parseTimestampUs(node.end_time);
    if (indexById.has(node.id)) duplicateIds.push(node.id);
    else indexById.set(node.id, i);
  }
  return {
    nodes,
    parentIndex: Int32Array.from(parents),
    depth: Int32Array.from(depths),
    startUs,
    endUs,
    indexById,
    duplicateIds,
  };
}
