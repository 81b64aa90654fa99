import { expect, test, type Locator, type Page } from '@playwright/test';
import { openInFreshBrowser } from './support/freshBrowser';
import { copyLink, openTrace, rowsOf, waterfallOf } from './support/tracePage';

/*
 * Issue 14 items 1 and 2: the overview above the waterfall, zooming the waterfall to a time
 * range (by the overview, the time axis or the wheel), the range in the link, and the bars'
 * tooltips. On the demo's batch-enrichment workflow traces.
 */

const BATCH = '/traces?workflow_id=batch-enrichment';

const overviewOf = (page: Page) =>
  page.getByRole('img', { name: /^Trace overview: [\d,]+ spans by type over time/ });
const windowOf = (page: Page) => page.getByRole('slider', { name: 'Zoomed time range' });
const resetOf = (page: Page) => page.getByRole('button', { name: 'Reset zoom' });
const axisOf = (page: Page) =>
  waterfallOf(page).grid.getByRole('columnheader', { name: 'Timeline' });

/** Drags across an element from one fraction of its width to another, at mid-height. */
async function dragAcross(page: Page, target: Locator, from: number, to: number) {
  const box = (await target.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((from + to) / 2), y, { steps: 3 });
  await page.mouse.move(box.x + box.width * to, y, { steps: 3 });
  await page.mouse.up();
}

/** The zoom in the address bar, as [start, end] µs offsets, or null. */
function zoomInUrl(page: Page): [number, number] | null {
  const zoom = new URL(page.url()).searchParams.get('zoom');
  return zoom === null ? null : (zoom.split('-').map(Number) as [number, number]);
}

async function tickLabels(page: Page): Promise<string[]> {
  return axisOf(page).locator('.axis-tick').allTextContents();
}

test('dragging on the overview zooms the waterfall to that range; Reset zoom shows it all', async ({
  page,
}) => {
  await openTrace(page, BATCH);
  const overview = overviewOf(page);
  await expect(overview).toBeVisible();
  await expect(windowOf(page)).toHaveAttribute('aria-valuetext', 'The whole trace');
  await expect(resetOf(page)).toBeDisabled();
  const wholeTicks = await tickLabels(page);
  expect(wholeTicks[0]).toBe('0');

  await dragAcross(page, overview, 0.3, 0.45);
  await expect(resetOf(page)).toBeEnabled();
  // The window starts 30% into the trace; its text gives the range's two offsets.
  await expect(windowOf(page)).toHaveAttribute('aria-valuenow', '30');
  await expect(windowOf(page)).toHaveAttribute('aria-valuetext', /^\+[\d.]+s – \+[\d.]+s of /);
  await expect(page).toHaveURL(/[?&]zoom=\d+-\d+(&|$)/);
  const [start, end] = zoomInUrl(page)!;
  expect(end).toBeGreaterThan(start);
  // The axis follows the range: its first tick is no longer the trace's start.
  await expect.poll(() => tickLabels(page)).not.toEqual(wholeTicks);
  expect((await tickLabels(page))[0]).not.toBe('0');
  // Spans before the range are an arrow at its left edge, the root is cut at both edges.
  const grid = waterfallOf(page).grid;
  await expect(grid.getByTitle('Ends before the shown time range').first()).toBeVisible();
  await expect(grid.locator('.span-bar[data-clip="both"]').first()).toBeVisible();

  await resetOf(page).click();
  await expect(windowOf(page)).toHaveAttribute('aria-valuetext', 'The whole trace');
  await expect(resetOf(page)).toBeDisabled();
  await expect(page).not.toHaveURL(/[?&]zoom=/);
  await expect.poll(() => tickLabels(page)).toEqual(wholeTicks);
});

test('the wheel on the time axis zooms around the pointer, and the keyboard pans the window', async ({
  page,
}) => {
  await openTrace(page, BATCH);
  const axis = axisOf(page);
  await axis.hover({ position: { x: 10, y: 10 } });
  await page.mouse.wheel(0, -300);
  await expect(resetOf(page)).toBeEnabled();
  // Three notches in, by e^(−0.9): the 11.53 s trace shows about 4.7 s, still near its start,
  // where the pointer is.
  await expect(windowOf(page)).toHaveAttribute('aria-valuenow', '1');
  await expect(windowOf(page)).toHaveAttribute(
    'aria-valuetext',
    /^\+\d+ms – \+4\.\d\ds of 11\.53s$/,
  );

  // The URL follows the view shortly after (writes are batched): read the range once it has.
  await expect(page).toHaveURL(/[?&]zoom=/);
  const before = zoomInUrl(page);
  await windowOf(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => zoomInUrl(page)?.[0] ?? 0).toBeGreaterThan(0);
  const after = zoomInUrl(page)!;
  // Panning keeps the range's width.
  expect(after[1] - after[0]).toBe(before![1] - before![0]);
  await page.keyboard.press('0');
  await expect(windowOf(page)).toHaveAttribute('aria-valuetext', 'The whole trace');
});

test('a zoomed range survives a shared link', async ({ page, browser }) => {
  test.slow(); // two browsers, each generating the demo data
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openTrace(page, BATCH);
  // Zoom by dragging on the time axis this time.
  await dragAcross(page, axisOf(page), 0.5, 0.7);
  await expect(page).toHaveURL(/[?&]zoom=\d+-\d+(&|$)/);
  const text = await windowOf(page).getAttribute('aria-valuetext');
  const ticks = await tickLabels(page);
  const zoom = zoomInUrl(page);

  const link = await copyLink(page);
  expect(new URL(link).searchParams.get('zoom')).toBe(zoom!.join('-'));
  const colleague = await openInFreshBrowser(browser, link);
  await expect(windowOf(colleague)).toHaveAttribute('aria-valuetext', text!);
  expect(await tickLabels(colleague)).toEqual(ticks);
  expect(zoomInUrl(colleague)).toEqual(zoom);
  await colleague.context().close();
});

test('a zoom the trace cannot show is dropped, and the link says so', async ({ page }) => {
  const { id } = await openTrace(page, BATCH);
  await page.goto(`/traces/${encodeURIComponent(id)}?zoom=999999999999-999999999999999`);
  await expect(rowsOf(page).first()).toBeVisible();
  await expect(page.getByRole('note', { name: 'Link partly applied' })).toContainText(
    'zoom=999999999999-999999999999999 (starts after the trace ends)',
  );
  await expect(windowOf(page)).toHaveAttribute('aria-valuetext', 'The whole trace');
});

test('a bar’s tooltip shows its facts on hover and on keyboard focus, moving nothing', async ({
  page,
}) => {
  const { name } = await openTrace(page, BATCH);
  const rows = rowsOf(page);
  const firstRow = rows.first();
  const rowBox = await firstRow.boundingBox();
  await firstRow.locator('.span-bar').hover();
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText(name);
  for (const fact of ['Type', 'WORKFLOW', 'Start', 'Duration', 'Self time', 'Status', 'OK']) {
    await expect(tooltip).toContainText(fact);
  }
  expect(await firstRow.boundingBox()).toEqual(rowBox);

  // An LLM span's tooltip gives its tokens.
  const llmRow = rows.filter({ has: page.locator('.type-badge', { hasText: 'LLM' }) }).first();
  await llmRow.locator('.waterfall-bar-cell').hover();
  await expect(tooltip).toContainText('Tokens');
  await expect(tooltip).toContainText(/\d+ → \d+/);

  // By keyboard: the selected row's tooltip follows the selection.
  await page.mouse.move(0, 0);
  await expect(tooltip).toHaveCount(0);
  await waterfallOf(page).grid.focus();
  await page.keyboard.press('Home');
  await expect(tooltip).toContainText(name);
  await page.keyboard.press('ArrowDown');
  const second = await rows.nth(1).locator('.span-name').textContent();
  await expect(tooltip).toContainText(second!);
});
