import { describe, expect, it } from 'vitest';
import {
  fitZoom,
  formatZoom,
  panBy,
  parseZoom,
  shownOffsets,
  zoomAround,
  zoomBetween,
  zoomTimeRange,
} from './timeRange';

const LENGTH = 10_000_000; // a 10 s trace

describe('parseZoom and formatZoom', () => {
  it('reads two whole µs offsets and writes them back the same', () => {
    expect(parseZoom('1250000-2400000')).toEqual({ startUs: 1_250_000, endUs: 2_400_000 });
    expect(formatZoom({ startUs: 1_250_000, endUs: 2_400_000 })).toBe('1250000-2400000');
  });

  it('refuses anything else', () => {
    expect(parseZoom('2400000-1250000')).toBeNull();
    expect(parseZoom('5-5')).toBeNull();
    expect(parseZoom('1.5-3')).toBeNull();
    expect(parseZoom('-5-10')).toBeNull();
    expect(parseZoom('abc')).toBeNull();
    expect(parseZoom('')).toBeNull();
  });
});

describe('fitZoom', () => {
  it('keeps a zoom inside the trace as it is, to the µs', () => {
    expect(fitZoom({ startUs: 368_123_456, endUs: 368_123_506 }, 400_000_000)).toEqual({
      startUs: 368_123_456,
      endUs: 368_123_506,
    });
  });

  it('rounds to whole µs and clips to the trace', () => {
    expect(fitZoom({ startUs: 1_000.4, endUs: 20_000_000 }, LENGTH)).toEqual({
      startUs: 1_000,
      endUs: 10_000_000,
    });
  });

  it('widens a zoom narrower than 10 µs around its middle', () => {
    expect(fitZoom({ startUs: 5_000, endUs: 5_002 }, LENGTH)).toEqual({
      startUs: 4_996,
      endUs: 5_006,
    });
    expect(fitZoom({ startUs: 0, endUs: 2 }, LENGTH)).toEqual({ startUs: 0, endUs: 10 });
  });

  it('is no zoom when it covers the whole trace or lies outside it', () => {
    expect(fitZoom({ startUs: 0, endUs: LENGTH }, LENGTH)).toBeNull();
    expect(fitZoom({ startUs: LENGTH, endUs: LENGTH + 5 }, LENGTH)).toBeNull();
    expect(fitZoom({ startUs: 0, endUs: 5 }, 8)).toBeNull();
  });
});

describe('zoom gestures', () => {
  it('zooms to the part of the shown range between two fractions of its width', () => {
    const shown = { startUs: 2_000_000, endUs: 4_000_000 };
    expect(zoomBetween(shown, 0.75, 0.25, LENGTH)).toEqual({
      startUs: 2_500_000,
      endUs: 3_500_000,
    });
  });

  it('zooms in around the pointer, which stays at the same place', () => {
    const shown = shownOffsets(null, LENGTH);
    expect(zoomAround(shown, 0.25, 0.5, LENGTH)).toEqual({ startUs: 1_250_000, endUs: 6_250_000 });
  });

  it('zooms out no further than the whole trace', () => {
    expect(zoomAround({ startUs: 1_000_000, endUs: 2_000_000 }, 0.5, 100, LENGTH)).toBeNull();
  });

  it('pans by a time, stopping at the trace’s ends with the same width', () => {
    const shown = { startUs: 1_000_000, endUs: 2_000_000 };
    expect(panBy(shown, 500_000, LENGTH)).toEqual({ startUs: 1_500_000, endUs: 2_500_000 });
    expect(panBy(shown, -5_000_000, LENGTH)).toEqual({ startUs: 0, endUs: 1_000_000 });
    expect(panBy(shown, 50_000_000, LENGTH)).toEqual({ startUs: 9_000_000, endUs: 10_000_000 });
  });

  it('gives the epoch range of a zoom without losing µs', () => {
    const axis = 1_763_548_200_000_000;
    expect(zoomTimeRange(axis, { startUs: 7, endUs: 19 })).toEqual({
      startUs: 1_763_548_200_000_007,
      endUs: 1_763_548_200_000_019,
    });
  });
});
