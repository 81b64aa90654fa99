import { describe, expect, it } from 'vitest';
import { callCostUsd, contextShare, formatUsd } from './cost';

describe('callCostUsd', () => {
  const sonnet = { input: 3, output: 15 };

  it('prices input and output tokens at their own rates per million', () => {
    // 1,000 × $3/M + 500 × $15/M = $0.003 + $0.0075
    expect(callCostUsd(sonnet, 1000, 500)).toBeCloseTo(0.0105, 10);
    expect(callCostUsd({ input: 0.15, output: 0.6 }, 2_000_000, 0)).toBeCloseTo(0.3, 10);
  });

  it('counts a side not recorded as 0, and is NaN when neither is', () => {
    expect(callCostUsd(sonnet, 1000, Number.NaN)).toBeCloseTo(0.003, 10);
    expect(callCostUsd(sonnet, Number.NaN, Number.NaN)).toBeNaN();
  });

  it('applies the tier the input tokens pass to the whole call', () => {
    const tiered = {
      input: { base: 1.25, tiers: [{ start: 200_000, price: 2.5 }] },
      output: { base: 10, tiers: [{ start: 200_000, price: 15 }] },
    };
    expect(callCostUsd(tiered, 200_000, 1000)).toBeCloseTo(0.25 + 0.01, 10);
    expect(callCostUsd(tiered, 300_000, 1000)).toBeCloseTo(0.75 + 0.015, 10);
  });
});

describe('formatUsd', () => {
  it('shows small costs with three significant digits', () => {
    expect(formatUsd(0.0105)).toBe('$0.0105');
    expect(formatUsd(0.000123456)).toBe('$0.000123');
    expect(formatUsd(0.5)).toBe('$0.5');
  });

  it('shows cents from a dollar up, and whole dollars from a thousand', () => {
    expect(formatUsd(1.234)).toBe('$1.23');
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatUsd(1234.5)).toBe('$1,235');
  });

  it('says zero and near-zero plainly', () => {
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(0.0000001)).toBe('<$0.000001');
  });
});

describe('contextShare', () => {
  it('is input tokens over the window', () => {
    expect(contextShare(100_000, 128_000)).toBeCloseTo(0.78125, 10);
    expect(contextShare(170_000, 200_000)).toBeCloseTo(0.85, 10);
  });

  it('is NaN when the window or the tokens are unknown', () => {
    expect(contextShare(1000, null)).toBeNaN();
    expect(contextShare(1000, 0)).toBeNaN();
    expect(contextShare(Number.NaN, 128_000)).toBeNaN();
  });
});
