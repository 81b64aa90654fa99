/**
 * Timestamps from AgentOS carry microseconds, and `Date` keeps only milliseconds, so the
 * fraction is parsed here. Everything downstream works in epoch microseconds (`…Us`).
 * A timestamp without a zone is UTC (a database that lost the zone).
 */
const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Epoch microseconds, or NaN when the text is not an ISO 8601 date-time. */
export function parseTimestampUs(text: string): number {
  const fast = parseCanonicalTimestampUs(text);
  return Number.isNaN(fast) ? parseTimestampUsSlow(text) : fast;
}

function parseTimestampUsSlow(text: string): number {
  const match = ISO_PATTERN.exec(text.trim());
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  if (!isValidDateTime(Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0)))
    return Number.NaN;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(ms)) return Number.NaN;
  const micros = fraction ? Number((fraction + '00000').slice(0, 6)) : 0;
  return (ms - zoneOffsetMinutes(zone) * 60_000) * 1000 + micros;
}

// A trace has 2 timestamps per span, 200,000 at 100k spans, nearly all on one or two days: the
// last day's epoch is kept and the rest read digit by digit (a regex per timestamp cost ~150 ms;
// a cache by the day's text, which took a substring and a hash per timestamp, ~150 ms too).
let lastDay = -1;
let lastDayMs = 0;
const ZERO = 48;

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** `YYYY-MM-DDTHH:MM:SS[.f{1,9}][Z|±HH:MM]`, the server's own format; NaN for anything else. */
function parseCanonicalTimestampUs(text: string): number {
  if (
    text.length < 19 ||
    text.charCodeAt(4) !== 45 /* - */ ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 /* T */ ||
    text.charCodeAt(13) !== 58 /* : */
  ) {
    return Number.NaN;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const date = digits(text, 8, 2);
  // yyyymmdd; NaN when a digit is not one.
  const day = year * 10_000 + month * 100 + date;
  if (day !== lastDay) {
    if (!isValidDateTime(month, date, 0, 0, 0)) return Number.NaN;
    const dayMs = Date.UTC(year, month - 1, date);
    if (Number.isNaN(dayMs)) return Number.NaN;
    lastDay = day;
    lastDayMs = dayMs;
  }
  const dayMs = lastDayMs;
  const hours = digits(text, 11, 2);
  const minutes = digits(text, 14, 2);
  const secs = digits(text, 17, 2);
  if (!(hours < 24 && minutes < 60 && secs < 61)) return Number.NaN;
  const seconds = hours * 3600 + minutes * 60 + secs;
  let at = 19;
  let micros = 0;
  if (text.charCodeAt(at) === 46 /* . */) {
    at++;
    let scale = 100_000;
    while (at < text.length) {
      const digit = text.charCodeAt(at) - ZERO;
      if (digit < 0 || digit > 9) break;
      micros += digit * scale;
      scale /= 10;
      at++;
    }
    micros = Math.floor(micros);
  }
  let offsetMinutes = 0;
  if (at < text.length) {
    const sign = text.charCodeAt(at);
    if (sign === 90 /* Z */ && at === text.length - 1) {
      offsetMinutes = 0;
    } else if (
      (sign === 43 || sign === 45) &&
      text.length - at === 6 &&
      text.charCodeAt(at + 3) === 58
    ) {
      offsetMinutes =
        (sign === 45 ? -1 : 1) * (digits(text, at + 1, 2) * 60 + digits(text, at + 4, 2));
    } else {
      return Number.NaN;
    }
  }
  const result = (dayMs + seconds * 1000 - offsetMinutes * 60_000) * 1000 + micros;
  return Number.isNaN(result) ? Number.NaN : result;
}

/** Date.UTC rolls month 13 or hour 99 over into a real date; a timestamp like that is wrong. */
function isValidDateTime(
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): boolean {
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 61
  );
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

/**
 * A span's or trace's duration from its two times, in µs. NaN when a time did not parse or the
 * end is before the start: such a number is a broken clock, not a duration anyone should read.
 * The server's own `duration` text is never used: it is rounded, or a float like
 * "498.005747795105ms".
 */
export function durationBetweenUs(startUs: number, endUs: number): number {
  const us = endUs - startUs;
  return us >= 0 ? us : Number.NaN;
}

/** The one way the app shows a duration from two times: "1.54s", or "–" (see durationBetweenUs). */
export function formatDurationBetween(startUs: number, endUs: number): string {
  return formatDuration(durationBetweenUs(startUs, endUs));
}

/** Why a duration reads "–", for a tooltip: "Ends 150ms before it starts"; undefined if it does not. */
export function durationProblem(startUs: number, endUs: number): string | undefined {
  if (!Number.isFinite(startUs) || !Number.isFinite(endUs)) return 'A time is not a date';
  if (endUs < startUs) return `Ends ${formatDuration(startUs - endUs)} before it starts`;
  return undefined;
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

/** The shared, cached formatter behind every absolute timestamp the app shows. */
export function timestampFormatter(options: TimestampFormatOptions): Intl.DateTimeFormat {
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
  return timestampFormatter(options).format(new Date(Math.floor(us / 1000)));
}

/** Up to this far ahead of the browser's clock, a time is read as "just now" (clock skew). */
const SKEW_TOLERANCE_S = 60;
/** A time this recent reads "just now" rather than "3 sec. ago". */
const JUST_NOW_S = 10;

/**
 * "3 min ago", relative to `nowMs`; never a future. A trace cannot start in the future: a time
 * ahead of the browser's clock means the server's clock is ahead. Up to a minute ahead is
 * ordinary skew and reads "just now". Further ahead, the real age is unknowable, so there is no
 * relative time at all (null) and callers show the absolute time alone, which is still true;
 * "just now" there could hide a trace hours old.
 */
export function formatRelative(us: number, nowMs: number = Date.now()): string | null {
  if (!Number.isFinite(us)) return null;
  const seconds = Math.round((us / 1000 - nowMs) / 1000);
  if (seconds > SKEW_TOLERANCE_S) return null;
  if (seconds > -JUST_NOW_S) return 'just now';
  const abs = -seconds;
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
  relativeFormat ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
  return relativeFormat.format(value, unit as Intl.RelativeTimeFormatUnit);
}

// Made on first use: the first Intl formatter loads the locale's data (about 80 ms on a slow
// machine), which would otherwise be part of every page's start-up.
let relativeFormat: Intl.RelativeTimeFormat | undefined;
