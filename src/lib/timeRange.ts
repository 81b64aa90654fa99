import { choiceField, isoTimeField } from './searchFields';
import { parseTimestampUs } from './time';

/**
 * A list's time range as it appears in the URL: either a preset relative to now (`range=1h`),
 * which slides with every refresh and stays meaningful in a link opened later, or fixed bounds
 * under the API's own names (`start_time`, `end_time`, ISO 8601 with a zone).
 */
export const TIME_RANGE_PRESETS = ['15m', '1h', '24h', '7d'] as const;
export type TimeRangePreset = (typeof TIME_RANGE_PRESETS)[number];

const PRESET_MS: Record<TimeRangePreset, number> = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
};

export const PRESET_LABELS: Record<TimeRangePreset, string> = {
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
};

export interface TimeRangeSearch {
  range?: TimeRangePreset;
  start_time?: string;
  end_time?: string;
}

export type TimeRangeKind = 'any' | TimeRangePreset | 'custom';

/** The three fields for a route's search schema (see searchSchema.ts). */
export const TIME_RANGE_FIELDS = {
  range: choiceField(TIME_RANGE_PRESETS, `not a time range (${TIME_RANGE_PRESETS.join(', ')})`),
  start_time: isoTimeField,
  end_time: isoTimeField,
};

export function timeRangeKind(range: TimeRangeSearch): TimeRangeKind {
  if (range.range) return range.range;
  return range.start_time || range.end_time ? 'custom' : 'any';
}

/**
 * What to send: fixed bounds go as they are; a preset becomes `lastMs`, resolved into a
 * `start_time` only when each request is sent, so the query key does not change every second.
 */
export interface TimeWindow {
  start_time?: string;
  end_time?: string;
  lastMs?: number;
}

export function toTimeWindow(range: TimeRangeSearch): TimeWindow {
  if (range.range) return { lastMs: PRESET_MS[range.range] };
  return {
    ...(range.start_time && { start_time: range.start_time }),
    ...(range.end_time && { end_time: range.end_time }),
  };
}

/** The `start_time` a preset stands for at `nowMs`. */
export function startOfLast(lastMs: number, nowMs: number = Date.now()): string {
  return new Date(nowMs - lastMs).toISOString();
}

/** Human wording of a range, for chips and empty states. */
export function describeTimeRange(range: TimeRangeSearch, format: (iso: string) => string): string {
  if (range.range) return PRESET_LABELS[range.range];
  if (range.start_time && range.end_time)
    return `${format(range.start_time)} – ${format(range.end_time)}`;
  if (range.start_time) return `From ${format(range.start_time)}`;
  if (range.end_time) return `Until ${format(range.end_time)}`;
  return 'Any time';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO → the value of an `<input type="datetime-local">` ("2025-11-19T10:30"), in UTC or local. */
export function toDateTimeLocal(iso: string | undefined, utc: boolean): string {
  if (!iso) return '';
  const us = parseTimestampUs(iso);
  if (!Number.isFinite(us)) return '';
  const d = new Date(Math.floor(us / 1000));
  const [y, mo, day, h, mi] = utc
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];
  return `${y}-${pad(mo)}-${pad(day)}T${pad(h)}:${pad(mi)}`;
}

/** The value of an `<input type="datetime-local">` → ISO in UTC, reading it in UTC or local. */
export function fromDateTimeLocal(text: string, utc: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = utc ? Date.UTC(y, mo - 1, d, h, mi, s) : new Date(y, mo - 1, d, h, mi, s).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
