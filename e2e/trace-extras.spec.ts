import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/a11y';
import { openExport, openFilters, openTrace, panelOf, waterfallOf } from './support/tracePage';

/*
 * Issue 7, "beyond the anchors": error-first landing, critical path, repeated calls, the trace
 * as a file (download, open, drop), copy as Markdown, and comparing two traces. All on the demo
 * data the app generates in the browser.
 */

/** The ids of the first `count` traces of a list view. */
async function traceIdsOf(page: Page, listUrl: string, count: number): Promise<string[]> {
  await page.goto(listUrl);
  const links = page.getByRole('table', { name: 'Traces' }).locator('a[href*="/traces/"]');
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((anchors) =>
    anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname),
  );
  const ids = [...new Set(hrefs.map((href) => decodeURIComponent(href.split('/').pop()!)))];
  return ids.slice(0, count);
}

const appHeader = (page: Page) => page.getByRole('banner').filter({ hasText: 'AgentOS Traces' });

test.describe('error-first landing', () => {
  test('a failed trace opens on the first failing span, with a way back to the whole trace', async ({
    page,
  }) => {
    await openTrace(page, '/traces?status=ERROR');
    const notice = page.getByRole('note', { name: 'Error-first landing' });
    await expect(notice).toBeVisible();

    const { grid, rows } = waterfallOf(page);
    const selected = grid.locator('[role="row"][aria-selected="true"]');
    await expect(selected).toBeInViewport();
    await expect(selected.getByRole('img', { name: 'Error' })).toBeVisible();
    const spanName = (await selected.locator('.span-name').textContent()) ?? '';
    await expect(notice).toContainText(spanName);
    // Its panel is open, on its error.
    await expect(panelOf(page).getByRole('heading', { level: 2 })).toHaveText(spanName);
    await expect(panelOf(page).getByRole('note', { name: 'Span error' })).not.toBeEmpty();
    // The landing does not rewrite the address: the link still means "this trace".
    expect(page.url()).not.toContain('span=');

    await notice.getByRole('button', { name: 'Show the whole trace' }).click();
    await expect(notice).toHaveCount(0);
    await expect(panelOf(page)).toHaveCount(0);
    await expect(grid.locator('[role="row"][aria-selected="true"]')).toHaveCount(0);
    await expect(rows.first()).toBeInViewport();
    await expect(rows.first()).toHaveAttribute('aria-level', '1');
  });

  test('a link to a span, or a trace that did not fail, opens as usual', async ({ page }) => {
    const { id } = await openTrace(page, '/traces?status=ERROR');
    await expect(page.getByRole('note', { name: 'Error-first landing' })).toBeVisible();
    const rootId = await rootIdOf(page, id);
    await page.goto(`/traces/${encodeURIComponent(id)}?span=${encodeURIComponent(rootId)}`);
    await expect(waterfallOf(page).rows.first()).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('note', { name: 'Error-first landing' })).toHaveCount(0);

    // OK at the root is not enough: a trace with failing spans is failed as users mean it.
    await page.goto('/traces?status=OK');
    await page
      .getByRole('table', { name: 'Traces' })
      .getByRole('row')
      .filter({ has: page.getByRole('link') })
      .filter({ hasNotText: /failing span/ })
      .first()
      .getByRole('link')
      .first()
      .click();
    await expect(waterfallOf(page).rows.first()).toBeVisible();
    await expect(page.getByRole('note', { name: 'Error-first landing' })).toHaveCount(0);
    await expect(panelOf(page)).toHaveCount(0);
  });
});

/** The root span's id, read from the demo API the page itself uses. */
async function rootIdOf(page: Page, traceId: string): Promise<string> {
  return page.evaluate(async (id) => {
    const response = await fetch(`/demo-api/traces/${encodeURIComponent(id)}`);
    const body = (await response.json()) as { tree: { id: string }[] };
    return body.tree[0]!.id;
  }, traceId);
}

test.describe('where the time went', () => {
  test('the critical path is drawn on the bars and told to assistive technology', async ({
    page,
  }) => {
    await openTrace(page, '/traces?agent_id=stock_agent');
    const { rows } = waterfallOf(page);
    await expect(page.getByText('On the critical path')).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Critical path' }).check();
    const onPath = rows.filter({ hasText: 'On the critical path' });
    // The root is on it, and so is at least one of its children.
    await expect(rows.first()).toContainText('On the critical path');
    expect(await onPath.count()).toBeGreaterThan(1);
    await expect(page.getByRole('toolbar', { name: 'Waterfall controls' })).toContainText(
      `${await onPath.count()} spans`,
    );
    // The panel gives the span's self time and its time on the path.
    await onPath.nth(1).click();
    await expect(panelOf(page).getByRole('term').filter({ hasText: 'Self time' })).toBeVisible();
    await expect(
      panelOf(page).getByRole('term').filter({ hasText: 'Critical path' }),
    ).toBeVisible();

    await page.getByRole('checkbox', { name: 'Critical path' }).uncheck();
    await expect(page.getByText('On the critical path')).toHaveCount(0);
  });

  test('the charts tab groups time and tokens by span type, model and tool', async ({ page }) => {
    await openTrace(page, '/traces?agent_id=support_agent');
    await page.getByRole('tab', { name: 'Charts' }).click();
    const table = page.getByRole('table', { name: 'Where the time went' });
    await expect(table.getByRole('columnheader')).toHaveText([
      'Span type',
      'Count',
      'Total',
      'Self time',
      'Share of self time',
      'Tokens',
      'Cost (est.)',
    ]);
    await expect(table.getByRole('rowheader', { name: 'LLM', exact: true })).toBeVisible();
    // Shares of all self time: the span types add up to 100% (give or take the rounding).
    const shares = await table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader') })
      .evaluateAll((rows) => rows.map((row) => (row as HTMLTableRowElement).cells[4]!.innerText));
    const total = shares.reduce((sum, share) => sum + Number.parseFloat(share), 0);
    expect(shares.every((share) => share.endsWith('%'))).toBe(true);
    expect(Math.abs(total - 100)).toBeLessThan(0.3);
    const groupBy = page.getByRole('combobox', { name: 'Group by' });
    await groupBy.selectOption('Model');
    await expect(table.getByRole('columnheader').first()).toHaveText('Model');
    const modelRow = table.getByRole('row').nth(1);
    await expect(modelRow.getByRole('cell').last()).not.toHaveText('–'); // LLM calls have tokens
    await groupBy.selectOption('Tool');
    await expect(table.getByRole('columnheader').first()).toHaveText('Tool');
    await expect(table.getByRole('row')).not.toHaveCount(1);
  });
});

test('repeated calls are counted in the header and marked on their rows', async ({ page }) => {
  await openTrace(page, '/traces?agent_id=support_agent');
  const count = page.getByRole('button', { name: /^\d+ \(\d+ spans\)$/ });
  await expect(page.getByRole('term').filter({ hasText: 'Repeated calls' })).toBeVisible();
  const spans = Number(/\((\d+) spans\)/.exec((await count.textContent())!)![1]);
  expect(spans).toBeGreaterThan(1);

  await count.click();
  // The toolbar says a filter is on; its popover shows which.
  await expect(page.getByRole('button', { name: 'More filters' })).toHaveText(/Filters \(1\)/);
  const filters = await openFilters(page);
  await expect(filters.getByRole('checkbox', { name: 'Repeated calls only' })).toBeChecked();
  await filters.getByRole('checkbox', { name: 'Hide others' }).check();
  await page.keyboard.press('Escape');
  const { rows } = waterfallOf(page);
  const marked = rows.filter({ has: page.getByRole('img', { name: /^Repeated call \(\d+×\)$/ }) });
  await expect(marked).toHaveCount(spans);
  await expect(marked.first()).toHaveAttribute('aria-level', '2');
});

test.describe('a trace as a file', () => {
  test('Download JSON saves the trace as received; opening that file shows the same trace', async ({
    page,
  }) => {
    const answer = page.waitForResponse((response) =>
      /\/demo-api\/traces\/[^/?]+$/.test(new URL(response.url()).pathname),
    );
    const { name, id } = await openTrace(page, '/traces?agent_id=stock_agent');
    const received: unknown = await (await answer).json();
    const { rows } = waterfallOf(page);
    const spanCount = await rows.count();

    const downloading = page.waitForEvent('download');
    await (await openExport(page)).getByRole('button', { name: 'Download JSON' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`trace-${id}.json`);
    const path = await download.path();
    const saved = await readFile(path, 'utf8');
    expect(JSON.parse(saved)).toEqual(received);

    // Open it again from the app header, as someone it was handed to would.
    await page.goto('/traces');
    const choosing = page.waitForEvent('filechooser');
    await appHeader(page).getByRole('button', { name: 'Open trace file' }).click();
    await (
      await choosing
    ).setFiles({
      name: `trace-${id}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(saved),
    });
    await expect(page).toHaveURL(/\/file$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(
      page.getByRole('definition').filter({ hasText: `trace-${id}.json` }),
    ).toBeVisible();
    await expect(rows).toHaveCount(spanCount);
    // The full trace page, with its own ?span= and no server for the file.
    await rows.nth(1).click();
    await expect(page).toHaveURL(/\/file\?span=/);
    await expect(panelOf(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Compare with…' })).toHaveCount(0);

    // Nothing of the file is kept: a reload forgets it.
    await page.reload();
    await expect(page.getByText('No trace file is open')).toBeVisible();
  });

  test('a file that is not a trace gets the validation message of a bad server answer', async ({
    page,
  }) => {
    await page.goto('/file');
    await expect(page.getByText('No trace file is open')).toBeVisible();
    const input = appHeader(page).getByLabel('Open trace file');

    await input.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not open “notes.txt”');
    await expect(alert).toContainText('is not JSON');

    const notATrace = JSON.stringify({ trace_id: 't', name: 'x', status: 'OK', tree: [] });
    await input.setInputFiles({
      name: 'page.json',
      mimeType: 'application/json',
      buffer: Buffer.from(notATrace),
    });
    await expect(alert).toContainText('Could not open “page.json”: the answer is not in the form');
    await expect(alert).toContainText('$.duration');
  });

  test('a trace file dropped anywhere on the page opens', async ({ page }) => {
    const { id } = await openTrace(page, '/traces?agent_id=stock_agent');
    const downloading = page.waitForEvent('download');
    await (await openExport(page)).getByRole('button', { name: 'Download JSON' }).click();
    const saved = await readFile(await (await downloading).path(), 'utf8');

    await page.goto('/sessions');
    const dataTransfer = await page.evaluateHandle(
      ([text, fileName]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], fileName, { type: 'application/json' }));
        return transfer;
      },
      [saved, `trace-${id}.json`] as const,
    );
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await expect(page.getByRole('status').filter({ hasText: 'Drop a trace file' })).toBeVisible();
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await expect(page).toHaveURL(/\/file$/);
    await expect(page.getByText('Drop a trace file')).toHaveCount(0);
    await expect(waterfallOf(page).rows.first()).toBeVisible();
  });
});

test.describe('copy as Markdown', () => {
  test.beforeEach(async ({ page }) => {
    // What the page writes to the clipboard is kept where the test can read it.
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {
          writeText: (text: string) => {
            (window as unknown as { copied: string }).copied = text;
            return Promise.resolve();
          },
        },
      });
    });
  });

  const copied = (page: Page) =>
    page.evaluate(() => (window as unknown as { copied?: string }).copied ?? '');

  test('copies the whole trace, one line per span, texts cut to the chosen length', async ({
    page,
  }) => {
    const { name } = await openTrace(page, '/traces?agent_id=stock_agent');
    const spanCount = await waterfallOf(page).rows.count();
    await (await openExport(page)).getByRole('button', { name: 'Copy as Markdown' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copy as Markdown' });
    await expect(dialog.getByRole('radio', { name: /^The whole trace/ })).toBeChecked();
    await dialog
      .getByRole('combobox', { name: 'Inputs and outputs' })
      .selectOption('200 characters');
    await expect(dialog.getByRole('region', { name: 'Preview' })).toContainText(
      `# Trace \`${name}\``,
    );
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText(/^Copied [\d,]+ characters/);

    const text = await copied(page);
    expect(text.startsWith(`# Trace \`${name}\``)).toBe(true);
    expect(text).toContain('\n## Spans\n');
    const spanLines = text.split('\n').filter((line) => /^\s*- [A-Z]+ `/.test(line));
    expect(spanLines).toHaveLength(spanCount);
    expect(text).toMatch(/- input \(first 200 of [\d,]+ characters\): `/);
    expect(text).toMatch(/ · [\d,]+ → [\d,]+ tokens/);

    await dialog.getByRole('combobox', { name: 'Inputs and outputs' }).selectOption('Leave out');
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(async () => (await copied(page)).includes('- input')).toBe(false);
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Focus goes back to the button the dialog was opened from.
    await expect(page.getByRole('button', { name: 'Export' })).toBeFocused();
  });

  test('copies the subtree of the selected span', async ({ page }) => {
    await openTrace(page, '/traces?workflow_id=batch-enrichment');
    const { rows } = waterfallOf(page);
    const parent = rows.filter({ has: page.getByRole('button', { name: /^Collapse / }) }).nth(1);
    const spanName = (await parent.locator('.span-name').textContent()) ?? '';
    await parent.click();
    await (await openExport(page)).getByRole('button', { name: 'Copy as Markdown' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copy as Markdown' });
    await dialog.getByRole('radio', { name: /^The selected span and below/ }).check();
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText(/^Copied/);
    const text = await copied(page);
    expect(text.startsWith(`# Span \`${spanName}\``)).toBe(true);
    const spanLines = text.split('\n').filter((line) => /^\s*- [A-Z]+ `/.test(line));
    expect(spanLines[0]).toMatch(new RegExp(`^- [A-Z]+ \`${escapeRegExp(spanName)}\``));
    expect(spanLines.length).toBeGreaterThan(1);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test.describe('compare two traces', () => {
  test('“Compare with…” offers recent traces of the same agent and shows them aligned', async ({
    page,
  }) => {
    const { name, id } = await openTrace(page, '/traces?agent_id=stock_agent');
    await page.getByRole('button', { name: 'Compare with…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare with another trace' });
    await expect(dialog).toContainText('Recent traces of agent stock_agent');
    const other = dialog.getByRole('link', { name: /^Compare with / }).first();
    await other.click();
    await expect(page).toHaveURL(new RegExp(`/compare\\?a=${id}&b=`));
    await expect(page.getByRole('heading', { name: 'Compare traces' })).toBeVisible();

    const totals = page.getByRole('table', { name: 'Totals' });
    await expect(totals.getByRole('rowheader', { name: 'Duration' })).toBeVisible();
    await expect(totals.getByRole('columnheader').nth(1)).toContainText(name);
    const aligned = page.getByRole('table', { name: 'Aligned spans' });
    const firstRow = aligned.getByRole('row').nth(1);
    // Same agent, same root name: the roots are matched, each with its duration.
    await expect(firstRow).toContainText(name);
    await expect(firstRow.getByRole('cell').nth(1)).not.toHaveText('—');
    await expect(firstRow.getByRole('cell').nth(4)).not.toHaveText('—');
    await expect(firstRow.getByRole('cell').nth(7)).toHaveText(/^([+−].+|0)$/);
  });

  test('spans only in one trace are marked, with totals at the top', async ({ page }) => {
    const [agentTrace] = await traceIdsOf(page, '/traces?agent_id=stock_agent', 1);
    const [teamTrace] = await traceIdsOf(page, '/traces?team_id=finance-team', 1);
    await page.goto(`/compare?a=${agentTrace}&b=${teamTrace}`);
    const summary = page.getByRole('status').filter({ hasText: 'spans in both' });
    await expect(summary).toContainText(/[1-9][\d,]* only in A/);
    await expect(summary).toContainText(/[1-9][\d,]* only in B/);
    const aligned = page.getByRole('table', { name: 'Aligned spans' });
    await expect(aligned.getByRole('row').filter({ hasText: 'only in A' }).first()).toBeVisible();
    await page.getByRole('combobox', { name: 'Show' }).selectOption('Only in one trace');
    await expect(aligned.getByRole('row').nth(1)).toContainText(/only in [AB]/);
    // Swapping the two swaps the sides.
    await page.getByRole('button', { name: 'Swap A and B' }).click();
    await expect(page).toHaveURL(new RegExp(`a=${teamTrace}&b=${agentTrace}`));
  });

  test('without two ids the page asks for them', async ({ page }) => {
    await page.goto('/compare?a=only-one');
    await expect(page.getByText('Choose two traces')).toBeVisible();
    await page
      .getByRole('textbox', { name: 'Trace B' })
      .fill('http://localhost/traces/other-id?span=x');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(page).toHaveURL(/\/compare\?a=only-one&b=other-id$/);
    await expect(page.getByRole('alert').first()).toContainText('not found');
  });
});

test('the new screens have no serious accessibility violations', async ({ page }) => {
  // Five full axe scans and three pages: well over 30 s on a busy 2-core machine.
  test.slow();
  // Error-first landing, with repeated-call markers and the critical path drawn.
  await openTrace(page, '/traces?status=ERROR');
  await expect(page.getByRole('note', { name: 'Error-first landing' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Critical path' }).check();
  await expect(page.getByText('On the critical path').first()).toBeAttached();
  await expectNoSeriousViolations(page);

  await (await openExport(page)).getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByRole('dialog', { name: 'Copy as Markdown' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Compare with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare with another trace' });
  await expect(dialog.getByRole('link').first()).toBeVisible();
  await expectNoSeriousViolations(page);
  await dialog.getByRole('link').first().click();
  await expect(page.getByRole('table', { name: 'Aligned spans' })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto('/file');
  await expect(page.getByText('No trace file is open')).toBeVisible();
  await expectNoSeriousViolations(page);
});
