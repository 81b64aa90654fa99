import type { SpanTree } from '../../../domain/trace/buildSpanTree';

/**
 * Where a failed trace went wrong first: among the ERROR spans with no ERROR span below them
 * (where errors start, before the server marks their ancestors as failed too), the one that
 * started first; on a tie, the one that ended first, then the first in the tree. Null when no
 * span has status ERROR. One pass, O(n).
 */
export function firstErrorOrigin(tree: SpanTree): number | null {
  let best = -1;
  let bestStart = Infinity;
  let bestEnd = Infinity;
  for (let i = 0; i < tree.count; i++) {
    if (tree.isError[i] !== 1 || tree.subtreeErrors[i] !== 1) continue;
    const start = orInfinity(tree.startUs[i]!);
    const end = orInfinity(tree.endUs[i]!);
    if (best < 0 || start < bestStart || (start === bestStart && end < bestEnd)) {
      best = i;
      bestStart = start;
      bestEnd = end;
    }
  }
  return best < 0 ? null : best;
}

/** Unparsable times sort last. */
function orInfinity(us: number): number {
  return Number.isNaN(us) ? Infinity : us;
}
