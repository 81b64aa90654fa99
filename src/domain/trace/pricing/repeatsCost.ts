import type { TraceCosts } from './traceCosts';

/**
 * What the repeats cost: every call of each group after its first (the first was needed), each
 * with the model calls under it (a repeated tool may run one). USD at list prices, and how many
 * of those calls have no price.
 */
export function repeatsCost(
  repeated: { groups: readonly { spans: readonly number[] }[] },
  costs: Pick<TraceCosts, 'subtreeCostUsd' | 'subtreeUnpricedCalls'>,
): { costUsd: number; unpricedCalls: number } {
  let costUsd = 0;
  let unpricedCalls = 0;
  for (const group of repeated.groups) {
    for (const index of group.spans.slice(1)) {
      costUsd += costs.subtreeCostUsd(index);
      unpricedCalls += costs.subtreeUnpricedCalls(index);
    }
  }
  return { costUsd, unpricedCalls };
}
