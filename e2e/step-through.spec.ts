import { expect, test, type Page } from '@playwright/test';
import { waterfallOf } from './support/tracePage';

/*
 * Issue 14: step through a trace's failures in time order, each one selected, unfolded and
 * shown, from the toolbar or with e / Shift+E.
 */

/** Opens the first failed demo trace that reports at least two failing spans; their count. */
async function openTraceWithErrors(page: Page): Promise<number> {
  await page.goto('/traces?status=ERROR');
  const table = page.getByRole('table', { name: 'Traces' });
  await expect(table).toHaveAttribute('aria-busy', 'false');
  const headers = await table.getByRole('columnheader').allTextContents();
  const errorsColumn = headers.findIndex((text) => text.startsWith('Errors'));
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  for (let i = 0; i < (await rows.count()); i++) {
    const errors = Number(await rows.nth(i).getByRole('cell').nth(errorsColumn).textContent());
    if (errors >= 2) {
      await rows.nth(i).getByRole('link').first().click();
      await expect(waterfallOf(page).grid).toBeVisible();
      return errors;
    }
  }
  throw new Error('no demo trace with two failing spans');
}

const selectedRow = (page: Page) =>
  waterfallOf(page).grid.locator('[role="row"][aria-selected="true"]');
/** The selected span's id, as its panel shows it. */
const selectedSpanId = (page: Page) =>
  page
    .getByRole('region', { name: 'Span details' })
    .locator('dt:text-is("Span id") + dd code')
    .textContent();

test('next error visits each failing span once, in time order, and wraps', async ({ page }) => {
  const count = await openTraceWithErrors(page);
  const stepper = page.getByRole('group', { name: 'Errors' });
  // Collapsed to the top level, each error is still found: its ancestors unfold.
  await page.getByRole('button', { name: 'Expand or collapse levels' }).click();
  await page
    .getByRole('dialog', { name: 'Levels' })
    .getByRole('button', { name: 'Collapse all' })
    .click();
  await page.keyboard.press('Escape');

  const visited: string[] = [];
  const offsets: number[] = [];
  for (let step = 1; step <= count; step++) {
    await stepper.getByRole('button', { name: 'Next error' }).click();
    await expect(stepper.getByRole('status')).toHaveText(`Error ${step} of ${count}`);
    await expect(selectedRow(page)).toBeInViewport();
    await expect(selectedRow(page).getByRole('img', { name: 'Error' })).toBeVisible();
    visited.push((await selectedSpanId(page))!);
    // The panel's offset from the trace start, e.g. "+1.20s" or "+399ms".
    const offset = await page
      .getByRole('region', { name: 'Span details' })
      .locator('dt:text-is("Offset") + dd')
      .textContent();
    offsets.push(parseOffsetMs(offset!));
  }
  expect(new Set(visited).size).toBe(count);
  expect(offsets).toEqual([...offsets].sort((a, b) => a - b));

  // One more wraps to the first; Shift+E goes back to the last.
  await page.keyboard.press('e');
  await expect(stepper.getByRole('status')).toHaveText(`Error 1 of ${count}`);
  expect(await selectedSpanId(page)).toBe(visited[0]);
  await expect(page).toHaveURL(new RegExp(`span=${visited[0]}`));
  await page.keyboard.press('Shift+E');
  await expect(stepper.getByRole('status')).toHaveText(`Error ${count} of ${count}`);
  expect(await selectedSpanId(page)).toBe(visited[count - 1]);
});

function parseOffsetMs(text: string): number {
  const match = /^\+([\d.]+)(ms|s|µs)$/.exec(text)!;
  const value = Number(match[1]);
  return match[2] === 's' ? value * 1000 : match[2] === 'µs' ? value / 1000 : value;
}

/*
 * The selected span's peers (Weave's word): the other calls of its tool or model, in time order,
 * on the trace recorded from the real AgentOS (src/mocks/recorded/real-agentos/
 * trace-team-delegation.json): its Researcher calls fetch_page twice and Claude 3 Haiku 3 times.
 */
const TEAM_TRACE = '/traces/5eeb8e69da2ce65fa94a1c0735a561b5?db_id=recorded-agentos';

async function openRecordedSpan(page: Page, spanId: string, name: string) {
  await page.goto(`${TEAM_TRACE}&span=${spanId}`);
  const panel = page.getByRole('region', { name: 'Span details' });
  // The demo generates its databases in the browser first: slow on a busy machine.
  await expect(panel.getByRole('heading', { level: 2, name })).toBeVisible({ timeout: 30_000 });
  return panel;
}

test('next call of this tool moves to the next span with the same tool name, and wraps', async ({
  page,
}) => {
  const panel = await openRecordedSpan(page, '9665d02cd4c5cc01', 'fetch_page');
  const peers = panel.getByRole('group', { name: 'Calls of fetch_page' });
  await expect(peers.getByRole('status')).toHaveText('fetch_page: call 1 of 2');

  await peers.getByRole('button', { name: 'Next call of fetch_page' }).click();
  await expect(peers.getByRole('status')).toHaveText('fetch_page: call 2 of 2');
  await expect(page).toHaveURL(/span=18f491865c91282e/);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('fetch_page');
  await expect(selectedRow(page)).toBeInViewport();

  // From the keyboard: n wraps to the first call, Shift+N goes back to the last.
  await page.keyboard.press('n');
  await expect(peers.getByRole('status')).toHaveText('fetch_page: call 1 of 2');
  await expect(page).toHaveURL(/span=9665d02cd4c5cc01/);
  await page.keyboard.press('Shift+N');
  await expect(page).toHaveURL(/span=18f491865c91282e/);
});

test('next call of this model visits the same model’s calls in time order', async ({ page }) => {
  const haiku = 'anthropic.claude-3-haiku-20240307-v1:0';
  const panel = await openRecordedSpan(page, 'f29616328972ff83', 'AwsBedrock.invoke');
  const peers = panel.getByRole('group', { name: `Calls of ${haiku}` });
  await expect(peers.getByRole('status')).toHaveText(`${haiku}: call 1 of 3`);
  const next = peers.getByRole('button', { name: `Next call of ${haiku}` });
  await next.click();
  await expect(page).toHaveURL(/span=43c0176b152c1452/);
  await next.click();
  await expect(page).toHaveURL(/span=49c5cc7f4b159a70/);
  await expect(peers.getByRole('status')).toHaveText(`${haiku}: call 3 of 3`);

  // A tool called once has no peers to step through.
  await page.getByRole('row', { name: /web_search/ }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('web_search');
  await expect(panel.getByRole('group', { name: /^Calls of/ })).toHaveCount(0);
});
