/**
 * Timestamps from AgentOS carry microseconds, and `Date` keeps only milliseconds, so the
 * fraction is parsed here. Everything downstream works in epoch microseconds (`…Us`).
 * A timestamp without a zone is UTC (a database that lost the zone).
 */
const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Epoch microseconds, or NaN when the text is not an ISO 8601 date-time. */
export function parseTimestampUs(text: string): number {
  const match = ISO_PATTERN.exec(text.trim());
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(ms)) return Number.NaN;
  const micros = fraction ? Number((fraction + '00000').slice(0, 6)) : 0;
  return (ms - zoneOffsetMinutes(zone) * 60_000) * 1000 + micros;
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

/**
 * Durations for people: "850µs", "12.3ms", "245ms", "1.20s", "2m 03s", "1h 02m".
 * Sub-millisecond spans exist, so microseconds are a unit of their own.
 */
export function formatDuration(us: number): string {
  if (!Number.isFinite(us)) return '–';
  const sign = us < 0 ? '-' : '';
  const abs = Math.abs(us);
  if (abs < 1000) return `${sign}${Math.round(abs)}µs`;
  if (abs < 10_000) return `${sign}${trimZero((abs / 1000).toFixed(1))}ms`;
  if (abs < 1_000_000) return `${sign}${Math.round(abs / 1000)}ms`;
  if (abs < 60_000_000) return `${sign}${(abs / 1_000_000).toFixed(2)}s`;
  const totalSeconds = Math.round(abs / 1_000_000);
  if (totalSeconds < 3600) {
    return `${sign}${Math.floor(totalSeconds / 60)}m ${pad2(totalSeconds % 60)}s`;
  }
  const totalMinutes = Math.round(totalSeconds / 60);
  return `${sign}${Math.floor(totalMinutes / 60)}h ${pad2(totalMinutes % 60)}m`;
}

function trimZero(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export interface TimestampFormatOptions {
  /** Show UTC instead of the browser's zone. */
  utc?: boolean;
  /** Include milliseconds. */
  withMs?: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(options: TimestampFormatOptions): Intl.DateTimeFormat {
  const key = `${options.utc ? 'utc' : 'local'}-${options.withMs ? 'ms' : 's'}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(undefined, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: options.withMs ? 3 : undefined,
      hourCycle: 'h23',
      timeZone: options.utc ? 'UTC' : undefined,
      timeZoneName: 'short',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "Nov 19, 2025, 10:30:00 UTC" in the browser's zone (or UTC). */
export function formatTimestamp(us: number, options: TimestampFormatOptions = {}): string {
  if (!Number.isFinite(us)) return '–';
  return formatterFor(options).format(new Date(Math.floor(us / 1000)));
}

/** "3 min ago", "in 2 h", relative to `nowMs`. */
export function formatRelative(us: number, nowMs: number = Date.now()): string {
  if (!Number.isFinite(us)) return '';
  const seconds = Math.round((us / 1000 - nowMs) / 1000);
  const abs = Math.abs(seconds);
  const [value, unit] =
    abs < 60
      ? [seconds, 'second']
      : abs < 3600
        ? [Math.round(seconds / 60), 'minute']
        : abs < 86_400
          ? [Math.round(seconds / 3600), 'hour']
          : abs < 86_400 * 30
            ? [Math.round(seconds / 86_400), 'day']
            : abs < 86_400 * 365
              ? [Math.round(seconds / (86_400 * 30)), 'month']
              : [Math.round(seconds / (86_400 * 365)), 'year'];
  return relativeFormat.format(value, unit as Intl.RelativeTimeFormatUnit);
}

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
