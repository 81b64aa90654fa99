import { describe, expect, it } from 'vitest';
import { median, medianOfRuns, percentile } from './stats';

describe('percentile', () => {
  it('interpolates between the nearest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
    expect(percentile([5], 95)).toBe(5);
  });

  it('ignores order and non-finite values, and is NaN for nothing', () => {
    expect(percentile([3, NaN, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 100)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('medianOfRuns', () => {
  it('takes the median of each field and skips runs without it', () => {
    const runs = [{ open: 100, select: 9 }, { open: 300 }, { open: 200, select: 11 }];
    expect(medianOfRuns(runs)).toEqual({ open: 200, select: 10 });
    expect(median([7, 1, 4])).toBe(4);
  });
});
