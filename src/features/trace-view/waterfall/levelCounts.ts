import type { SpanTree } from '../../../domain/trace/buildSpanTree';

/**
 * How many spans "Expand to level N" shows, for N = 1 … deepest level: entry N-1 counts the
 * spans at depth < N. One pass over the depths; levels past `maxLevels` are left out (a
 * 10,000-deep chain would make a menu nobody can use).
 */
export function levelCounts(tree: SpanTree, maxLevels = 12): number[] {
  const levels = Math.min(tree.maxDepth + 1, maxLevels);
  const atDepth = new Array<number>(levels).fill(0);
  for (let i = 0; i < tree.count; i++) {
    const depth = tree.depth[i]!;
    if (depth < levels) atDepth[depth]!++;
  }
  let total = 0;
  return atDepth.map((count) => (total += count));
}
