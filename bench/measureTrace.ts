import type { Browser, CDPSession, Page } from '@playwright/test';
import type { LoadMetrics, RunDetails, RunMetrics } from './benchReport';
import { probesScript } from './inPage';
import { measureInteractions } from './measureInteractions';
import { PREVIEW_ROWS, SPAN_ROWS } from './selectors';
import { waitForQuiet } from './waitForQuiet';

export const VIEWPORT = { width: 1440, height: 900 };
/** No long task for this long after the first rows counts as "idle". */
const OPEN_QUIET_MS = 500;
/** Long tasks are counted in this fixed window after the waterfall's first rows are painted. */
const AFTER_PAINT_WINDOW_MS = 3000;

/** CDP `Network.emulateNetworkConditions`: 100 Mbit/s both ways, 20 ms of latency. */
const THROTTLED_NETWORK = {
  offline: false,
  latency: 20,
  downloadThroughput: 12_500_000,
  uploadThroughput: 12_500_000,
};

export interface TraceUnderTest {
  traceId: string;
  spans: number;
  jsonBytes: number;
}

export interface MeasureOptions {
  /** The network throttled to THROTTLED_NETWORK instead of loopback. */
  isThrottled?: boolean;
  /** Only the load (no interactions, no heap): the throttled runs. */
  isLoadOnly?: boolean;
}

/** Generous: this measures, it does not judge. 1 GB at 100 Mbit/s alone is 80 s. */
function timeoutFor(trace: TraceUnderTest): number {
  return 60_000 + trace.spans + trace.jsonBytes / 5000;
}

/** One run on a fresh page: open the trace, then (unless load only) each interaction in turn. */
export async function measureTrace(
  browser: Browser,
  origin: string,
  trace: TraceUnderTest,
  options: MeasureOptions = {},
): Promise<{ metrics: Partial<RunMetrics>; details: Partial<RunDetails> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({
      content: probesScript({ [SPAN_ROWS]: SPAN_ROWS, [PREVIEW_ROWS]: PREVIEW_ROWS }),
    });
    const page = await context.newPage();
    const timeoutMs = timeoutFor(trace);
    page.setDefaultTimeout(timeoutMs);
    const crashed = new Promise<never>((_, fail) =>
      page.once('crash', () => fail(new Error('the page crashed (out of memory?)'))),
    );
    crashed.catch(() => {}); // only raced below
    const cdp = await context.newCDPSession(page);
    if (options.isThrottled) {
      // Small buffers: DevTools would otherwise keep a copy of the answer's body.
      await cdp.send('Network.enable', {
        maxTotalBufferSize: 1_000_000,
        maxResourceBufferSize: 1000,
      });
      await cdp.send('Network.emulateNetworkConditions', THROTTLED_NETWORK);
    }
    await Promise.race([
      page.goto(`${origin}/traces/${trace.traceId}`, { waitUntil: 'commit' }),
      crashed,
    ]);
    const open = await Promise.race([
      waitForQuiet(page, { paintedKey: SPAN_ROWS, quietMs: OPEN_QUIET_MS, timeoutMs }),
      crashed,
    ]).catch(async (error: Error) => {
      const text = await page
        .locator('body')
        .innerText({ timeout: 5000 })
        .catch(() => '');
      const says = text ? `; the page says: ${text.slice(0, 300).replace(/\s+/g, ' ')}` : '';
      throw new Error(`${error.message}${says}`);
    });
    const breakdown = await openBreakdown(page, trace.traceId, open);
    if (options.isLoadOnly) {
      return { metrics: { open, ...breakdown.metrics }, details: breakdown.details };
    }
    const longTasksAfterPaint = await Promise.race([longTasksInWindow(page), crashed]);
    const heap = await heapAfterGc(cdp);
    const steps = await Promise.race([measureInteractions(page, timeoutMs), crashed]);
    return {
      metrics: { open, ...breakdown.metrics, longTasksAfterPaint, ...heap, ...steps.metrics },
      details: { ...steps.details, ...breakdown.details },
    };
  } finally {
    await context.close();
  }
}

async function heapAfterGc(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  // backingStorageSize: ArrayBuffers' memory outside the JS heap (recent Chromium only).
  const heap = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    backingStorageSize?: number;
  };
  return { heapBytes: heap.usedSize, backingStorageBytes: heap.backingStorageSize ?? Number.NaN };
}

/**
 * The long tasks' time within AFTER_PAINT_WINDOW_MS of the waterfall's first rows, each clipped
 * to the window. It waits for the whole window, then for the main thread (a task still running
 * at the window's end delays this evaluate, and is reported when it ends), then a frame for the
 * observer's report; so the figure no longer depends on when polling stopped.
 */
async function longTasksInWindow(page: Page): Promise<number> {
  return page.evaluate(
    async ({ rows, windowMs }) => {
      const from = window.__bench.firstPainted[rows]!;
      const to = from + windowMs;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, to - performance.now())));
      await window.__bench.nextPaint();
      await window.__bench.nextPaint();
      let total = 0;
      for (const task of window.__bench.longTasks) {
        total += Math.max(0, Math.min(task.end, to) - Math.max(task.start, from));
      }
      return total;
    },
    { rows: SPAN_ROWS, windowMs: AFTER_PAINT_WINDOW_MS },
  );
}

/**
 * The load from the first byte of the trace's answer (Resource Timing `responseStart`), and
 * where the open time went, from Resource Timing and the app's own `app:*` measures.
 */
async function openBreakdown(
  page: Page,
  traceId: string,
  open: number,
): Promise<{ metrics: Partial<RunMetrics>; details: Partial<RunDetails> }> {
  const entries = await page.evaluate(
    ({ id, rows, preview }) => {
      const isTrace = (url: string) => new URL(url).pathname.endsWith(`/traces/${id}`);
      const resource = performance
        .getEntriesByType('resource')
        .find((entry) => isTrace(entry.name)) as PerformanceResourceTiming | undefined;
      // A request the trace parser's worker made is not in the page's Resource Timing: the app
      // records it as `app:response <url>`, its first byte in `detail`.
      const fromWorker = performance
        .getEntriesByType('measure')
        .find(
          (entry) => entry.name.startsWith('app:response ') && isTrace(entry.name.slice(13)),
        ) as PerformanceMeasure | undefined;
      const request =
        resource ??
        (fromWorker && {
          startTime: fromWorker.startTime,
          responseStart: (fromWorker.detail as { firstByte: number }).firstByte,
          responseEnd: fromWorker.startTime + fromWorker.duration,
        });
      const measures: Record<string, { start: number; end: number }> = {};
      for (const entry of performance.getEntriesByType('measure')) {
        measures[entry.name] = { start: entry.startTime, end: entry.startTime + entry.duration };
      }
      return {
        request: request
          ? { start: request.startTime, firstByte: request.responseStart, end: request.responseEnd }
          : null,
        measures,
        rowsPainted: window.__bench.firstPainted[rows] ?? NaN,
        previewPainted: window.__bench.firstPainted[preview] ?? NaN,
        longTasks: window.__bench.longTasks,
      };
    },
    { id: traceId, rows: SPAN_ROWS, preview: PREVIEW_ROWS },
  );
  const { request, measures, rowsPainted, previewPainted } = entries;
  const json = measures[`app:json /traces/${traceId}`];
  const validate = measures['app:parseTraceDetail'];
  const build = measures['app:buildSpanTree'];
  const span = (m: { start: number; end: number } | undefined) => (m ? m.end - m.start : NaN);
  const firstByte = request?.firstByte ?? NaN;
  // Tasks that started before the interactive rows were painted: the load's own tasks.
  const loadTasks = entries.longTasks.filter((task) => task.start < rowsPainted);
  const firstPainted = Math.min(
    rowsPainted,
    Number.isNaN(previewPainted) ? Infinity : previewPainted,
  );
  const load: LoadMetrics = {
    firstByte,
    firstRows: firstPainted - firstByte,
    previewRows: previewPainted - firstByte,
    loaded: rowsPainted - firstByte,
    firstRowsFromNavigation: firstPainted,
    loadedFromNavigation: rowsPainted,
    longestTask: Math.max(0, ...loadTasks.map((task) => task.end - task.start)),
  };
  return {
    metrics: {
      ...load,
      boot: request?.start ?? NaN,
      network: request ? request.end - request.start : NaN,
      afterData: request ? open - request.end : NaN,
      readBody: json && request ? json.start - request.end : NaN,
      jsonParse: span(json),
      validate: span(validate),
      buildTree: span(build),
      render: build ? rowsPainted - build.end : NaN,
    },
    details: { openLongTasks: loadTasks.map((task) => Math.round(task.end - task.start)) },
  };
}
