/**
 * Compact absolute times for tables ("Nov 19, 10:30:05"): the zone is named once in the column
 * header instead of on every row, and the year only appears when it is not this year's.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(utc: boolean, withYear: boolean): Intl.DateTimeFormat {
  const key = `${utc ? 'utc' : 'local'}-${withYear ? 'y' : ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(undefined, {
      year: withYear ? 'numeric' : undefined,
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZone: utc ? 'UTC' : undefined,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatShortTimestamp(us: number, utc: boolean, nowMs: number = Date.now()): string {
  if (!Number.isFinite(us)) return '–';
  const date = new Date(Math.floor(us / 1000));
  const now = new Date(nowMs);
  const sameYear = utc
    ? date.getUTCFullYear() === now.getUTCFullYear()
    : date.getFullYear() === now.getFullYear();
  return formatterFor(utc, !sameYear).format(date);
}
