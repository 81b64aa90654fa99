/**
 * Code that runs inside the benchmarked page. `installProbes` is serialized into an init script
 * (it runs before the app's own scripts), so it must not use anything from its module scope.
 */

interface PageProbes {
  /** Long tasks (≥ 50 ms on the main thread), in page time (ms since navigation start). */
  longTasks: { start: number; end: number }[];
  /** For each watched name, when its selector first matched and that frame had been painted. */
  firstPainted: Record<string, number>;
  /** Resolves after the next frame has been produced: rAF, then a task after it. */
  nextPaint(): Promise<number>;
  /**
   * Waits frame by frame until `isDone()` holds after a paint; the time from `t0` to that paint.
   * Rejects after `timeoutMs`.
   */
  untilPainted(t0: number, isDone: () => boolean, timeoutMs?: number): Promise<number>;
}

declare global {
  interface Window {
    __bench: PageProbes;
  }
}

/** `watch`: name → CSS selector whose first match (and its paint) is recorded. */
function installProbes(watch: Record<string, string>): void {
  const nextPaint = () =>
    new Promise<number>((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });

  const probes: PageProbes = {
    longTasks: [],
    firstPainted: {},
    nextPaint,
    async untilPainted(t0, isDone, timeoutMs = 60_000) {
      for (;;) {
        const painted = await nextPaint();
        if (isDone()) return painted - t0;
        if (painted - t0 > timeoutMs) throw new Error(`not painted within ${timeoutMs} ms`);
      }
    },
  };
  window.__bench = probes;

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      probes.longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });

  const pending = new Map(Object.entries(watch));
  const check = () => {
    for (const [name, selector] of pending) {
      if (!document.querySelector(selector)) continue;
      pending.delete(name);
      void nextPaint().then((at) => {
        probes.firstPainted[name] = at;
      });
    }
    if (pending.size === 0) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

/** The init script: esbuild (through tsx) wraps named functions in `__name`, which the page lacks. */
export function probesScript(watch: Record<string, string>): string {
  return `globalThis.__name ??= (fn) => fn;\n(${installProbes.toString()})(${JSON.stringify(watch)});`;
}
