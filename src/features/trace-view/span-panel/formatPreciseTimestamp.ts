import { timestampFormatter } from '../../../lib/time';

export interface PreciseTimestampOptions {
  /** Show UTC instead of the browser's zone. */
  utc?: boolean;
}

/**
 * "Nov 19, 2025, 10:30:00.131902 UTC": a date-time with all six fractional digits. `Date` and
 * `Intl` stop at milliseconds, and spans shorter than a millisecond exist, so the last three
 * digits are appended to the formatter's fractional-second part.
 */
export function formatPreciseTimestamp(us: number, options: PreciseTimestampOptions = {}): string {
  if (!Number.isFinite(us)) return '–';
  const ms = Math.floor(us / 1000);
  const micros = String(Math.floor(us - ms * 1000)).padStart(3, '0');
  return timestampFormatter({ utc: options.utc, withMs: true })
    .formatToParts(new Date(ms))
    .map((part) => (part.type === 'fractionalSecond' ? part.value + micros : part.value))
    .join('');
}
