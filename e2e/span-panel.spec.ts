import { expect, test, type Page } from '@playwright/test';

/*
 * Issue 12: the span panel's JSON viewer (folding, copying, JSON text shown as JSON) and its
 * Markdown view of model text, on a trace recorded from the real AgentOS (the demo's
 * `recorded-agentos` database, src/mocks/recorded/real-agentos/trace-team-delegation.json).
 */

const TRACE = '5eeb8e69da2ce65fa94a1c0735a561b5';
const WEB_SEARCH = '43147a055be665bf';
const WRITER_RUN = 'f52a7c5b13151731';

const panelOf = (page: Page) => page.getByRole('region', { name: 'Span details' });

async function openSpan(page: Page, spanId: string, name: string) {
  await page.goto(`/traces/${TRACE}?db_id=recorded-agentos&span=${spanId}`);
  // The demo generates its databases in the browser first: slow on a busy machine.
  await expect(panelOf(page).getByRole('heading', { level: 2, name })).toBeVisible({
    timeout: 30_000,
  });
  return panelOf(page);
}

test('a JSON tool result folds by click and keyboard, and copies a value and its path', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const panel = await openSpan(page, WEB_SEARCH, 'web_search');
  const result = panel.getByRole('region', { name: 'Result' });
  const tree = result.getByRole('tree', { name: 'Result as JSON' });
  await expect(tree).toContainText('"Result 1 for solid-state batteries 2025"');

  // The first result's object: folded by a click, unfolded from the keyboard.
  const firstItem = tree.getByRole('group').first().getByRole('treeitem').first();
  await firstItem.getByRole('button', { name: 'Collapse' }).click();
  await expect(tree).not.toContainText('Result 1 for solid-state batteries 2025');
  await expect(tree).toContainText('Result 2 for solid-state batteries 2025');
  const expand = firstItem.getByRole('button', { name: 'Expand' });
  await expect(expand).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tree).toContainText('"Result 1 for solid-state batteries 2025"');
  await page.keyboard.press('ArrowLeft');
  await expect(tree).not.toContainText('Result 1 for solid-state batteries 2025');
  await page.keyboard.press('ArrowRight');
  await expect(tree).toContainText('"Result 1 for solid-state batteries 2025"');

  // Pick the first result's url, then copy its value and its path.
  await tree.getByText('"https://example.org/1"').click();
  const actions = result.getByRole('toolbar', { name: 'Result as JSON: actions' });
  await expect(actions).toContainText('$[0].url');
  await actions.getByRole('button', { name: 'Copy value' }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe('https://example.org/1');
  await actions.getByRole('button', { name: 'Copy path' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('$[0].url');
});

test('a tool result that is JSON text shows as JSON, and as the text sent with Text', async ({
  page,
}) => {
  const panel = await openSpan(page, WEB_SEARCH, 'web_search');
  const result = panel.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('tree', { name: 'Result as JSON' })).toBeVisible();
  await expect(result.getByRole('button', { name: 'JSON', pressed: true })).toBeVisible();

  await result.getByRole('button', { name: 'Text' }).click();
  await expect(result.getByRole('tree')).toHaveCount(0);
  await expect(result.locator('pre')).toHaveText(
    '[{"title": "Result 1 for solid-state batteries 2025", "url": "https://example.org/1"}, ' +
      '{"title": "Result 2 for solid-state batteries 2025", "url": "https://example.org/2"}, ' +
      '{"title": "Result 3 for solid-state batteries 2025", "url": "https://example.org/3"}]',
  );
});

test('Markdown renders an agent output, and switching it off survives a reload', async ({
  page,
}) => {
  const panel = await openSpan(page, WRITER_RUN, 'Writer.run');
  const output = panel.getByRole('region', { name: 'Output' });
  await expect(output.getByRole('heading', { name: 'Draft' })).toBeVisible();
  await expect(output.getByRole('listitem')).toHaveText(['Context', 'Findings', 'Outlook']);

  await panel.getByRole('button', { name: 'Markdown', pressed: true }).click();
  await expect(output.getByRole('heading', { name: 'Draft' })).toHaveCount(0);
  await expect(output.locator('pre')).toHaveText(
    '# Draft\n\nA short, clear summary of the findings, in three paragraphs.\n\n1. Context\n2. Findings\n3. Outlook',
  );

  await page.reload();
  const reloaded = panelOf(page);
  await expect(reloaded.getByRole('button', { name: 'Markdown', pressed: false })).toBeVisible();
  await expect(reloaded.getByRole('region', { name: 'Output' }).locator('pre')).toContainText(
    '# Draft',
  );
  await reloaded.getByRole('button', { name: 'Markdown' }).click();
  await expect(
    reloaded.getByRole('region', { name: 'Output' }).getByRole('heading', { name: 'Draft' }),
  ).toBeVisible();
});
