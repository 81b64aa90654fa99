import type { Page } from '@playwright/test';
import type { RunDetails, RunMetrics } from './benchReport';
import {
  FLAME_GRAPH,
  LANE_BARS,
  SEARCH_BOX,
  SPAN_DETAILS,
  SPAN_ROWS,
  TIME_AXIS,
  WATERFALL,
  ZOOM_WINDOW,
} from './selectors';
import { median, percentile } from './stats';
import { waitForQuiet } from './waitForQuiet';

/** Between steps, no long task for this long, so one step's tail is not billed to the next. */
const STEP_QUIET_MS = 300;
/** The scroll test moves at least this far per frame, in at most MAX_SCROLL_STEPS frames. */
const SCROLL_STEP_PX = 1000;
const MAX_SCROLL_STEPS = 300;

type InteractionMetrics = Pick<
  RunMetrics,
  | 'select'
  | 'search'
  | 'searchAll'
  | 'collapseAll'
  | 'expandAll'
  | 'scrollMedian'
  | 'scrollP95'
  | 'flameOpen'
  | 'flameDraw'
  | 'overviewDraw'
  | 'zoomWheel'
  | 'zoomWheelMax'
  | 'lanesOpen'
>;

/**
 * On an opened trace, each interaction in turn, timed in the page from the input to the frame
 * that shows its result (see PageProbes.untilPainted).
 */
export async function measureInteractions(
  page: Page,
  timeoutMs: number,
): Promise<{ metrics: InteractionMetrics; details: Omit<RunDetails, 'openLongTasks'> }> {
  const idle = () => waitForQuiet(page, { quietMs: STEP_QUIET_MS, timeoutMs });
  await idle();
  // Drawn at open: the app's own measure of its last drawing.
  const overviewDraw = await page.evaluate(
    () => performance.getEntriesByName('overview-draw').at(-1)?.duration ?? Number.NaN,
  );
  const select = await measureSelect(page);
  await idle();
  const search = await measureSearch(page);
  await idle();
  await clearSearch(page);
  await idle();
  const collapseAll = await measureToggleAll(page, 'Collapse all');
  await idle();
  const expandAll = await measureToggleAll(page, 'Expand all');
  await idle();
  const scroll = await measureScroll(page);
  await idle();
  const zoom = await measureZoom(page);
  await idle();
  const lanesOpen = await measureLanes(page);
  await idle();
  // Last: it leaves the waterfall's tab.
  const flame = await measureFlameGraph(page);
  return {
    metrics: {
      select,
      search: search.ms,
      searchAll: search.allMs,
      collapseAll,
      expandAll,
      scrollMedian: median(scroll.frames),
      scrollP95: percentile(scroll.frames, 95),
      flameOpen: flame.open,
      flameDraw: flame.draw,
      overviewDraw,
      zoomWheel: median(zoom),
      zoomWheelMax: Math.max(...zoom),
      lanesOpen,
    },
    details: {
      searchQuery: search.query,
      searchMatches: search.matches,
      scrollFrames: scroll.frames.length,
      scrollStepPx: scroll.stepPx,
      scrollBlankFrames: scroll.blankFrames,
    },
  };
}

/** Click a span row in the middle of the view → its details panel painted. */
async function measureSelect(page: Page): Promise<number> {
  return page.evaluate(
    async ({ grid, details }) => {
      const root = document.querySelector(grid) as HTMLElement;
      const box = root.getBoundingClientRect();
      const visible = [...root.querySelectorAll<HTMLElement>('[role="row"][aria-level]')].filter(
        (row) => {
          const rect = row.getBoundingClientRect();
          return rect.top >= box.top && rect.bottom <= box.bottom;
        },
      );
      const row = visible[Math.floor(visible.length / 2)];
      if (!row) throw new Error('no span row in view');
      const name = row.querySelector('.span-name')?.textContent ?? '';
      const t0 = performance.now();
      row.click();
      return window.__bench.untilPainted(
        t0,
        () => document.querySelector(details)?.querySelector('h2')?.textContent === name,
      );
    },
    { grid: WATERFALL, details: SPAN_DETAILS },
  );
}

/**
 * Enter a query in "Search spans" in one input event (as a paste, or the last keystroke of a
 * burst) → the matching row in view highlighted and the count shown; and → the final count
 * (every span's texts looked through). The query is the name of
 * a TOOL span in view (else any span in view), so a highlight is on screen to wait for.
 */
async function measureSearch(page: Page) {
  return page.evaluate(
    async ({ grid, searchBox }) => {
      const root = document.querySelector(grid) as HTMLElement;
      const rows = [...root.querySelectorAll<HTMLElement>('[role="row"][aria-level]')];
      const target = rows.find((row) => row.querySelector('.type-tool')) ?? rows[rows.length - 1];
      const query = target?.querySelector('.span-name')?.textContent ?? '';
      if (!target || !query) throw new Error('no span row to search for');
      const input = document.querySelector<HTMLInputElement>(searchBox)!;
      // React tracks the value it last rendered: set it through the prototype, as typing does.
      const value = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
      // The match count sits beside the search box.
      const status = () => input.parentElement?.querySelector('[role="status"]')?.textContent ?? '';
      input.focus();
      const t0 = performance.now();
      value.set!.call(input, query);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const ms = await window.__bench.untilPainted(
        t0,
        () => !!document.getElementById(target.id)?.classList.contains('is-match') && !!status(),
      );
      // The count ends in "…" while the long texts are still being looked through.
      const allMs = await window.__bench.untilPainted(t0, () => !status().endsWith('…'));
      const matches = Number(/of ([\d,]+)/.exec(status())?.[1]?.replace(/,/g, '') ?? 0);
      return { ms, allMs, query, matches };
    },
    { grid: WATERFALL, searchBox: SEARCH_BOX },
  );
}

async function clearSearch(page: Page): Promise<void> {
  await page.evaluate(async (searchBox) => {
    const input = document.querySelector<HTMLInputElement>(searchBox)!;
    const value = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    value.set!.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.blur();
    await window.__bench.untilPainted(
      performance.now(),
      () => !document.querySelector('.is-match'),
    );
  }, SEARCH_BOX);
}

/** Click "Collapse all" / "Expand all" → the waterfall repainted in its new shape. */
async function measureToggleAll(page: Page, label: 'Collapse all' | 'Expand all') {
  return page.evaluate(
    async ({ rows, label }) => {
      // The buttons are in the toolbar's "Levels" popover: opened first (outside the timing).
      const find = () =>
        [...document.querySelectorAll<HTMLButtonElement>('[aria-label="Levels"] button')].find(
          (b) => b.textContent?.trim() === label,
        );
      if (!find()) {
        document
          .querySelector<HTMLButtonElement>('[aria-label="Expand or collapse levels"]')
          ?.click();
        await window.__bench.untilPainted(performance.now(), () => !!find());
      }
      const button = find();
      if (!button) throw new Error(`no "${label}" button`);
      const hasNested = () =>
        [...document.querySelectorAll(rows)].some((row) => row.getAttribute('aria-level') !== '1');
      const isCollapse = label === 'Collapse all';
      const t0 = performance.now();
      button.click();
      return window.__bench.untilPainted(t0, () => hasNested() !== isCollapse);
    },
    { rows: SPAN_ROWS, label },
  );
}

/**
 * Scroll the waterfall top to bottom, one step per frame; the time between frames, and how many
 * frames had no span row at the middle of the view (a blank waterfall would be cheap to draw).
 */
async function measureScroll(page: Page) {
  return page.evaluate(
    async ({ grid, minStep, maxSteps }) => {
      const root = document.querySelector(grid) as HTMLElement;
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      root.scrollTop = 0;
      await window.__bench.nextPaint();
      await window.__bench.nextPaint();
      const box = root.getBoundingClientRect();
      const probeX = box.left + box.width / 4;
      const probeY = box.top + (Math.min(box.bottom, innerHeight) - box.top) / 2;
      const isBlank = () =>
        !document.elementFromPoint(probeX, probeY)?.closest('[role="row"][aria-level]');
      const end = root.scrollHeight - root.clientHeight;
      const stepPx = Math.max(minStep, Math.ceil(end / maxSteps));
      const steps = Math.ceil(end / stepPx);
      const frames: number[] = [];
      let blankFrames = 0;
      let last = await frame();
      for (let step = 1; step <= steps; step++) {
        root.scrollTop = Math.min(end, step * stepPx);
        const now = await frame();
        if (isBlank()) blankFrames++;
        frames.push(now - last);
        last = now;
      }
      // The last step's work shows in the frame after it.
      frames.push((await frame()) - last);
      return { frames, stepPx, blankFrames };
    },
    { grid: WATERFALL, minStep: SCROLL_STEP_PX, maxSteps: MAX_SCROLL_STEPS },
  );
}

/**
 * Five wheel notches on the waterfall's time axis, each zooming in around the axis's middle →
 * the frame that shows the new range (the overview's window text changed: the waterfall's rows
 * and ticks render in the same commit); then "Reset zoom", untimed.
 */
async function measureZoom(page: Page): Promise<number[]> {
  return page.evaluate(
    async ({ axis, zoomWindow }) => {
      const target = document.querySelector<HTMLElement>(axis);
      const windowText = () =>
        document.querySelector(zoomWindow)?.getAttribute('aria-valuetext') ?? '';
      if (!target) throw new Error('no time axis');
      const box = target.getBoundingClientRect();
      const times: number[] = [];
      for (let step = 0; step < 5; step++) {
        const before = windowText();
        const t0 = performance.now();
        target.dispatchEvent(
          new WheelEvent('wheel', {
            deltaY: -100,
            clientX: box.left + box.width / 2,
            clientY: box.top + box.height / 2,
            bubbles: true,
            cancelable: true,
          }),
        );
        times.push(await window.__bench.untilPainted(t0, () => windowText() !== before));
      }
      const reset = [...document.querySelectorAll('button')].find(
        (button) => button.getAttribute('aria-label') === 'Reset zoom',
      );
      reset?.click();
      await window.__bench.untilPainted(performance.now(), () => reset?.disabled === true);
      return times;
    },
    { axis: TIME_AXIS, zoomWindow: ZOOM_WINDOW },
  );
}

/**
 * Tick "Lanes" → the swimlanes painted with their bars (their lazy chunk, the lane layout of
 * every span, the bars), then untick to leave the waterfall as it was. NaN when the trace has
 * no team or workflow (no toggle).
 */
async function measureLanes(page: Page): Promise<number> {
  const ms = await page.evaluate(async (lanes) => {
    const toggle = [...document.querySelectorAll<HTMLLabelElement>('label')]
      .find((label) => label.textContent?.trim() === 'Lanes')
      ?.querySelector('input');
    if (!toggle) return Number.NaN;
    const t0 = performance.now();
    toggle.click();
    return window.__bench.untilPainted(t0, () => !!document.querySelector(lanes));
  }, LANE_BARS);
  if (!Number.isNaN(ms)) {
    await page.getByRole('checkbox', { name: 'Lanes' }).uncheck();
    await page.locator(WATERFALL).waitFor();
  }
  return ms;
}

/**
 * Click the "Flame graph" tab → the graph drawn and painted: its lazy chunk, the mount, the
 * canvas and the first layout and drawing; and the app's own measure of that drawing.
 */
async function measureFlameGraph(page: Page): Promise<{ open: number; draw: number }> {
  return page.evaluate(async (graph) => {
    const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find(
      (element) => element.textContent?.trim() === 'Flame graph',
    );
    if (!tab) throw new Error('no "Flame graph" tab');
    performance.clearMeasures('flame-draw');
    const t0 = performance.now();
    tab.click();
    const open = await window.__bench.untilPainted(
      t0,
      () => !!document.querySelector(`${graph}[data-drawn]`),
    );
    const draw = performance.getEntriesByName('flame-draw').at(-1)?.duration ?? Number.NaN;
    return { open, draw };
  }, FLAME_GRAPH);
}
