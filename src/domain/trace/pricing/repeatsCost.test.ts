import { describe, expect, it } from 'vitest';
import { repeatsCost } from './repeatsCost';

describe('repeatsCost', () => {
  it('sums every call of a group after the first, with what runs under it', () => {
    const own = [0.01, 0.02, 0.03, 0, 0.5];
    const unpriced = [0, 0, 0, 1, 0];
    const costs = {
      subtreeCostUsd: (i: number) => own[i]!,
      subtreeUnpricedCalls: (i: number) => unpriced[i]!,
    };
    const groups = [
      { label: 'gpt-4o', spans: [0, 1, 2] },
      { label: 'search', spans: [4, 3] },
    ];
    const result = repeatsCost({ groups }, costs);
    // 0.02 + 0.03 from the loop; the tool's second call (3) has one unpriced call under it.
    expect(result.costUsd).toBeCloseTo(0.05, 12);
    expect(result.unpricedCalls).toBe(1);
  });
});
