import { expect, type Page } from '@playwright/test';

/*
 * What trace-page specs share: opening a trace from the list as a reader does, and the page's
 * main parts found by role and name.
 */

/**
 * Opens the `nth` trace (0 = first) of a list view (filters in the URL) by its link, waits for
 * its heading, and returns its name and id.
 */
export async function openTrace(
  page: Page,
  listUrl = '/traces',
  nth = 0,
): Promise<{ name: string; id: string }> {
  await page.goto(listUrl);
  const link = page
    .getByRole('table', { name: 'Traces' })
    .getByRole('row')
    .nth(nth + 1)
    .getByRole('link')
    .first();
  const name = (await link.textContent()) ?? '';
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  return { name, id };
}

/** The waterfall and its span rows (without the column header row). */
export function waterfallOf(page: Page) {
  const grid = page.getByRole('treegrid', { name: 'Span waterfall' });
  const rows = grid.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  return { grid, rows };
}

export const rowsOf = (page: Page) => waterfallOf(page).rows;

/** The demo's biggest trace (a batch workflow of 2,000 spans), from the demo API. */
export async function biggestTraceId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch('/demo-api/traces?limit=100&workflow_id=batch-enrichment');
    const body = (await response.json()) as { data: { trace_id: string; total_spans: number }[] };
    return body.data.reduce((a, b) => (b.total_spans > a.total_spans ? b : a)).trace_id;
  });
}

export const panelOf = (page: Page) => page.getByRole('region', { name: 'Span details' });

/** Clicks "Copy link" and returns what it put on the clipboard (needs clipboard permissions). */
export async function copyLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Opens one of the toolbar's popovers (unless open) and returns it. */
async function openPopover(page: Page, button: string, dialog: string) {
  const popover = page.getByRole('dialog', { name: dialog });
  if (!(await popover.isVisible())) await page.getByRole('button', { name: button }).click();
  await expect(popover).toBeVisible();
  return popover;
}

/** The toolbar's "Filters" popover: span types, repeated calls only, hide others. */
export const openFilters = (page: Page) => openPopover(page, 'More filters', 'Filters');

/** The toolbar's "Levels" popover: expand all, collapse all, expand to level N. */
export const openLevels = (page: Page) => openPopover(page, 'Expand or collapse levels', 'Levels');

/** The header's "Export" popover: Download JSON, Copy as Markdown. */
export const openExport = (page: Page) => openPopover(page, 'Export', 'Export');

/** Unfolds the header's trace summary (times, ids, input, output, error) unless it is open. */
export async function openTraceSummary(page: Page) {
  const toggle = page.getByRole('button', { name: 'Trace details' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}
