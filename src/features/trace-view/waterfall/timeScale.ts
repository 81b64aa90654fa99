/**
 * Maps time on the trace's axis to bar positions (percent of the bar column), with "nice" tick
 * marks. Bars come from start/end times, never from the server's `duration` text.
 */
export interface TimeScale {
  startUs: number;
  endUs: number;
  /** Length of the axis, at least 1 µs so an instant trace does not divide by zero. */
  rangeUs: number;
}

/** Bars narrower than this (percent of the axis) are widened so sub-millisecond spans show. */
export const MIN_BAR_PERCENT = 0.15;

export function createTimeScale(startUs: number, endUs: number): TimeScale {
  const safeStart = Number.isFinite(startUs) ? startUs : 0;
  const safeEnd = Number.isFinite(endUs) && endUs > safeStart ? endUs : safeStart;
  return { startUs: safeStart, endUs: safeEnd, rangeUs: Math.max(safeEnd - safeStart, 1) };
}

export interface BarGeometry {
  /** Left edge, percent of the axis, within [0, 100 - width]. */
  leftPercent: number;
  widthPercent: number;
}

/**
 * Where a span's bar goes. Negative or unknown durations (end before start, unparsable times)
 * get the minimum width at their start; everything is clamped inside the axis, so clock skew
 * never pushes a bar out of the layout.
 */
export function barGeometry(scale: TimeScale, startUs: number, endUs: number): BarGeometry {
  const start = Number.isFinite(startUs) ? startUs : scale.startUs;
  const end = Number.isFinite(endUs) && endUs > start ? endUs : start;
  const width = Math.min(Math.max(((end - start) / scale.rangeUs) * 100, MIN_BAR_PERCENT), 100);
  const left = ((start - scale.startUs) / scale.rangeUs) * 100;
  return { leftPercent: Math.min(Math.max(left, 0), 100 - width), widthPercent: width };
}

export interface Tick {
  /** Offset from the axis start, µs. */
  offsetUs: number;
  percent: number;
}

const STEPS = [1, 2, 5];

/** Ticks at round offsets (1, 2, 5 × 10^n µs), about `target` of them, starting at 0. */
export function timeTicks(scale: TimeScale, target = 5): Tick[] {
  const raw = scale.rangeUs / Math.max(target, 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  let step = magnitude * 10;
  for (const multiple of STEPS) {
    if (multiple * magnitude >= raw) {
      step = multiple * magnitude;
      break;
    }
  }
  const ticks: Tick[] = [];
  for (let offset = 0; offset <= scale.rangeUs + 1e-9; offset += step) {
    ticks.push({ offsetUs: offset, percent: (offset / scale.rangeUs) * 100 });
  }
  return ticks;
}
