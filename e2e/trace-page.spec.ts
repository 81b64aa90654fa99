import { expect, test } from '@playwright/test';
import {
  biggestTraceId,
  openFilters,
  openLevels,
  openTrace,
  openTraceSummary,
  panelOf,
  waterfallOf,
} from './support/tracePage';

test.describe('trace page', () => {
  test('says when a trace does not exist', async ({ page }) => {
    await page.goto('/traces/no-such-trace');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Trace not found');
    await expect(alert).toContainText('The server said: Trace not found');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Traces' })
      .click();
    await expect(page.getByRole('table', { name: 'Traces' })).toBeVisible();
  });

  test('shows the header: duration, spans, tokens and ids linked to the list', async ({ page }) => {
    await openTrace(page, '/traces?agent_id=stock_agent');
    const facts = page.getByRole('banner').last();
    await openTraceSummary(page);
    await expect(
      page
        .getByRole('term')
        .filter({ hasText: /^Duration$/ })
        .first(),
    ).toBeVisible();
    await expect(page.getByRole('term').filter({ hasText: /^Tokens$/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy run id' })).toBeVisible();
    await expect(facts).toBeVisible();
    await page.getByRole('link', { name: 'stock_agent' }).click();
    await expect(page).toHaveURL(/\/traces\?.*agent_id=stock_agent/);
  });

  test('collapses and expands one row, and all rows', async ({ page }) => {
    await openTrace(page);
    const { rows } = waterfallOf(page);
    const root = rows.first();
    await expect(root).toHaveAttribute('aria-level', '1');
    await expect(root).toHaveAttribute('aria-expanded', 'true');
    const total = await rows.count();
    expect(total).toBeGreaterThan(1);

    await root.getByRole('button', { name: /^Collapse / }).click();
    await expect(root).toHaveAttribute('aria-expanded', 'false');
    await expect(rows).toHaveCount(1);
    await expect(root).toContainText(`+${total - 1}`);

    await root.getByRole('button', { name: /^Expand / }).click();
    await expect(rows).toHaveCount(total);

    await (await openLevels(page)).getByRole('button', { name: 'Collapse all' }).click();
    await expect(rows).toHaveCount(1);
    await (await openLevels(page)).getByRole('button', { name: 'Expand all' }).click();
    await expect(rows).toHaveCount(total);
  });

  test('selecting a span opens its panel and puts it in the URL, without a history entry', async ({
    page,
  }) => {
    await page.goto('/traces');
    await openTrace(page);
    const { rows } = waterfallOf(page);
    const second = rows.nth(1);
    await second.click();
    await expect(page).toHaveURL(/[?&]span=/);
    await expect(second).toHaveAttribute('aria-selected', 'true');
    const panel = panelOf(page);
    await expect(panel).toBeVisible();
    await rows.nth(2).click();
    await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
    // Selection replaces the entry: Back leaves the trace.
    await page.goBack();
    await expect(page.getByRole('table', { name: 'Traces' })).toBeVisible();
  });

  test('a deep link opens the span selected, in view, with its panel', async ({ page }) => {
    await openTrace(page, '/traces?workflow_id=batch-enrichment');
    const { rows } = waterfallOf(page);
    // A span far down a big trace: the last row after collapsing nothing.
    await waterfallOf(page).grid.focus();
    await page.keyboard.press('End');
    await expect(rows.last()).toHaveAttribute('aria-selected', 'true');
    // Selected from the keyboard, the panel stays closed, and so does the link's.
    await expect(page).toHaveURL(/[?&]span=.*&panel=closed|[?&]panel=closed.*&span=/);
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(/panel=closed/);
    const url = page.url();

    await page.goto('about:blank');
    await page.goto(url);
    const selected = page
      .getByRole('treegrid', { name: 'Span waterfall' })
      .locator('[role="row"][aria-selected="true"]');
    await expect(selected).toBeVisible();
    await expect(selected).toBeInViewport();
    const spanName = await selected.locator('.span-name').textContent();
    await expect(panelOf(page).getByRole('heading', { level: 2 })).toHaveText(spanName ?? '');
  });

  test('keyboard: arrows move, ←/→ collapse and expand, Enter opens, Esc closes, / searches', async ({
    page,
  }) => {
    await openTrace(page, '/traces?agent_id=stock_agent');
    const { grid, rows } = waterfallOf(page);
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('j');
    await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('k');
    await expect(rows.first()).toHaveAttribute('aria-selected', 'true');

    const total = await rows.count();
    await page.keyboard.press('ArrowLeft');
    await expect(rows.first()).toHaveAttribute('aria-expanded', 'false');
    await expect(rows).toHaveCount(1);
    await page.keyboard.press('ArrowRight');
    await expect(rows).toHaveCount(total);
    await page.keyboard.press('ArrowRight');
    await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft'); // a leaf goes to its parent
    await expect(rows.first()).toHaveAttribute('aria-selected', 'true');

    await page.keyboard.press('Enter');
    await expect(panelOf(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panelOf(page)).toHaveCount(0);

    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search spans' })).toBeFocused();

    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  });

  test('search highlights matches and steps through them', async ({ page }) => {
    await openTrace(page, '/traces?agent_id=stock_agent');
    const search = page.getByRole('searchbox', { name: 'Search spans' });
    await search.fill('invoke'); // model calls: .invoke, .ainvoke, .ainvoke_stream
    const status = page.getByRole('status').filter({ hasText: / of / });
    await expect(status).toHaveText(/^1 of \d+$/);
    const count = Number((await status.textContent())!.split(' of ')[1]);
    expect(count).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect(status).toHaveText(`2 of ${count}`);
    await page.getByRole('button', { name: 'Previous match' }).click();
    await page.getByRole('button', { name: 'Previous match' }).click();
    await expect(status).toHaveText(`${count} of ${count}`);
    await search.fill('no span is called this');
    await expect(page.getByText('No matches')).toBeVisible();
  });

  test('filters by span type and errors, keeping ancestors', async ({ page }) => {
    await openTrace(page, '/traces?agent_id=stock_agent');
    const { rows } = waterfallOf(page);
    const filters = await openFilters(page);
    await filters.getByRole('checkbox', { name: 'Hide others' }).check();
    await filters.getByRole('button', { name: /^LLM/ }).click();
    await expect(rows.first()).toContainText('AGENT'); // the root stays as an ancestor
    const shown = await rows.allTextContents();
    expect(shown.slice(1).every((text) => text.includes('LLM'))).toBe(true);
  });

  test('the LLM panel shows the model and the tokens', async ({ page }) => {
    await openTrace(page, '/traces?agent_id=stock_agent');
    const { rows } = waterfallOf(page);
    await rows.filter({ hasText: 'invoke' }).first().click();
    const llm = panelOf(page).getByRole('region', { name: 'LLM call' });
    await expect(llm.getByRole('term').filter({ hasText: 'Model' })).toBeVisible();
    await expect(llm.getByRole('definition').first()).not.toHaveText('');
    await expect(llm.getByRole('term').filter({ hasText: 'Tokens' })).toBeVisible();
    await expect(llm.getByRole('definition').last()).toHaveText(
      /^[\d,]+ in · [\d,]+ out · [\d,]+ total$/,
    );
  });

  test('the TOOL panel shows the parsed parameters, as a tree and as text', async ({ page }) => {
    await openTrace(page, '/traces?workflow_id=batch-enrichment');
    const { grid } = waterfallOf(page);
    // A tool an agent called (workflow > chain > agent > tool), not a workflow step function.
    await grid.locator('[role="row"][aria-level="4"]').filter({ hasText: 'TOOL' }).first().click();
    const tool = panelOf(page).getByRole('region', { name: 'Tool call' });
    await expect(tool.getByRole('term').filter({ hasText: 'Tool' })).toBeVisible();
    const parameters = panelOf(page).getByRole('region', { name: 'Parameters' });
    await expect(parameters.getByRole('tree', { name: 'Parameters as JSON' })).toBeVisible();
    // Formatted JSON text: one key per line, indented.
    await parameters.getByRole('button', { name: 'Text' }).click();
    await expect(parameters.locator('pre')).toContainText(/\{\n\s+"/);
  });

  test('an ERROR span shows its error', async ({ page }) => {
    await openTrace(page, '/traces?status=ERROR');
    // The header says there is one, and unfolds to show it.
    await expect(page.getByRole('img', { name: '(has an error)' })).toBeVisible();
    await openTraceSummary(page);
    await expect(page.getByRole('region', { name: 'Trace error' })).toBeVisible();
    const { rows } = waterfallOf(page);
    const failing = rows.filter({ has: page.getByRole('img', { name: 'Error' }) }).last();
    await failing.click();
    await expect(panelOf(page).getByRole('note', { name: 'Span error' })).not.toBeEmpty();
  });

  test('a span id that is not in the tree is reported', async ({ page }) => {
    await openTrace(page);
    await page.goto(`${page.url().split('?')[0]}?span=not-a-real-span`);
    await expect(page.getByRole('note', { name: 'Span not in tree' })).toContainText(
      'not-a-real-span',
    );
    await expect(panelOf(page).or(page.getByRole('alert'))).toContainText('Span not found');
  });
});

test('the charts tab shows where the time went by span type, and tokens by model', async ({
  page,
}) => {
  await openTrace(page, '/traces?agent_id=stock_agent');
  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(page.getByRole('figure', { name: 'Time by span type' })).toBeVisible();
  // Issue 7 replaced the "Self time by span type" table with "Where the time went".
  const byType = page.getByRole('table', { name: 'Where the time went' });
  await expect(byType.getByRole('row').filter({ hasText: 'LLM' })).toBeVisible();
  const byModel = page.getByRole('table', { name: 'Tokens by model' });
  await expect(byModel.getByRole('row')).not.toHaveCount(1);
  // Back to the waterfall, as it was.
  await page.getByRole('tab', { name: 'Waterfall' }).click();
  await expect(waterfallOf(page).grid).toBeVisible();
  // The tabs are one tab stop; arrows move between them, as in any tab list.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Transcript' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Transcript' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page).toHaveURL(/tab=transcript/);
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Waterfall' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

test('a trace opened from another database is read from that database', async ({ page }) => {
  await openTrace(page, '/traces?db_id=staging-traces');
  await expect(page).toHaveURL(/db_id=staging-traces/);
  await expect(waterfallOf(page).grid).toBeVisible();
  await page.getByRole('link', { name: '← Traces' }).click();
  await expect(page).toHaveURL(/\/traces\?db_id=staging-traces$/);
});

test('a jump across a long trace draws the rows of the new place, with only the selected one marked', async ({
  page,
}) => {
  test.slow(); // a 2,000-span trace generated in the browser
  // The list showing means the demo's mock API (a service worker) is answering.
  await page.goto('/traces');
  await expect(page.getByRole('table', { name: 'Traces' })).toBeVisible();
  await page.goto(`/traces/${await biggestTraceId(page)}`);
  const { grid, rows } = waterfallOf(page);
  await expect(grid).toBeVisible({ timeout: 45_000 });
  const selected = grid.locator('[role="row"][aria-selected="true"]');
  const rowCount = Number(await grid.getAttribute('aria-rowcount'));
  // Far more rows than the waterfall draws at once.
  expect(rowCount).toBeGreaterThan(1000);
  const rowNumbers = () =>
    rows.evaluateAll((elements) =>
      elements.map((element) => Number(element.getAttribute('aria-rowindex'))),
    );
  // Each of the first rows' level and span name.
  const firstRows = () =>
    rows.evaluateAll((elements) =>
      elements
        .slice(0, 6)
        .map((element) => [element.ariaLevel, element.querySelector('.span-name')?.textContent]),
    );
  const atFirst = await firstRows();

  await rows.nth(2).click();
  await expect(selected).toHaveAttribute('aria-rowindex', '4');
  await grid.focus();
  await page.keyboard.press('End');
  // The last span is drawn and selected; the rows drawn are the ones around it, in order.
  await expect(selected).toHaveCount(1);
  await expect(selected).toHaveAttribute('aria-rowindex', String(rowCount));
  await expect(selected).toBeInViewport();
  const atEnd = await rowNumbers();
  expect(atEnd.at(-1)).toBe(rowCount);
  expect(atEnd).toEqual(atEnd.map((_, i) => atEnd[0]! + i));

  await page.keyboard.press('Home');
  await expect(selected).toHaveAttribute('aria-rowindex', '2');
  await expect(selected).toHaveCount(1);
  const atStart = await rowNumbers();
  expect(atStart).toEqual(atStart.map((_, i) => i + 2));
  // The rows show the same spans as before the jumps.
  expect(await firstRows()).toEqual(atFirst);
});
