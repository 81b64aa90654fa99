import type { Browser, Page } from '@playwright/test';
import type { RunDetails, RunMetrics } from './benchReport';
import { probesScript } from './inPage';
import { measureInteractions } from './measureInteractions';
import { SPAN_ROWS } from './selectors';
import { waitForQuiet } from './waitForQuiet';

export const VIEWPORT = { width: 1440, height: 900 };
/** No long task for this long after the first rows counts as "idle". */
const OPEN_QUIET_MS = 500;

export interface TraceUnderTest {
  traceId: string;
  spans: number;
}

/** One run on a fresh page: open the trace, then each interaction in turn. */
export async function measureTrace(
  browser: Browser,
  origin: string,
  trace: TraceUnderTest,
): Promise<{ metrics: RunMetrics; details: RunDetails }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: probesScript({ [SPAN_ROWS]: SPAN_ROWS }) });
    const page = await context.newPage();
    const timeoutMs = 30_000 + trace.spans; // generous: this measures, it does not judge
    page.setDefaultTimeout(timeoutMs);
    await page.goto(`${origin}/traces/${trace.traceId}`, { waitUntil: 'commit' });
    const open = await waitForQuiet(page, {
      paintedKey: SPAN_ROWS,
      quietMs: OPEN_QUIET_MS,
      timeoutMs,
    }).catch(async (error: Error) => {
      const text = await page
        .locator('body')
        .innerText({ timeout: 5000 })
        .catch(() => '');
      throw new Error(
        `${error.message}; the page says: ${text.slice(0, 300).replace(/\s+/g, ' ')}`,
      );
    });
    const breakdown = await openBreakdown(page, trace.traceId, open);

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    const steps = await measureInteractions(page, timeoutMs);

    return {
      metrics: {
        open,
        ...breakdown.metrics,
        ...steps.metrics,
        heapBytes: heap.usedSize,
      },
      details: { ...steps.details, openLongTasks: breakdown.longTasks },
    };
  } finally {
    await context.close();
  }
}

/** Where the open time went, from Resource Timing and the app's own `app:*` measures. */
async function openBreakdown(page: Page, traceId: string, open: number) {
  const entries = await page.evaluate(
    ({ id, rows }) => {
      const request = performance
        .getEntriesByType('resource')
        .find((entry) => new URL(entry.name).pathname.endsWith(`/traces/${id}`)) as
        PerformanceResourceTiming | undefined;
      const measures: Record<string, { start: number; end: number }> = {};
      for (const entry of performance.getEntriesByType('measure')) {
        measures[entry.name] = { start: entry.startTime, end: entry.startTime + entry.duration };
      }
      return {
        request: request ? { start: request.startTime, end: request.responseEnd } : null,
        measures,
        rowsPainted: window.__bench.firstPainted[rows] ?? NaN,
        longTasks: window.__bench.longTasks.map((task) => task.end - task.start),
      };
    },
    { id: traceId, rows: SPAN_ROWS },
  );
  const { request, measures, rowsPainted } = entries;
  const json = measures[`app:json /traces/${traceId}`];
  const validate = measures['app:parseTraceDetail'];
  const build = measures['app:buildSpanTree'];
  const span = (m: { start: number; end: number } | undefined) => (m ? m.end - m.start : NaN);
  return {
    metrics: {
      boot: request?.start ?? NaN,
      network: request ? request.end - request.start : NaN,
      afterData: request ? open - request.end : NaN,
      readBody: json && request ? json.start - request.end : NaN,
      jsonParse: span(json),
      validate: span(validate),
      buildTree: span(build),
      render: build ? rowsPainted - build.end : NaN,
      settle: open - rowsPainted,
    },
    longTasks: entries.longTasks.map(Math.round),
  };
}
