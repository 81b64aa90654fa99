import { describe, expect, it } from 'vitest';
import { deltaTone, formatCostDelta, formatCountDelta, formatDurationDelta } from './formatDelta';

describe('formatDurationDelta', () => {
  it('signs the difference and gives the change in percent of A', () => {
    expect(formatDurationDelta(800_000, 920_000)).toBe('+120ms (+15%)');
    expect(formatDurationDelta(1_000_000, 995_000)).toBe('−5ms (−0.5%)');
    expect(formatDurationDelta(0, 1000)).toBe('+1ms');
    expect(formatDurationDelta(5, 5)).toBe('0');
    expect(formatDurationDelta(Number.NaN, 5)).toBe('–');
  });
});

describe('formatCountDelta', () => {
  it('signs the difference of counts, a missing count being zero', () => {
    expect(formatCountDelta(100, 1300)).toBe('+1,200');
    expect(formatCountDelta(10, null)).toBe('−10');
    expect(formatCountDelta(null, null)).toBe('–');
  });
});

describe('deltaTone', () => {
  it('calls a change beyond the threshold worse or better', () => {
    expect(deltaTone(100, 120)).toBe('worse');
    expect(deltaTone(100, 80)).toBe('better');
    expect(deltaTone(100, 105)).toBeNull();
  });
});

describe('formatCostDelta', () => {
  it('signs the difference in dollars and gives it in percent of A', () => {
    expect(formatCostDelta(0.01, 0.0115)).toBe('+$0.0015 (+15%)');
    expect(formatCostDelta(0.02, 0.01)).toBe('−$0.01 (−50%)');
    expect(formatCostDelta(0.01, 0.01)).toBe('0');
    expect(formatCostDelta(Number.NaN, 0.01)).toBe('–');
  });
});
