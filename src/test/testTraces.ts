import type { TraceNode } from '../api/schemas';
import { makeSpan } from './testSpans';

const BASE_MS = Date.UTC(2025, 10, 19, 10, 30, 0);

/** A timestamp `us` microseconds after a fixed base, with all six fraction digits. */
export function at(us: number): string {
  const ms = Math.floor(us / 1000);
  const iso = new Date(BASE_MS + ms).toISOString(); // …ss.mmmZ
  const micros = String(us - ms * 1000).padStart(3, '0');
  return iso.replace('Z', `${micros}Z`);
}

/** A span from `startUs` to `endUs` (microseconds after the base), for tests. */
export function timedSpan(
  startUs: number,
  endUs: number,
  overrides: Partial<TraceNode> = {},
): TraceNode {
  return makeSpan({ start_time: at(startUs), end_time: at(endUs), ...overrides });
}
