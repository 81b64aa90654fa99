import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  copyLink,
  openFilters,
  openLevels,
  openTrace,
  openTraceSummary,
  panelOf,
  rowsOf,
  waterfallOf,
} from './support/tracePage';
import { openInFreshBrowser } from './support/freshBrowser';

/**
 * Issue 11: what a reader sees on a trace page is in its link. Each test sets a state with the
 * UI, copies the link with "Copy link", opens it in a new browser context (empty storage) and
 * checks the colleague sees the same view.
 */

const gridOf = (page: Page) => waterfallOf(page).grid;
const toolbarOf = (page: Page) => page.getByRole('toolbar', { name: 'Waterfall controls' });

/** What a reader sees of the waterfall view, as text. */
async function viewOf(page: Page) {
  const rows = rowsOf(page);
  const toolbar = toolbarOf(page);
  const panel = panelOf(page);
  const hasPanel = (await panel.count()) > 0;
  return {
    rowCount: await gridOf(page).getAttribute('aria-rowcount'),
    firstRows: await rows
      .locator('.span-name')
      .evaluateAll((names) => names.slice(0, 8).map((name) => name.textContent)),
    selected: await gridOf(page)
      .locator('[role="row"][aria-selected="true"] .span-name')
      .allTextContents(),
    panelHeading: hasPanel ? await panel.getByRole('heading', { level: 2 }).textContent() : null,
    panelTab: hasPanel ? await panel.getByRole('tab', { selected: true }).textContent() : null,
    search: await toolbar.getByRole('searchbox', { name: 'Search spans' }).inputValue(),
    searchStatus: await toolbar.locator('.search-count').allTextContents(),
    ...(await filtersOf(page)),
  };
}

/** The pressed span types and the ticked boxes, in the toolbar and in its Filters popover. */
async function filtersOf(page: Page) {
  const labelsOf = (boxes: Locator) =>
    boxes.evaluateAll((found) => found.map((box) => box.parentElement?.textContent?.trim()));
  const inToolbar = await labelsOf(toolbarOf(page).getByRole('checkbox', { checked: true }));
  const filters = await openFilters(page);
  const view = {
    pressedTypes: await filters
      .getByRole('button', { pressed: true })
      .evaluateAll((buttons) => buttons.map((button) => button.textContent)),
    checked: [...inToolbar, ...(await labelsOf(filters.getByRole('checkbox', { checked: true })))],
  };
  await page.keyboard.press('Escape');
  await expect(filters).toHaveCount(0);
  return view;
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('filters, search match, selection and the panel tab travel with the link', async ({
  page,
  browser,
}) => {
  test.slow(); // two browsers on the demo's agent traces
  await openTrace(page, '/traces?agent_id=support_agent');
  const toolbar = toolbarOf(page);
  const filters = await openFilters(page);
  await filters.getByRole('checkbox', { name: 'Repeated calls only' }).check();
  await filters.getByRole('checkbox', { name: 'Hide others' }).check();
  await page.keyboard.press('Escape');
  await toolbar.getByRole('checkbox', { name: 'Critical path' }).check();
  const searchBox = toolbar.getByRole('searchbox', { name: 'Search spans' });
  await searchBox.fill('search');
  await searchBox.press('Enter');
  await expect(toolbar.getByRole('status')).toHaveText(/^2 of \d+$/);
  await rowsOf(page).nth(1).click();
  await panelOf(page).getByRole('tab', { name: 'Raw JSON' }).click();

  const link = await copyLink(page);
  expect(link).toContain('repeated=1');
  const before = await viewOf(page);
  expect(before.panelTab).toBe('Raw JSON');
  expect(before.checked).toEqual(['Critical path', 'Repeated calls only', 'Hide others']);

  const fresh = await openInFreshBrowser(browser, link);
  await expect(panelOf(fresh).getByRole('tab', { name: 'Raw JSON' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(toolbarOf(fresh).getByRole('status')).toHaveText(/^2 of \d+$/);
  expect(await viewOf(fresh)).toEqual(before);
  await fresh.context().close();
});

test('a closed panel, collapsed spans and a type chip travel with the link', async ({
  page,
  browser,
}) => {
  test.slow();
  await openTrace(page, '/traces?team_id=research-team');
  await (await openLevels(page)).getByRole('button', { name: /^Level 2/ }).click();
  await page.keyboard.press('Escape');
  const rows = rowsOf(page);
  // Then one span of the second level opened again by hand.
  const expandable = rows.filter({ has: page.getByRole('button', { name: /^Expand / }) }).first();
  await expandable.getByRole('button', { name: /^Expand / }).click();
  await rows.nth(1).click();
  await expect(panelOf(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panelOf(page)).toHaveCount(0);
  await (await openFilters(page)).getByRole('button', { name: /^TOOL / }).click();
  await page.keyboard.press('Escape');

  const link = await copyLink(page);
  expect(link).toContain('panel=closed');
  expect(link).toMatch(/[?&]types=TOOL(&|$)/);
  expect(link).toContain('depth=2');
  const before = await viewOf(page);
  expect(before.selected).toHaveLength(1);
  expect(before.pressedTypes).toEqual([expect.stringMatching(/^TOOL /)]);

  const fresh = await openInFreshBrowser(browser, link);
  await expect(panelOf(fresh)).toHaveCount(0);
  expect(await viewOf(fresh)).toEqual(before);
  await fresh.context().close();
});

test('the charts tab and its grouping travel with the link', async ({ page, browser }) => {
  test.slow();
  await openTrace(page, '/traces?agent_id=support_agent');
  await page.getByRole('tab', { name: 'Charts' }).click();
  await page.getByLabel('Group by').selectOption({ label: 'Model' });
  const link = await copyLink(page);

  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(link);
  // The demo starts in the new browser first, and the charts' code loads on demand.
  await expect(fresh.getByRole('tab', { name: 'Charts' })).toHaveAttribute(
    'aria-selected',
    'true',
    { timeout: 30_000 },
  );
  await expect(fresh.getByLabel('Group by')).toHaveValue('model');
  await expect(
    fresh.getByRole('table', { name: 'Where the time went' }).getByRole('columnheader').first(),
  ).toHaveText('Model');
  await context.close();
});

test('the unfolded trace details travel with the link', async ({ page, browser }) => {
  test.slow(); // two browsers, each building the demo
  await openTrace(page, '/traces?status=ERROR');
  await openTraceSummary(page);
  await expect(page.getByRole('region', { name: 'Trace error' })).toBeVisible();
  const link = await copyLink(page);
  expect(link).toContain('summary=1');

  const fresh = await openInFreshBrowser(browser, link);
  await expect(fresh.getByRole('button', { name: 'Trace details' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(fresh.getByRole('region', { name: 'Trace error' })).toHaveText(
    (await page.getByRole('region', { name: 'Trace error' }).textContent()) ?? '',
  );
  await fresh.context().close();
});

test('“Show the whole trace” after an error-first landing travels with the link', async ({
  page,
  browser,
}) => {
  test.slow(); // two browsers, each building the demo
  await openTrace(page, '/traces?status=ERROR');
  const notice = page.getByRole('note', { name: 'Error-first landing' });
  await notice.getByRole('button', { name: 'Show the whole trace' }).click();
  await expect(notice).toHaveCount(0);
  await toolbarOf(page).getByRole('checkbox', { name: 'Errors only' }).check();
  const link = await copyLink(page);
  expect(link).toContain('view=all');

  const fresh = await openInFreshBrowser(browser, link);
  await expect(fresh.getByRole('note', { name: 'Error-first landing' })).toHaveCount(0);
  await expect(panelOf(fresh)).toHaveCount(0);
  await expect(gridOf(fresh).locator('[role="row"][aria-selected="true"]')).toHaveCount(0);
  await expect(toolbarOf(fresh).getByRole('checkbox', { name: 'Errors only' })).toBeChecked();
  await fresh.context().close();
});

test('a link whose values no longer apply keeps the rest and says what it left out', async ({
  page,
}) => {
  await openTrace(page, '/traces?agent_id=support_agent');
  const url = new URL(page.url());
  await page.goto(`${url.pathname}?types=LLM,NO_SUCH_TYPE&depth=0&panel=sideways&errors=1&span=`);
  const note = page.getByRole('note', { name: 'Link partly applied' });
  await expect(note).toContainText('types=NO_SUCH_TYPE');
  await expect(note).toContainText('depth=0');
  await expect(note).toContainText('panel=sideways');
  const toolbar = toolbarOf(page);
  await expect((await openFilters(page)).getByRole('button', { name: /^LLM / })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.keyboard.press('Escape');
  await expect(toolbar.getByRole('checkbox', { name: 'Errors only' })).toBeChecked();
  // What was dropped has no effect: nothing collapsed by depth=0, no empty span looked up.
  await expect(rowsOf(page).first()).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('note', { name: 'Span not in tree' })).toHaveCount(0);
  await note.getByRole('button', { name: 'Dismiss' }).click();
  await expect(note).toHaveCount(0);
});
