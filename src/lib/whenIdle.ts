/** Longest slice of work when the browser cannot say how idle it is. */
const FALLBACK_SLICE_MS = 8;
/**
 * Longest slice of work even in a long idle period: the browser offers up to 50 ms, and a slice
 * that fills it becomes a long task as soon as the machine is busy.
 */
const MAX_SLICE_MS = 12;

/**
 * Runs `work` when the browser is idle, with a way to ask whether time is left; returns a cancel.
 * For work done after the first paint a slice at a time, so no slice is a long task.
 */
export function whenIdle(work: (hasTime: () => boolean) => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(
      (deadline) => {
        // Past the time-out the browser is busy: take a short slice anyway, then yield.
        const end = performance.now() + (deadline.didTimeout ? FALLBACK_SLICE_MS : MAX_SLICE_MS);
        work(
          () => performance.now() < end && (deadline.didTimeout || deadline.timeRemaining() > 1),
        );
      },
      { timeout: 1000 },
    );
    return () => window.cancelIdleCallback(id);
  }
  const timer = window.setTimeout(() => {
    const end = performance.now() + FALLBACK_SLICE_MS;
    work(() => performance.now() < end);
  }, 0);
  return () => window.clearTimeout(timer);
}
