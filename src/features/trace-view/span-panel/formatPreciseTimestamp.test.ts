import { describe, expect, it } from 'vitest';
import { parseTimestampUs } from '../../../lib/time';
import { formatPreciseTimestamp } from './formatPreciseTimestamp';

describe('formatPreciseTimestamp', () => {
  it('shows all six fractional digits', () => {
    const us = parseTimestampUs('2025-11-19T10:30:00.131902Z');
    expect(formatPreciseTimestamp(us, { utc: true })).toContain('10:30:00.131902');
  });

  it('pads microseconds and milliseconds', () => {
    const us = parseTimestampUs('2025-11-19T10:30:00.000007Z');
    expect(formatPreciseTimestamp(us, { utc: true })).toContain('10:30:00.000007');
  });

  it('handles times before 1970', () => {
    const us = parseTimestampUs('1969-12-31T23:59:59.999999Z');
    expect(formatPreciseTimestamp(us, { utc: true })).toContain('23:59:59.999999');
  });

  it('shows a dash for an unparsable time', () => {
    expect(formatPreciseTimestamp(Number.NaN)).toBe('–');
  });
});
