import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { copyLink } from './support/tracePage';

/*
 * Issue 11, the list and compare parts: the view a reader set up with the page's own controls
 * (sort, columns, which spans to compare) is in the address, so a copied link opened in a fresh
 * browser shows the same; and "← Traces" on a trace page goes back to the list as it was left.
 * Demo data: 95 traces, about one in ten failed; a staging database of 12 (src/mocks).
 */

const tracesTable = (page: Page) => page.getByRole('table', { name: 'Traces' });
const bodyRows = (page: Page) =>
  tracesTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
const pagination = (page: Page) => page.getByRole('navigation', { name: 'Pagination' });
const alignedTable = (page: Page) => page.getByRole('table', { name: 'Aligned spans' });

/**
 * Waits until the table shows the page the URL asks for (no placeholder from before). A fresh
 * browser first builds the demo data, which takes a while on a busy machine.
 */
async function settled(page: Page) {
  await expect(tracesTable(page)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
}

/** The rows' trace links, in order: which traces, in which order. */
async function traceHrefs(page: Page): Promise<string[]> {
  await settled(page);
  return bodyRows(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

async function columnHeaders(page: Page): Promise<string[]> {
  return tracesTable(page).getByRole('columnheader').allInnerTexts();
}

/** The cells of one column, by its header's text. */
async function columnTexts(page: Page, header: string): Promise<string[]> {
  await settled(page);
  const headers = await columnHeaders(page);
  const index = headers.findIndex((text) => text.trim().startsWith(header));
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  return bodyRows(page).evaluateAll(
    (rows, i) => rows.map((row) => (row as HTMLTableRowElement).cells[i]?.textContent ?? ''),
    index,
  );
}

/** A browser with nothing of this one: no storage, no history. */
async function freshPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** The first `count` trace ids of a list URL's first page. */
async function traceIds(page: Page, listUrl: string, count: number): Promise<string[]> {
  await page.goto(listUrl);
  const hrefs = (await traceHrefs(page)).slice(0, count);
  expect(hrefs).toHaveLength(count);
  return hrefs.map((href) => decodeURIComponent(href.split('/').pop()!.split('?')[0]!));
}

test.describe('a copied link shows the same list', () => {
  // Two browsers, each building the demo data.
  test.slow();
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('sorted by a column, with columns hidden and shown', async ({ page, browser }) => {
    await page.goto('/traces');
    await settled(page);
    await tracesTable(page).getByRole('button', { name: 'Spans', exact: true }).click();
    const spansHeader = tracesTable(page).getByRole('columnheader', { name: 'Spans' });
    await expect(spansHeader).toHaveAttribute('aria-sort', /^(ascending|descending)$/);
    const direction = (await spansHeader.getAttribute('aria-sort'))!;

    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Input' }).uncheck();
    await page.getByRole('checkbox', { name: 'Run' }).check();
    await page.keyboard.press('Escape');
    await expect(tracesTable(page).getByRole('columnheader', { name: 'Input' })).toHaveCount(0);
    await expect(tracesTable(page).getByRole('columnheader', { name: 'Run' })).toBeVisible();

    // The rows really are in that order of their span counts.
    const spans = (await columnTexts(page, 'Spans')).map((text) => Number(text.replace(/,/g, '')));
    const ordered = [...spans].sort((a, b) => (direction === 'ascending' ? a - b : b - a));
    expect(spans).toEqual(ordered);
    expect(new Set(spans).size).toBeGreaterThan(1);
    const hrefs = await traceHrefs(page);
    const headers = await columnHeaders(page);
    const link = await copyLink(page);

    const other = await browser.newContext();
    const pasted = await freshPage(other, link);
    await expect(tracesTable(pasted).getByRole('columnheader', { name: 'Spans' })).toHaveAttribute(
      'aria-sort',
      direction,
    );
    await expect(pasted.getByText(/Sorted by spans within this page only/)).toBeVisible();
    await expect(tracesTable(pasted).getByRole('columnheader', { name: 'Input' })).toHaveCount(0);
    await expect(tracesTable(pasted).getByRole('columnheader', { name: 'Run' })).toBeVisible();
    expect(await columnHeaders(pasted)).toEqual(headers);
    expect(await traceHrefs(pasted)).toEqual(hrefs);
    await other.close();
  });

  test('the server’s order and the default columns make a link with neither', async ({ page }) => {
    await page.goto('/traces');
    await settled(page);
    const sortButton = tracesTable(page).getByRole('button', { name: 'Duration', exact: true });
    await sortButton.click();
    await expect(page).toHaveURL(/[?&]sort=/);
    await page.getByRole('button', { name: 'Restore server order' }).click();
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Status' }).uncheck();
    await expect(page).toHaveURL(/[?&]cols=/);
    await page.getByRole('checkbox', { name: 'Status' }).check();
    expect(await copyLink(page)).toMatch(/\/traces$/);
  });

  test('sorting and columns replace the history entry; filters add one', async ({ page }) => {
    await page.goto('/traces');
    await page.getByLabel('Status', { exact: true }).selectOption('OK');
    await expect(page).toHaveURL(/status=OK/);
    await settled(page);
    await tracesTable(page).getByRole('button', { name: 'Errors', exact: true }).click();
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'User' }).uncheck();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/cols=-user_id/);

    // One step back leaves the sorted, trimmed view with its filter at once.
    await page.goBack();
    await expect(page).toHaveURL(/\/traces$/);
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('');
    await page.goForward();
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('OK');
    await expect(
      tracesTable(page).getByRole('columnheader', { name: 'Errors', exact: true }),
    ).toHaveAttribute('aria-sort', /^(ascending|descending)$/);
    await expect(tracesTable(page).getByRole('columnheader', { name: 'User' })).toHaveCount(0);
  });

  test('a link with values that no longer apply keeps the rest and says what it left out', async ({
    page,
  }) => {
    await page.goto('/traces?status=OK&sort=cost&cols=-input.-cost&limit=33');
    const note = page.getByRole('note', { name: 'Link partly applied' });
    await expect(note).toContainText('sort=cost');
    await expect(note).toContainText('cols=-cost');
    await expect(note).toContainText('limit=33');
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('OK');
    await expect(tracesTable(page).getByRole('columnheader', { name: 'Input' })).toHaveCount(0);
    await expect(page.getByLabel('Page size')).toHaveValue('20');
    await expect(page.getByText(/^Newest first, as the server orders them/)).toBeVisible();

    await note.getByRole('button', { name: 'Dismiss' }).click();
    await expect(note).toHaveCount(0);
    await expect(page).toHaveURL(/\/traces\?status=OK&cols=-input$/);
  });
});

test.describe('“← Traces” from a trace', () => {
  test.slow();
  test('returns to the list as it was: filtered, paged, sorted, trimmed and scrolled', async ({
    page,
  }) => {
    await page.goto('/traces');
    await page.getByLabel('Status', { exact: true }).selectOption('OK');
    await expect(page).toHaveURL(/status=OK/);
    await settled(page);
    await page.getByLabel('Page size').selectOption('50');
    await expect(page).toHaveURL(/limit=50/);
    await settled(page);
    await pagination(page).getByRole('button', { name: 'Next' }).click();
    await expect(pagination(page)).toContainText('Page 2 of 2');
    await settled(page);
    await tracesTable(page).getByRole('button', { name: 'Duration', exact: true }).click();
    const durationHeader = tracesTable(page).getByRole('columnheader', { name: 'Duration' });
    await expect(durationHeader).toHaveAttribute('aria-sort', /^(ascending|descending)$/);
    const direction = (await durationHeader.getAttribute('aria-sort'))!;
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Input' }).uncheck();
    await page.keyboard.press('Escape');
    await expect(tracesTable(page).getByRole('columnheader', { name: 'Input' })).toHaveCount(0);

    const hrefs = await traceHrefs(page);
    expect(hrefs.length).toBeGreaterThan(25);
    const listUrl = new URL(page.url());
    // Read down the list, then open the trace there.
    const row = bodyRows(page).nth(25);
    await row.scrollIntoViewIfNeeded();
    await expect(row).toBeInViewport();
    await expect(bodyRows(page).first()).not.toBeInViewport();
    const traceLink = row.getByRole('link');
    const name = (await traceLink.textContent()) ?? '';
    await traceLink.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

    await page.getByRole('link', { name: '← Traces' }).click();
    await expect(page.getByRole('heading', { name: 'Traces', level: 1 })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/traces');
    expect([...new URL(page.url()).searchParams].sort()).toEqual([...listUrl.searchParams].sort());
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('OK');
    await expect(page.getByLabel('Page size')).toHaveValue('50');
    await expect(pagination(page)).toContainText('Page 2 of 2');
    await expect(durationHeader).toHaveAttribute('aria-sort', direction);
    await expect(tracesTable(page).getByRole('columnheader', { name: 'Input' })).toHaveCount(0);
    expect(await traceHrefs(page)).toEqual(hrefs);
    // Where the reader was: the row of that trace in view, the top of the list above it.
    await expect(bodyRows(page).nth(25)).toBeInViewport();
    await expect(bodyRows(page).first()).not.toBeInViewport();
  });

  test('goes to the plain list of the trace’s database when no list was seen', async ({
    page,
    browser,
  }) => {
    const [id] = await traceIds(page, '/traces?db_id=staging-traces&status=OK', 1);
    const other = await browser.newContext();
    const fresh = await freshPage(other, `/traces/${encodeURIComponent(id!)}?db_id=staging-traces`);
    await expect(fresh.getByRole('heading', { level: 1 })).not.toHaveText('');
    await fresh.getByRole('link', { name: '← Traces' }).click();
    await expect(fresh).toHaveURL(/\/traces\?db_id=staging-traces$/);
    await expect(fresh.getByLabel('Database')).toHaveValue('staging-traces');
    await expect(fresh.getByLabel('Status', { exact: true })).toHaveValue('');
    await other.close();
  });
});

test.describe('a copied link shows the same comparison', () => {
  test.slow();
  test('only the spans in one trace', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // Two runs of one team: some spans in both, some in one only.
    const [traceA, traceB] = await traceIds(page, '/traces?team_id=finance-team', 2);

    await page.goto('/compare');
    await page.getByRole('textbox', { name: 'Trace A' }).fill(traceA!);
    await page.getByRole('textbox', { name: 'Trace B' }).fill(traceB!);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const summary = page.getByRole('status').filter({ hasText: 'spans in both' });
    await expect(summary).toContainText(/[1-9][\d,]* spans in both/);
    await expect(summary).toContainText(/[1-9][\d,]* only in B/);
    const allCount = Number(await alignedTable(page).getAttribute('aria-rowcount'));

    const show = page.getByRole('combobox', { name: 'Show' });
    await show.selectOption({ label: 'Only in one trace' });
    await expect(alignedTable(page)).not.toHaveAttribute('aria-rowcount', String(allCount));
    await expect(
      alignedTable(page)
        .getByRole('row')
        .filter({ hasText: /only in [AB]/ })
        .first(),
    ).toBeVisible();
    const rowCount = await alignedTable(page).getAttribute('aria-rowcount');
    const rows = await alignedTable(page).getByRole('row').allInnerTexts();
    const link = await copyLink(page);

    const other = await browser.newContext();
    const pasted = await freshPage(other, link);
    await expect(pasted.getByRole('combobox', { name: 'Show' })).toHaveValue(
      await show.inputValue(),
    );
    await expect(
      pasted.getByRole('combobox', { name: 'Show' }).locator('option:checked'),
    ).toHaveText('Only in one trace');
    await expect(pasted.getByRole('textbox', { name: 'Trace A' })).toHaveValue(traceA!);
    await expect(pasted.getByRole('textbox', { name: 'Trace B' })).toHaveValue(traceB!);
    await expect(alignedTable(pasted)).toHaveAttribute('aria-rowcount', rowCount!);
    expect(await alignedTable(pasted).getByRole('row').allInnerTexts()).toEqual(rows);
    await other.close();
  });

  test('every span again when “All spans” is chosen, and a stale choice is named', async ({
    page,
  }) => {
    const [traceA, traceB] = await traceIds(page, '/traces?team_id=finance-team', 2);
    await page.goto(`/compare?a=${traceA}&b=${traceB}&only=unmatched`);
    const note = page.getByRole('note', { name: 'Link partly applied' });
    await expect(note).toContainText('only=unmatched');
    const show = page.getByRole('combobox', { name: 'Show' });
    await expect(show.locator('option:checked')).toHaveText('All spans');

    await show.selectOption({ label: 'Another status' });
    await expect(page).toHaveURL(/[?&]only=/);
    await expect(note).toHaveCount(0);
    await show.selectOption({ label: 'All spans' });
    await expect(page).not.toHaveURL(/only=/);
  });
});
