import { describe, expect, it } from 'vitest';
import { memoizeLast } from './memoizeLast';

describe('memoizeLast', () => {
  it('computes once for the same arguments and again when one changes', () => {
    const calls: number[] = [];
    const double = memoizeLast((value: number) => {
      calls.push(value);
      return value * 2;
    });
    expect(double(2)).toBe(4);
    expect(double(2)).toBe(4);
    expect(double(3)).toBe(6);
    expect(calls).toEqual([2, 3]);
  });
});
