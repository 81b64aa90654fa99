import type { TraceSessionStats, TraceSummary } from '../../api/schemas';
import { traceStatus } from '../../domain/trace/traceStatus';
import { parseTimestampUs } from '../../lib/time';

/**
 * GET /trace_session_stats gives a session's ids, trace count and first/last trace times, but
 * not what it was about or whether it failed. Those come from the session's traces
 * (GET /traces?session_id=…, newest first), at most this many of them.
 */
const SESSION_TRACES_LIMIT = 100;

export interface SessionSummary {
  /** The input of the earliest trace read; undefined when that trace has none. */
  firstInput: string | undefined;
  /** Traces that failed: the root span, or any span (traceStatus). */
  failedTraces: number;
  /** Start of the earliest trace to end of the latest, epoch µs; NaN when no time parses. */
  startUs: number;
  endUs: number;
  /** Every trace of the session was read: otherwise the figures cover the newest ones only. */
  isComplete: boolean;
}

/** What the traces read for a session say about it. */
export function summarizeSession(
  traces: readonly TraceSummary[],
  totalTraces: number,
): SessionSummary {
  let first: TraceSummary | undefined;
  let firstStartUs = Number.POSITIVE_INFINITY;
  let startUs = Number.NaN;
  let endUs = Number.NaN;
  let failedTraces = 0;
  for (const trace of traces) {
    if (traceStatus(trace.status, trace.error_count).isFailed) failedTraces++;
    const start = parseTimestampUs(trace.start_time);
    const end = parseTimestampUs(trace.end_time);
    if (Number.isFinite(start)) {
      if (start < firstStartUs) {
        firstStartUs = start;
        first = trace;
      }
      if (!(start >= startUs)) startUs = start;
    }
    if (Number.isFinite(end) && !(end <= endUs)) endUs = end;
  }
  // With no parsable start, the oldest is the last in the server's newest-first order.
  first ??= traces[traces.length - 1];
  return {
    firstInput: first?.input ?? undefined,
    failedTraces,
    startUs,
    endUs,
    isComplete: traces.length >= totalTraces,
  };
}

/** How many of the session's traces to ask for: all of them, up to the limit. */
export function sessionTracesLimit(session: TraceSessionStats): number {
  return Math.max(1, Math.min(session.total_traces, SESSION_TRACES_LIMIT));
}
