import type { Page } from '@playwright/test';

/**
 * Polls the page until `paintedKey` has been painted (when given) and no long task has run for
 * `quietMs`. Resolves to the moment the page became busy-free: the later of that paint and the
 * end of the last long task, in page time.
 */
export async function waitForQuiet(
  page: Page,
  { paintedKey, quietMs, timeoutMs }: { paintedKey?: string; quietMs: number; timeoutMs: number },
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page.evaluate((key) => {
      const probes = window.__bench;
      let lastEnd = 0;
      for (const task of probes.longTasks) lastEnd = Math.max(lastEnd, task.end);
      const painted = key === null ? 0 : (probes.firstPainted[key] ?? null);
      return { painted, lastEnd, now: performance.now() };
    }, paintedKey ?? null);
    if (state.painted !== null) {
      const settled = Math.max(state.painted, state.lastEnd);
      if (state.now - settled >= quietMs) return settled;
    }
    if (Date.now() > deadline) {
      const what = paintedKey && state.painted === null ? `painted ${paintedKey}` : 'idle';
      throw new Error(`the page was not ${what} within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
