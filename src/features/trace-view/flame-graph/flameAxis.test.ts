import { describe, expect, it } from 'vitest';
import { flameTicks } from './flameAxis';

const AXIS = 1_763_548_200_000_000; // epoch µs

describe('flameTicks', () => {
  it('puts round ticks over the whole trace, from 0', () => {
    const ticks = flameTicks({ startUs: AXIS, endUs: AXIS + 10_000_000 }, AXIS, 5);
    expect(ticks.map((tick) => tick.offsetUs)).toEqual([
      0, 2_000_000, 4_000_000, 6_000_000, 8_000_000, 10_000_000,
    ]);
    expect(ticks[1]!.fraction).toBeCloseTo(0.2);
  });

  it('keeps offsets from the trace start in a zoomed range, to the µs', () => {
    const range = { startUs: AXIS + 368_123_456, endUs: AXIS + 368_123_506 }; // 50 µs
    const ticks = flameTicks(range, AXIS, 5);
    expect(ticks.map((tick) => tick.offsetUs)).toEqual([
      368_123_460, 368_123_470, 368_123_480, 368_123_490, 368_123_500,
    ]);
    expect(ticks[0]!.fraction).toBeCloseTo(4 / 50);
  });

  it('has no ticks for an empty range', () => {
    expect(flameTicks({ startUs: AXIS, endUs: AXIS }, AXIS)).toEqual([]);
  });
});
