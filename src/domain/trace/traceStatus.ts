/**
 * A trace's status as users mean it. The server's status is the root span's own, so a run whose
 * tool call failed (and that the agent then answered anyway) comes back `OK` with failing spans:
 * 9 of 52 traces on a real server. Every place that shows a trace's status asks this function.
 */
export interface TraceStatusView {
  /** What to show: `ERROR` when the root span or any span failed, else the server's status. */
  status: string;
  isFailed: boolean;
  /** The status the server sent (the root span's). */
  serverStatus: string;
  /** Spans with status ERROR: `error_count` on a list row, counted in the tree on a trace page. */
  failingSpans: number;
  /**
   * Why the shown status differs from the server's, e.g. "root span OK · 3 failing spans";
   * null when they agree.
   */
  note: string | null;
}

export function traceStatus(serverStatus: string, failingSpans: number): TraceStatusView {
  const failing = Number.isFinite(failingSpans) && failingSpans > 0 ? Math.floor(failingSpans) : 0;
  const isFailed = serverStatus === 'ERROR' || failing > 0;
  const status = isFailed ? 'ERROR' : serverStatus;
  const note =
    status === serverStatus
      ? null
      : `root span ${serverStatus || 'without status'} · ${failing.toLocaleString('en-US')} failing span${failing === 1 ? '' : 's'}`;
  return { status, isFailed, serverStatus, failingSpans: failing, note };
}

/** The ERROR spans of a trace's tree, for `traceStatus` on a trace page. */
export function countFailingSpans(isError: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < isError.length; i++) count += isError[i]!;
  return count;
}
