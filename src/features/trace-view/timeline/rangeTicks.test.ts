import { describe, expect, it } from 'vitest';
import { rangeTicks, tickLabel } from './rangeTicks';

const AXIS = 1_763_548_200_000_000; // epoch µs

describe('rangeTicks', () => {
  it('puts round ticks over the whole trace, from 0', () => {
    const ticks = rangeTicks({ startUs: AXIS, endUs: AXIS + 10_000_000 }, AXIS, 5);
    expect(ticks.map((tick) => tick.offsetUs)).toEqual([
      0, 2_000_000, 4_000_000, 6_000_000, 8_000_000, 10_000_000,
    ]);
    expect(ticks[1]!.fraction).toBeCloseTo(0.2);
  });

  it('keeps offsets from the trace start in a zoomed range, to the µs', () => {
    const range = { startUs: AXIS + 368_123_456, endUs: AXIS + 368_123_506 }; // 50 µs
    const ticks = rangeTicks(range, AXIS, 5);
    expect(ticks.map((tick) => tick.offsetUs)).toEqual([
      368_123_460, 368_123_470, 368_123_480, 368_123_490, 368_123_500,
    ]);
    expect(ticks[0]!.fraction).toBeCloseTo(4 / 50);
  });

  it('has no ticks for an empty range', () => {
    expect(rangeTicks({ startUs: AXIS, endUs: AXIS }, AXIS)).toEqual([]);
  });
});

describe('tickLabel', () => {
  it('gives each tick the decimals its step needs, µs to hours', () => {
    expect(tickLabel(0, 1)).toBe('0');
    expect(tickLabel(850, 50)).toBe('850µs');
    expect(tickLabel(12_350, 10)).toBe('12.35ms');
    expect(tickLabel(400_000, 100_000)).toBe('400ms');
    expect(tickLabel(1_200_000, 200_000)).toBe('1.2s');
    expect(tickLabel(368_123_460, 10)).toBe('6m 08.12346s');
    expect(tickLabel(600_000_000, 60_000_000)).toBe('10m 00s');
    expect(tickLabel(7_500_000_000, 300_000_000)).toBe('2h 05m');
    expect(tickLabel(7_500_000_500, 100)).toBe('2h 05m 00.0005s');
  });

  it('labels zoomed ticks so that neighbours differ', () => {
    const range = { startUs: AXIS + 368_123_456, endUs: AXIS + 368_123_506 };
    expect(rangeTicks(range, AXIS, 5).map((tick) => tick.label)).toEqual([
      '6m 08.12346s',
      '6m 08.12347s',
      '6m 08.12348s',
      '6m 08.12349s',
      '6m 08.12350s',
    ]);
  });
});
