import type { TimeRange } from './flameLayout';

export interface FlameTick {
  /** Offset from the trace's start, µs: a round number (1, 2 or 5 × 10^n). */
  offsetUs: number;
  /** Where it falls across the shown range, 0–1. */
  fraction: number;
}

const MULTIPLES = [1, 2, 5, 10];

/**
 * About `target` ticks over a range, at round offsets from the trace's start, so a zoomed range
 * reads "+6m 10s, +6m 20s" rather than offsets from its own edge. Indexed, not accumulated, so
 * long ranges do not drift.
 */
export function flameTicks(range: TimeRange, axisStartUs: number, target = 6): FlameTick[] {
  const lengthUs = range.endUs - range.startUs;
  if (!(lengthUs > 0) || target < 1) return [];
  const raw = lengthUs / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = MULTIPLES.map((multiple) => multiple * magnitude).find((s) => s >= raw)!;
  const fromUs = range.startUs - axisStartUs;
  const first = Math.ceil(fromUs / step);
  const ticks: FlameTick[] = [];
  for (let k = first; k * step <= fromUs + lengthUs; k++) {
    ticks.push({ offsetUs: k * step, fraction: (k * step - fromUs) / lengthUs });
  }
  return ticks;
}
