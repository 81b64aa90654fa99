import type { LaneLayout } from './laneLayout';

type Times = { startUs: Float64Array };

const orders = new WeakMap<LaneLayout, number[][]>();

/** Per lane, its spans with a bar, by start (ties in tree order); built once per layout. */
function startOrders(layout: LaneLayout, times: Times): number[][] {
  let known = orders.get(layout);
  if (!known) {
    known = layout.lanes.map((lane) =>
      lane.spans
        .filter((i) => layout.rowOf[i]! >= 0)
        .sort((a, b) => times.startUs[a]! - times.startUs[b]! || a - b),
    );
    orders.set(layout, known);
  }
  return known;
}

/**
 * The span a key moves to from `current` in the swimlanes: ←/→ the previous/next span of the
 * lane in time, Home/End its first/last, ↑/↓ the span of the lane above/below (skipping lanes
 * with no bar) that starts nearest to the current one. From no selection, the first span of
 * the first lane. Null when the key does not move (an edge) or is not one of these.
 */
export function laneStep(
  layout: LaneLayout,
  times: Times,
  current: number | null,
  key: string,
): number | null {
  const byLane = startOrders(layout, times);
  if (current === null || current >= layout.laneOf.length || layout.rowOf[current]! < 0) {
    const firstLane = byLane.find((spans) => spans.length > 0);
    return ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key)
      ? (firstLane?.[0] ?? null)
      : null;
  }
  const lane = layout.laneOf[current]!;
  const spans = byLane[lane]!;
  const position = spans.indexOf(current);
  switch (key) {
    case 'ArrowRight':
      return spans[position + 1] ?? null;
    case 'ArrowLeft':
      return position > 0 ? spans[position - 1]! : null;
    case 'Home':
      return spans[0] === current ? null : spans[0]!;
    case 'End':
      return spans.at(-1) === current ? null : spans.at(-1)!;
    case 'ArrowDown':
    case 'ArrowUp': {
      const direction = key === 'ArrowDown' ? 1 : -1;
      for (let other = lane + direction; other >= 0 && other < byLane.length; other += direction) {
        const candidates = byLane[other]!;
        if (candidates.length > 0) return nearestStart(candidates, times, times.startUs[current]!);
      }
      return null;
    }
    default:
      return null;
  }
}

/** The span in `spans` (sorted by start) whose start is nearest `at`; the earlier on a tie. */
function nearestStart(spans: number[], times: Times, at: number): number {
  let low = 0;
  let high = spans.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (times.startUs[spans[mid]!]! < at) low = mid + 1;
    else high = mid;
  }
  const after = spans[low]!;
  const before = low > 0 ? spans[low - 1]! : after;
  return at - times.startUs[before]! <= times.startUs[after]! - at ? before : after;
}
