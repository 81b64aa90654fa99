import { describe, expect, it } from 'vitest';
import {
  durationBetweenUs,
  durationProblem,
  formatDuration,
  formatDurationBetween,
  formatRelative,
  parseTimestampUs,
} from './time';

const BASE_MS = Date.UTC(2025, 10, 19, 10, 30, 0);

describe('parseTimestampUs', () => {
  it('keeps all six fractional digits', () => {
    expect(parseTimestampUs('2025-11-19T10:30:00.123456Z')).toBe(BASE_MS * 1000 + 123_456);
  });

  it('reads Z, +00:00 and no zone as the same UTC instant', () => {
    const expected = BASE_MS * 1000 + 104_233;
    expect(parseTimestampUs('2025-11-19T10:30:00.104233Z')).toBe(expected);
    expect(parseTimestampUs('2025-11-19T10:30:00.104233+00:00')).toBe(expected);
    expect(parseTimestampUs('2025-11-19T10:30:00.104233')).toBe(expected);
  });

  it('applies offsets', () => {
    expect(parseTimestampUs('2025-11-19T16:00:00+05:30')).toBe(BASE_MS * 1000);
    expect(parseTimestampUs('2025-11-19T05:30:00-0500')).toBe(BASE_MS * 1000);
  });

  it('accepts 0 to 6 fraction digits and no seconds', () => {
    expect(parseTimestampUs('2025-11-19T10:30:00.5Z')).toBe(BASE_MS * 1000 + 500_000);
    expect(parseTimestampUs('2025-11-19T10:30:00.12Z')).toBe(BASE_MS * 1000 + 120_000);
    expect(parseTimestampUs('2025-11-19T10:30:00Z')).toBe(BASE_MS * 1000);
    expect(parseTimestampUs('2025-11-19T10:30Z')).toBe(BASE_MS * 1000);
  });

  it('tells sub-millisecond spans apart', () => {
    const start = parseTimestampUs('2025-11-19T10:30:00.000100Z');
    const end = parseTimestampUs('2025-11-19T10:30:00.000350Z');
    expect(end - start).toBe(250);
  });

  it('gives NaN for text that is not a date-time', () => {
    expect(parseTimestampUs('yesterday')).toBeNaN();
    expect(parseTimestampUs('')).toBeNaN();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0µs'],
    [850, '850µs'],
    [1_000, '1ms'],
    [12_340, '12ms'],
    [4_560, '4.6ms'],
    [845_000, '845ms'],
    [1_200_000, '1.20s'],
    [73_450_000, '1m 13s'],
    [123_000_000, '2m 03s'],
    [3_720_000_000, '1h 02m'],
  ])('%d µs reads %s', (us, text) => {
    expect(formatDuration(us)).toBe(text);
  });

  it('marks negative durations (clock skew) instead of hiding them', () => {
    expect(formatDuration(-2_000)).toBe('-2ms');
  });

  it('gives a dash for unknown', () => {
    expect(formatDuration(Number.NaN)).toBe('–');
  });
});

describe('formatRelative', () => {
  const now = BASE_MS;
  const at = (offsetMs: number) => (now + offsetMs) * 1000;

  it('speaks in the nearest unit', () => {
    expect(formatRelative(at(-3 * 60_000), now)).toMatch(/3 min/);
    expect(formatRelative(at(-2 * 3_600_000), now)).toMatch(/2 hr/);
    expect(formatRelative(at(-45_000), now)).toMatch(/45 sec/);
  });

  it('reads the last few seconds as "just now"', () => {
    expect(formatRelative(at(0), now)).toBe('just now');
    expect(formatRelative(at(-4_000), now)).toBe('just now');
  });

  it('reads a time up to a minute ahead (a server clock ahead of ours) as "just now"', () => {
    expect(formatRelative(at(5_000), now)).toBe('just now');
    expect(formatRelative(at(60_000), now)).toBe('just now');
  });

  it('gives no relative time for a time further ahead, never "in …"', () => {
    expect(formatRelative(at(61_000), now)).toBeNull();
    expect(formatRelative(at(2 * 3_600_000), now)).toBeNull();
  });

  it('gives nothing for an unknown time', () => {
    expect(formatRelative(Number.NaN, now)).toBeNull();
  });
});

describe('durations from two times', () => {
  const start = parseTimestampUs('2026-11-28T20:09:12.482826Z');

  it('formats the real team trace from its times, not the server text', () => {
    // The server sent "1.54s"; a real list row sent "498.005747795105ms" for 0.498006 s.
    expect(formatDurationBetween(start, parseTimestampUs('2026-11-28T20:09:14.019959Z'))).toBe(
      '1.54s',
    );
    expect(formatDurationBetween(start, start + 498_006)).toBe('498ms');
    expect(formatDurationBetween(start, start + 4_561)).toBe('4.6ms');
    expect(formatDurationBetween(start, start)).toBe('0µs');
  });

  it('gives a dash when the end is before the start, and says why', () => {
    expect(durationBetweenUs(start, start - 150_000)).toBeNaN();
    expect(formatDurationBetween(start, start - 150_000)).toBe('–');
    expect(durationProblem(start, start - 150_000)).toBe('Ends 150ms before it starts');
  });

  it('gives a dash when a time is not a date', () => {
    expect(formatDurationBetween(parseTimestampUs('yesterday'), start)).toBe('–');
    expect(formatDurationBetween(start, Number.NaN)).toBe('–');
    expect(durationProblem(start, Number.NaN)).toBe('A time is not a date');
  });

  it('has no problem to report for a real duration', () => {
    expect(durationProblem(start, start + 1)).toBeUndefined();
  });
});

describe('parseTimestampUs, fast and slow paths agree', () => {
  it.each([
    '2025-11-19T10:30:00.123456Z',
    '2025-11-19T10:30:00.123456+00:00',
    '2025-11-19T10:30:00+05:30',
    '2025-11-19T10:30:00.1-08:00',
    '2025-11-19T10:30:00',
    '2025-11-19T10:30:00.123456789Z',
    '2024-02-29T23:59:59.999999Z',
  ])('%s', (text) => {
    const [, y, mo, d, h, mi, s, f = '', zone = 'Z'] =
      /^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)(?:\.(\d+))?(.*)$/.exec(text)!;
    const base = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!);
    const offset =
      zone === 'Z' || zone === ''
        ? 0
        : (zone.startsWith('-') ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(4, 6));
    const expected = (base - offset * 60_000) * 1000 + Number((f + '000000').slice(0, 6));
    expect(parseTimestampUs(text)).toBe(expected);
  });

  it('rejects near misses instead of guessing', () => {
    expect(parseTimestampUs('2025-11-19T10:30:00.123+0')).toBeNaN();
    expect(parseTimestampUs('2025-11-19T1a:30:00Z')).toBeNaN();
  });
});

describe('parseTimestampUs, out-of-range fields', () => {
  it.each([
    '2025-13-45T10:30:00Z',
    '2025-11-19T99:99:99Z',
    '2025-11-19T10:61:00+00:00',
    '2025-00-10T10:00:00',
  ])('%s is not a date, not a rolled-over one', (text) => {
    expect(parseTimestampUs(text)).toBeNaN();
  });
});
