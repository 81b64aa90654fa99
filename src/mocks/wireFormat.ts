/*
 * How AgentOS writes values on the wire (agno 2.9.0, measured: src/mocks/recorded/real-agentos/):
 * JSON text as Python's json.dumps writes it, duration text, and timestamps.
 */

/**
 * `json.dumps` as Python writes it (", " and ": " separators), because the server stores the
 * strings Agno produced in Python. Payloads are shallow, so recursion is fine here.
 */
export function pyJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  // Plain loops and concatenation: this runs several times per span on 100k-span traces.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ', ' : '') + pyJson(value[i]);
    return `${out}]`;
  }
  if (typeof value === 'object') {
    let out = '{';
    let first = true;
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (item === undefined) continue;
      out += `${first ? '' : ', '}${JSON.stringify(key)}: ${pyJson(item)}`;
      first = false;
    }
    return `${out}}`;
  }
  return 'null'; // functions and symbols: not in our payloads
}

/** The server's duration text of a span: whole milliseconds under a second, else seconds. */
export function formatWireDuration(durationUs: number): string {
  const ms = Math.floor(durationUs / 1000);
  return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(2)}s`;
}

/**
 * The duration text of a trace (and of its root node) under a second: the server divides float
 * seconds, so it writes Python's float repr, e.g. "590.9845232963562ms". `noise` (0..1) stands
 * for the float error of that division, in nanoseconds.
 */
export function formatTraceDuration(durationUs: number, noise: number): string {
  if (durationUs >= 1_000_000) return formatWireDuration(durationUs);
  return `${durationUs / 1000 + noise / 1_000_000}ms`;
}

export type ZoneSuffix = '+00:00' | 'Z';

/**
 * ISO 8601 with microseconds. The real server (pydantic 2) writes `Z` and six fraction digits;
 * `+00:00` and `withFraction: false` are for the odd shapes other servers and proxies send.
 */
export function formatWireTime(
  epochUs: number,
  zone: ZoneSuffix = 'Z',
  withFraction = true,
): string {
  const seconds = Math.floor(epochUs / 1_000_000);
  const micros = epochUs - seconds * 1_000_000;
  // The date part comes from a one-entry cache: 100k-span traces format 200k times.
  const day = Math.floor(seconds / 86_400);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayPrefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  const secondOfDay = seconds - day * 86_400;
  const hh = TWO_DIGITS[Math.floor(secondOfDay / 3600)] ?? '00';
  const mm = TWO_DIGITS[Math.floor(secondOfDay / 60) % 60] ?? '00';
  const ss = TWO_DIGITS[secondOfDay % 60] ?? '00';
  const fraction = withFraction ? `.${String(micros).padStart(6, '0')}` : '';
  return `${cachedDayPrefix}${hh}:${mm}:${ss}${fraction}${zone}`;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
let cachedDay = Number.NaN;
let cachedDayPrefix = '';
