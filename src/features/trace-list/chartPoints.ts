import type { TraceSummary } from '../../api/schemas';
import { traceStatus } from '../../domain/trace/traceStatus';
import { durationBetweenUs, parseTimestampUs } from '../../lib/time';

/** One trace as a point of the results chart: x = start, y = duration, both in ms. */
export interface TracePoint {
  traceId: string;
  name: string;
  status: string;
  startUs: number;
  /** From the two times; NaN when the end is before the start (drawn on the axis's floor). */
  durationUs: number;
  x: number;
  y: number;
}

/** The floor of the logarithmic duration axis. */
const MIN_DURATION_MS = 1;

export type StatusSeries = 'OK' | 'ERROR' | 'OTHER';

function statusSeries(status: string): StatusSeries {
  return status === 'OK' || status === 'ERROR' ? status : 'OTHER';
}

/** Points for the traces whose times parse; durations come from the two times, never the text. */
export function toChartPoints(traces: readonly TraceSummary[]): TracePoint[] {
  const points: TracePoint[] = [];
  for (const trace of traces) {
    const startUs = parseTimestampUs(trace.start_time);
    const endUs = parseTimestampUs(trace.end_time);
    if (!Number.isFinite(startUs) || !Number.isFinite(endUs)) continue;
    const durationUs = durationBetweenUs(startUs, endUs);
    points.push({
      traceId: trace.trace_id,
      name: trace.name,
      status: traceStatus(trace.status, trace.error_count).status,
      startUs,
      durationUs,
      x: startUs / 1000,
      // The y axis is logarithmic (durations span 1ms to hours): nothing below its floor.
      y: Number.isNaN(durationUs) ? MIN_DURATION_MS : Math.max(durationUs / 1000, MIN_DURATION_MS),
    });
  }
  return points;
}

export function groupByStatus(points: readonly TracePoint[]): Record<StatusSeries, TracePoint[]> {
  const groups: Record<StatusSeries, TracePoint[]> = { OK: [], ERROR: [], OTHER: [] };
  for (const point of points) groups[statusSeries(point.status)].push(point);
  return groups;
}

/** The x range with a margin, so points at the edges are not cut in half; never empty. */
export function timeDomain(points: readonly TracePoint[]): [number, number] {
  if (points.length === 0) return [0, 1];
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    min = Math.min(min, p.x);
    max = Math.max(max, p.x);
  }
  const pad = Math.max((max - min) * 0.03, 30_000);
  return [min - pad, max + pad];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

/**
 * Round time ticks (every 5 min, 1 h, 1 day …) across a domain, at most about `target` of
 * them, aligned in the zone shown (`offsetMs`: the zone's offset from UTC).
 */
export function timeTicks(
  [min, max]: [number, number],
  offsetMs: number,
  target = 7,
): { ticks: number[]; stepMs: number } {
  const span = max - min;
  const stepMs =
    TIME_STEPS.find((step) => span / step <= target) ?? Math.ceil(span / target / DAY) * DAY;
  const ticks: number[] = [];
  for (let t = Math.ceil((min + offsetMs) / stepMs) * stepMs - offsetMs; t <= max; t += stepMs) {
    ticks.push(t);
  }
  return { ticks, stepMs };
}

const DURATION_TICKS = [
  1,
  10,
  100,
  1_000,
  10_000,
  MINUTE,
  10 * MINUTE,
  HOUR,
  10 * HOUR,
  100 * HOUR,
];

/** Decade ticks of the logarithmic duration axis, and a domain that ends on two of them. */
export function durationAxis(points: readonly TracePoint[]): {
  domain: [number, number];
  ticks: number[];
} {
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    min = Math.min(min, p.y);
    max = Math.max(max, p.y);
  }
  if (!Number.isFinite(min)) return { domain: [1, 1_000], ticks: [1, 10, 100, 1_000] };
  const lowIndex = Math.max(
    0,
    DURATION_TICKS.findLastIndex((t) => t <= min),
  );
  let highIndex = DURATION_TICKS.findIndex((t) => t >= max);
  if (highIndex === -1) highIndex = DURATION_TICKS.length - 1;
  if (highIndex <= lowIndex) highIndex = Math.min(lowIndex + 1, DURATION_TICKS.length - 1);
  const ticks = DURATION_TICKS.slice(lowIndex, highIndex + 1);
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/** Tick labels for the duration axis: "1ms", "100ms", "10s", "1m", "10m", "1h". */
export function formatTickDuration(ms: number): string {
  if (ms < 1_000) return `${ms}ms`;
  if (ms < MINUTE) return `${ms / 1_000}s`;
  if (ms < HOUR) return `${ms / MINUTE}m`;
  return `${ms / HOUR}h`;
}
