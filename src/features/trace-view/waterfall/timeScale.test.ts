import { describe, expect, it } from 'vitest';
import { barGeometry, createTimeScale, MIN_BAR_PERCENT, timeTicks } from './timeScale';

describe('barGeometry', () => {
  const scale = createTimeScale(1_000_000, 2_000_000); // a 1 s axis

  it('places a bar by its start and end', () => {
    expect(barGeometry(scale, 1_250_000, 1_500_000)).toEqual({ leftPercent: 25, widthPercent: 25 });
  });

  it('keeps a sub-millisecond span visible with the minimum width', () => {
    const bar = barGeometry(scale, 1_500_000, 1_500_200);
    expect(bar.widthPercent).toBe(MIN_BAR_PERCENT);
    expect(bar.leftPercent).toBe(50);
  });

  it('clamps a child that starts before the axis (clock skew)', () => {
    const bar = barGeometry(scale, 990_000, 1_100_000);
    expect(bar.leftPercent).toBe(0);
    expect(bar.widthPercent).toBeCloseTo(11);
  });

  it('keeps a bar that ends after the axis inside it', () => {
    const bar = barGeometry(scale, 1_950_000, 2_100_000);
    expect(bar.leftPercent + bar.widthPercent).toBeLessThanOrEqual(100);
  });

  it('gives end-before-start and unknown times the minimum width, not a negative one', () => {
    expect(barGeometry(scale, 1_500_000, 1_400_000).widthPercent).toBe(MIN_BAR_PERCENT);
    expect(barGeometry(scale, Number.NaN, Number.NaN)).toEqual({
      leftPercent: 0,
      widthPercent: MIN_BAR_PERCENT,
    });
  });

  it('survives an instant trace (zero-length axis)', () => {
    const instant = createTimeScale(5, 5);
    expect(barGeometry(instant, 5, 5).widthPercent).toBe(MIN_BAR_PERCENT);
  });
});

describe('timeTicks', () => {
  it('puts ticks at round offsets', () => {
    const ticks = timeTicks(createTimeScale(0, 1_000_000), 5);
    expect(ticks.map((tick) => tick.offsetUs)).toEqual([
      0, 200_000, 400_000, 600_000, 800_000, 1_000_000,
    ]);
    expect(ticks[1]!.percent).toBeCloseTo(20);
  });

  it('works for microsecond-long traces', () => {
    const ticks = timeTicks(createTimeScale(0, 7), 5);
    expect(ticks[0]!.offsetUs).toBe(0);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
  });
});
