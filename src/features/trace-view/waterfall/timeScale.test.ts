import { describe, expect, it } from 'vitest';
import { barGeometry, createTimeScale, MIN_BAR_PERCENT } from './timeScale';

describe('barGeometry', () => {
  const scale = createTimeScale(1_000_000, 2_000_000); // a 1 s axis

  it('places a bar by its start and end', () => {
    expect(barGeometry(scale, 1_250_000, 1_500_000)).toEqual({
      leftPercent: 25,
      widthPercent: 25,
      clip: 'none',
    });
  });

  it('keeps a sub-millisecond span visible with the minimum width', () => {
    const bar = barGeometry(scale, 1_500_000, 1_500_200);
    expect(bar.widthPercent).toBe(MIN_BAR_PERCENT);
    expect(bar.leftPercent).toBe(50);
  });

  it('cuts a bar that starts before the range at its left edge', () => {
    const bar = barGeometry(scale, 990_000, 1_100_000);
    expect(bar.leftPercent).toBe(0);
    expect(bar.widthPercent).toBeCloseTo(10);
    expect(bar.clip).toBe('start');
  });

  it('cuts a bar that ends after the range at its right edge', () => {
    const bar = barGeometry(scale, 1_950_000, 2_100_000);
    expect(bar.leftPercent).toBeCloseTo(95);
    expect(bar.widthPercent).toBeCloseTo(5);
    expect(bar.clip).toBe('end');
  });

  it('cuts both ends of a span longer than the range', () => {
    expect(barGeometry(scale, 0, 5_000_000)).toEqual({
      leftPercent: 0,
      widthPercent: 100,
      clip: 'both',
    });
  });

  it('draws no bar for a span wholly outside the range, and says on which side it is', () => {
    expect(barGeometry(scale, 100_000, 900_000)).toEqual({
      leftPercent: 0,
      widthPercent: 0,
      clip: 'before',
    });
    expect(barGeometry(scale, 2_000_001, 2_500_000).clip).toBe('after');
    // Touching the edge from outside is outside; an instant on the edge is inside.
    expect(barGeometry(scale, 500_000, 1_000_000).clip).toBe('before');
    expect(barGeometry(scale, 2_000_000, 2_000_000).clip).toBe('none');
  });

  it('keeps µs precision on epoch times in a range a few µs wide', () => {
    const epoch = 1_763_548_200_000_000;
    const narrow = createTimeScale(epoch + 100, epoch + 110); // 10 µs
    expect(barGeometry(narrow, epoch + 102, epoch + 105)).toEqual({
      leftPercent: 20,
      widthPercent: 30,
      clip: 'none',
    });
    expect(barGeometry(narrow, epoch + 99, epoch + 101)).toEqual({
      leftPercent: 0,
      widthPercent: 10,
      clip: 'start',
    });
  });

  it('gives end-before-start and unknown times the minimum width, not a negative one', () => {
    expect(barGeometry(scale, 1_500_000, 1_400_000).widthPercent).toBe(MIN_BAR_PERCENT);
    expect(barGeometry(scale, Number.NaN, Number.NaN)).toEqual({
      leftPercent: 0,
      widthPercent: MIN_BAR_PERCENT,
      clip: 'none',
    });
  });

  it('survives an instant trace (zero-length axis)', () => {
    const instant = createTimeScale(5, 5);
    expect(barGeometry(instant, 5, 5).widthPercent).toBe(MIN_BAR_PERCENT);
  });
});
