import type { SpanTree } from '../../../domain/trace/buildSpanTree';

/**
 * Collapse state is one byte per span (1 = collapsed), replaced, never mutated, on each change:
 * copying 100,000 bytes is cheaper than any Set of indexes, and React sees a new value.
 */
export type CollapsedSpans = Uint8Array;

/**
 * The rows to show, in tree order: skips the subtree of a collapsed span (the span itself stays)
 * and, when a filter hides spans, every subtree with nothing kept in it. O(rows shown + skips).
 */
export function flattenVisibleRows(
  tree: SpanTree,
  collapsed: CollapsedSpans,
  keep?: Uint8Array,
): Int32Array {
  const rows = new Int32Array(tree.count);
  let length = 0;
  for (let i = 0; i < tree.count;) {
    if (keep && keep[i] === 0) {
      i += tree.subtreeSize[i]!;
      continue;
    }
    rows[length++] = i;
    i += collapsed[i] === 1 ? tree.subtreeSize[i]! : 1;
  }
  return rows.subarray(0, length);
}

export function expandAll(tree: SpanTree): CollapsedSpans {
  return new Uint8Array(tree.count);
}

export function collapseAll(tree: SpanTree): CollapsedSpans {
  return collapseToDepth(tree, 1);
}

/** Shows `levels` levels of the tree: every parent at depth `levels - 1` or deeper is collapsed. */
export function collapseToDepth(tree: SpanTree, levels: number): CollapsedSpans {
  const collapsed = new Uint8Array(tree.count);
  for (let i = 0; i < tree.count; i++) {
    if (tree.childCount[i]! > 0 && tree.depth[i]! >= levels - 1) collapsed[i] = 1;
  }
  return collapsed;
}

export function toggleCollapsed(collapsed: CollapsedSpans, index: number): CollapsedSpans {
  const next = collapsed.slice();
  next[index] = next[index] === 1 ? 0 : 1;
  return next;
}

export function setCollapsed(
  collapsed: CollapsedSpans,
  index: number,
  value: boolean,
): CollapsedSpans {
  if ((collapsed[index] === 1) === value) return collapsed;
  const next = collapsed.slice();
  next[index] = value ? 1 : 0;
  return next;
}

/** Expands every ancestor of `index` so it becomes visible; the same array when nothing changes. */
export function expandAncestors(
  tree: SpanTree,
  collapsed: CollapsedSpans,
  index: number,
): CollapsedSpans {
  let next = collapsed;
  for (let at = tree.parentIndex[index] ?? -1; at >= 0; at = tree.parentIndex[at]!) {
    if (next[at] === 1) {
      if (next === collapsed) next = collapsed.slice();
      next[at] = 0;
    }
  }
  return next;
}

/** Number of collapsed parents: tells whether "Expand all" has anything to do. */
export function countCollapsed(collapsed: CollapsedSpans): number {
  let count = 0;
  for (let i = 0; i < collapsed.length; i++) count += collapsed[i]!;
  return count;
}
