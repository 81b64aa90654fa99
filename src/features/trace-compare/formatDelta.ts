import { formatUsd } from '../../domain/trace/pricing/cost';
import { formatDuration } from '../../lib/time';

/** B − A of two durations, signed, with the change in percent: `+120ms (+15%)`. */
export function formatDurationDelta(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return '–';
  const delta = b - a;
  if (delta === 0) return '0';
  const sign = delta > 0 ? '+' : '−';
  const percent = a > 0 ? ` (${sign}${formatPercent(Math.abs(delta) / a)})` : '';
  return `${sign}${formatDuration(Math.abs(delta))}${percent}`;
}

/** B − A of two estimated costs in USD, signed, with the change in percent: `+$0.0012 (+15%)`. */
export function formatCostDelta(a: number, b: number): string {
  if (Number.isNaN(a) || Number.isNaN(b)) return '–';
  const delta = b - a;
  if (delta === 0) return '0';
  const sign = delta > 0 ? '+' : '−';
  const percent = a > 0 ? ` (${sign}${formatPercent(Math.abs(delta) / a)})` : '';
  return `${sign}${formatUsd(Math.abs(delta))}${percent}`;
}

/** B − A of two counts, signed: `+1,200`, `−3`, `0`. */
export function formatCountDelta(a: number | null, b: number | null): string {
  if (a === null && b === null) return '–';
  const delta = (b ?? 0) - (a ?? 0);
  if (delta === 0) return '0';
  return `${delta > 0 ? '+' : '−'}${Math.abs(delta).toLocaleString()}`;
}

function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  return percent >= 10 || percent === 0 ? `${Math.round(percent)}%` : `${percent.toFixed(1)}%`;
}

/** `worse` when B took longer (or used more) than A by more than `threshold` of A. */
export function deltaTone(a: number, b: number, threshold = 0.1): 'worse' | 'better' | null {
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) return null;
  const scale = Math.max(Math.abs(a), 1);
  if ((b - a) / scale > threshold) return 'worse';
  if ((a - b) / scale > threshold) return 'better';
  return null;
}
