import type { TraceDetail } from '../../../api/schemas';
import { toJsonText } from '../../../lib/jsonText';

/** `trace-<id>.json`, with anything a file system could refuse in the id replaced. */
export function traceFileName(traceId: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  const safe = traceId.replace(/[\u0000-\u001f\u007f/\\:*?"<>|\s]+/g, '_').slice(0, 120);
  return `trace-${safe === '' || /^\.+$/.test(safe) ? 'unnamed' : safe}.json`;
}

/**
 * Saves the trace as the JSON text it came in: validation keeps the server's objects as they
 * were, so this writes what was received (compactly, as the server does). The text is made
 * without recursion, so 10,000-level traces save too.
 */
export function downloadTrace(trace: TraceDetail): void {
  const blob = new Blob([toJsonText(trace)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = traceFileName(trace.trace_id);
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; the URL is kept a while for slow browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
