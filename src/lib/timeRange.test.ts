import { describe, expect, it } from 'vitest';
import {
  describeTimeRange,
  fromDateTimeLocal,
  startOfLast,
  TIME_RANGE_FIELDS,
  timeRangeKind,
  toDateTimeLocal,
  toTimeWindow,
} from './timeRange';
import { parseSearchFields } from './searchSchema';

describe('TIME_RANGE_FIELDS', () => {
  it('reads presets and drops unknown ones', () => {
    expect(parseSearchFields(TIME_RANGE_FIELDS, { range: '7d' }).search).toEqual({ range: '7d' });
    expect(parseSearchFields(TIME_RANGE_FIELDS, { range: '2w' })).toEqual({
      search: {},
      dropped: [{ key: 'range', value: '2w', reason: 'not a time range (15m, 1h, 24h, 7d)' }],
    });
  });

  it('keeps one open end of a custom range, in UTC', () => {
    expect(
      parseSearchFields(TIME_RANGE_FIELDS, { end_time: '2025-11-19T10:00:00.5Z' }).search,
    ).toEqual({ end_time: '2025-11-19T10:00:00.500Z' });
  });
});

describe('timeRangeKind and toTimeWindow', () => {
  it('tells any, preset and custom apart', () => {
    expect(timeRangeKind({})).toBe('any');
    expect(timeRangeKind({ range: '1h' })).toBe('1h');
    expect(timeRangeKind({ start_time: '2025-11-19T10:00:00.000Z' })).toBe('custom');
  });

  it('sends a preset as a duration and custom bounds as they are', () => {
    expect(toTimeWindow({ range: '24h' })).toEqual({ lastMs: 86_400_000 });
    expect(toTimeWindow({ start_time: 'a', end_time: 'b' })).toEqual({
      start_time: 'a',
      end_time: 'b',
    });
    expect(toTimeWindow({})).toEqual({});
  });

  it('resolves a preset against now, with a zone', () => {
    expect(startOfLast(3_600_000, Date.UTC(2025, 10, 19, 12, 0, 0))).toBe(
      '2025-11-19T11:00:00.000Z',
    );
  });
});

describe('datetime-local conversion', () => {
  it('reads and writes the input’s value in UTC', () => {
    expect(toDateTimeLocal('2025-11-19T10:30:45.123Z', true)).toBe('2025-11-19T10:30');
    expect(fromDateTimeLocal('2025-11-19T10:30', true)).toBe('2025-11-19T10:30:00.000Z');
  });

  it('reads and writes it in the browser’s zone, round trip', () => {
    const iso = fromDateTimeLocal('2025-06-01T08:15', false);
    expect(iso).toMatch(/Z$/);
    expect(toDateTimeLocal(iso, false)).toBe('2025-06-01T08:15');
    const local = new Date(2025, 5, 1, 8, 15);
    expect(iso).toBe(local.toISOString());
  });

  it('gives nothing for an empty or broken value', () => {
    expect(fromDateTimeLocal('', true)).toBeUndefined();
    expect(toDateTimeLocal(undefined, true)).toBe('');
    expect(toDateTimeLocal('nope', true)).toBe('');
  });
});

describe('describeTimeRange', () => {
  const format = (iso: string) => iso.slice(0, 16);
  it('words presets and bounds', () => {
    expect(describeTimeRange({ range: '15m' }, format)).toBe('Last 15 minutes');
    expect(describeTimeRange({ start_time: '2025-11-19T10:00:00Z' }, format)).toBe(
      'From 2025-11-19T10:00',
    );
    expect(
      describeTimeRange({ start_time: '2025-11-19T10:00Z', end_time: '2025-11-19T11:00Z' }, format),
    ).toBe('2025-11-19T10:00 – 2025-11-19T11:00');
    expect(describeTimeRange({}, format)).toBe('Any time');
  });
});
