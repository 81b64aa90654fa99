import type { TimeRange } from './timeRange';

export interface RangeTick {
  /** Offset from the trace's start, µs: a round number (1, 2 or 5 × 10^n). */
  offsetUs: number;
  /** Where it falls across the shown range, 0–1. */
  fraction: number;
  /** The offset as text, as precise as the tick step needs ("6m 08.12346s" 10 µs apart). */
  label: string;
}

const MULTIPLES = [1, 2, 5, 10];

/**
 * About `target` ticks over a range, at round offsets from the trace's start, so a zoomed range
 * reads "+6m 10s, +6m 20s" rather than offsets from its own edge. Indexed, not accumulated, so
 * long ranges do not drift.
 */
export function rangeTicks(range: TimeRange, axisStartUs: number, target = 6): RangeTick[] {
  const lengthUs = range.endUs - range.startUs;
  if (!(lengthUs > 0) || target < 1) return [];
  const raw = lengthUs / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // At least 1 µs: offsets are whole µs.
  const step = Math.max(
    1,
    MULTIPLES.map((multiple) => multiple * magnitude).find((s) => s >= raw)!,
  );
  const fromUs = range.startUs - axisStartUs;
  const first = Math.ceil(fromUs / step);
  const ticks: RangeTick[] = [];
  for (let k = first; k * step <= fromUs + lengthUs; k++) {
    const offsetUs = k * step;
    ticks.push({
      offsetUs,
      fraction: (offsetUs - fromUs) / lengthUs,
      label: tickLabel(offsetUs, step),
    });
  }
  return ticks;
}

/**
 * An offset with the decimals its tick step needs, so neighbouring ticks never read the same:
 * "0", "850µs", "12.35ms", "1.2s", "6m 08.00001s", "2h 05m". Whole-unit steps read as
 * `formatDuration` does.
 */
export function tickLabel(offsetUs: number, stepUs: number): string {
  if (offsetUs === 0) return '0';
  const digits = (unitUs: number) =>
    Math.min(6, Math.max(0, Math.ceil(Math.log10(unitUs / Math.max(stepUs, 1)) - 1e-9)));
  if (offsetUs < 1000) return `${offsetUs}µs`;
  if (offsetUs < 1_000_000) return `${(offsetUs / 1000).toFixed(digits(1000))}ms`;
  if (offsetUs < 60_000_000) return `${(offsetUs / 1_000_000).toFixed(digits(1_000_000))}s`;
  const secondsDigits = digits(1_000_000);
  if (offsetUs < 3_600_000_000 || stepUs < 60_000_000) {
    const hours = Math.floor(offsetUs / 3_600_000_000);
    const minutes = Math.floor((offsetUs % 3_600_000_000) / 60_000_000);
    const seconds = (offsetUs % 60_000_000) / 1_000_000;
    const secondsText = seconds
      .toFixed(secondsDigits)
      .padStart(secondsDigits > 0 ? 3 + secondsDigits : 2, '0');
    return hours > 0
      ? `${hours}h ${pad2(minutes)}m ${secondsText}s`
      : `${minutes}m ${secondsText}s`;
  }
  const totalMinutes = Math.floor(offsetUs / 60_000_000);
  return `${Math.floor(totalMinutes / 60)}h ${pad2(totalMinutes % 60)}m`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
