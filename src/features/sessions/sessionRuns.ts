import type { TraceSummary } from '../../api/schemas';
import { parseTimestampUs } from '../../lib/time';

/** A session's traces as its conversation reads: oldest first, ties by trace id (stable). */
export function runsInTimeOrder(traces: readonly TraceSummary[]): TraceSummary[] {
  const start = (trace: TraceSummary) => {
    const us = parseTimestampUs(trace.start_time);
    return Number.isFinite(us) ? us : Infinity;
  };
  return [...traces].sort(
    (a, b) =>
      start(a) - start(b) || (a.trace_id < b.trace_id ? -1 : a.trace_id > b.trace_id ? 1 : 0),
  );
}

/** Above this many spans a run's answer is not fetched for the transcript: open the trace. */
export const MAX_SPANS_FOR_ANSWER = 5_000;
