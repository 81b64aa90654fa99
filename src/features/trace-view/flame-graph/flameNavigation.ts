import type { SpanTree } from '../../../domain/trace/buildSpanTree';

type NavTree = Pick<SpanTree, 'count' | 'parentIndex' | 'childCount' | 'subtreeSize'>;

export type FlameStep = 'parent' | 'firstChild' | 'previous' | 'next';

/** The flame graph's arrow keys: ↑ parent, ↓ first child, ← and → the neighbouring siblings. */
export const STEP_KEYS: Readonly<Record<string, FlameStep>> = {
  ArrowUp: 'parent',
  ArrowDown: 'firstChild',
  ArrowLeft: 'previous',
  ArrowRight: 'next',
};

/**
 * The span one step away in the tree, or null when there is none. Pre-order makes each step
 * O(1) but "previous": from the span before this one (the previous sibling's last descendant)
 * it climbs to the sibling, O(depth).
 */
export function stepFrom(tree: NavTree, index: number, step: FlameStep): number | null {
  const parent = tree.parentIndex[index]!;
  switch (step) {
    case 'parent':
      return parent >= 0 ? parent : null;
    case 'firstChild':
      return tree.childCount[index]! > 0 ? index + 1 : null;
    case 'next': {
      const next = index + tree.subtreeSize[index]!;
      return next < tree.count && tree.parentIndex[next] === parent ? next : null;
    }
    case 'previous': {
      if (index === 0 || index - 1 === parent) return null;
      let sibling = index - 1;
      while (tree.parentIndex[sibling] !== parent) sibling = tree.parentIndex[sibling]!;
      return sibling;
    }
  }
}

/** The span's ancestors and itself, root first. */
export function pathTo(tree: Pick<SpanTree, 'parentIndex'>, index: number): number[] {
  const path: number[] = [];
  for (let at = index; at >= 0; at = tree.parentIndex[at]!) path.push(at);
  return path.reverse();
}

/** Past this many names a path shows its first one, "…" and the last ones. */
const PATH_NAMES_SHOWN = 6;

/** "root › … › parent › span": the path's names, shortened in the middle when deep. */
export function pathLabel(names: readonly string[]): string {
  if (names.length <= PATH_NAMES_SHOWN) return names.join(' › ');
  const hidden = names.length - PATH_NAMES_SHOWN + 1;
  return [
    names[0],
    `… ${hidden.toLocaleString('en')} levels …`,
    ...names.slice(names.length - PATH_NAMES_SHOWN + 2),
  ].join(' › ');
}
