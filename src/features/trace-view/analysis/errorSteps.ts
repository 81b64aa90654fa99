import type { TraceModel } from '../../../domain/trace/traceModel';

type Timed = Pick<TraceModel, 'count' | 'isError' | 'startUs'>;

/** Span a starts before span b: by start time, then in tree order (which breaks ties). */
const startsBefore = (startUs: ArrayLike<number>, a: number, b: number) =>
  startUs[a]! < startUs[b]! || (startUs[a] === startUs[b] && a < b);

/** The failing spans in the order "next error" visits them: by start time, then tree order. */
export function errorsInTimeOrder(tree: Timed): Int32Array {
  const errors: number[] = [];
  for (let i = 0; i < tree.count; i++) if (tree.isError[i] === 1) errors.push(i);
  // Spans without a start time (NaN) go last rather than scrambling the order.
  const start = (i: number) => (Number.isFinite(tree.startUs[i]!) ? tree.startUs[i]! : Infinity);
  errors.sort((a, b) => start(a) - start(b) || a - b);
  return Int32Array.from(errors);
}

/**
 * Where "next" (1) or "previous" (-1) error goes from the selected span, as a position in
 * `order`; wraps at the ends. From a span that is not failing, it is the first failing span
 * after it (or before it) in time. -1 when there is no error.
 */
export function stepErrorPosition(
  order: Int32Array,
  startUs: ArrayLike<number>,
  selected: number | null,
  direction: 1 | -1,
): number {
  const n = order.length;
  if (n === 0) return -1;
  if (selected === null) return direction === 1 ? 0 : n - 1;
  const at = order.indexOf(selected);
  if (at >= 0) return (at + direction + n) % n;
  if (direction === 1) {
    const next = order.findIndex((i) => startsBefore(startUs, selected, i));
    return next === -1 ? 0 : next;
  }
  const previous = order.findLastIndex((i) => startsBefore(startUs, i, selected));
  return previous === -1 ? n - 1 : previous;
}
