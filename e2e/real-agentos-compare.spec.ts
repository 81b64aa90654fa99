import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/*
 * Issue 10, items 3 and 4: durations from the times, never the server's text, and comparing a run
 * started through AgentOS (`Research_Team.arun`) with a direct one (`Research_Team.run`).
 *
 * The first part runs on the demo's `recorded-agentos` database: the real AgentOS traces, plus a
 * copy of the real team trace renamed as AgentOS names it (`.arun`, `.ainvoke`). The id of that
 * copy is looked up through the UI, so this spec does not depend on how the copy is made.
 */

const RECORDED = 'src/mocks/recorded/real-agentos';
const teamTrace = JSON.parse(readFileSync(`${RECORDED}/trace-team-delegation.json`, 'utf8')) as {
  trace_id: string;
  name: string;
  team_id: string;
};
const DB = 'recorded-agentos';

/** The server's float text ("498.005747795105ms", "1.5432s"), which the page must never show. */
const FLOAT_DURATION = /\d\.\d{3,}m?s\b/;

/** Neither the text nor a tooltip or accessible name on the page shows a float duration. */
async function expectNoFloatDuration(page: Page) {
  const texts = await page
    .locator('body')
    .evaluate((body: HTMLElement): string[] => [
      body.innerText,
      ...Array.from(body.querySelectorAll('[title], [aria-label]'), (element) =>
        [element.getAttribute('title'), element.getAttribute('aria-label')].join(' '),
      ),
    ]);
  expect(texts.join('\n').match(FLOAT_DURATION)?.[0] ?? null).toBeNull();
}

/** The value of a fact of the trace header (the page's region named "Trace …"). */
function headerFact(page: Page, label: string) {
  return (
    page
      .getByRole('region', { name: /^Trace / })
      // The header's facts, not the error-first landing notice's (this team trace lands on a failure).
      .locator('header dl > div')
      .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) })
      .getByRole('definition')
  );
}

const tracesTable = (page: Page) => page.getByRole('table', { name: 'Traces' });
const totalsTable = (page: Page) => page.getByRole('table', { name: 'Totals' });
const alignedTable = (page: Page) => page.getByRole('table', { name: 'Aligned spans' });
const compareSummary = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'spans in both' });

/** Every span of the team trace is matched: none on one side only. */
async function expectEverySpanInBoth(page: Page) {
  await expect(compareSummary(page)).toContainText('15 spans in both');
  await expect(compareSummary(page)).toContainText('0 only in A');
  await expect(compareSummary(page)).toContainText('0 only in B');
}

test.describe('a .run and an .arun of the same team (recorded AgentOS database)', () => {
  test('“Compare with…” offers the .arun run, says so, and the comparison aligns every span', async ({
    page,
  }) => {
    await page.goto(`/traces/${teamTrace.trace_id}?db_id=${DB}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Research_Team.run');
    // 1.537133 s between the root's times; the header never shows the server's text.
    await expect(headerFact(page, 'Duration')).toHaveText('1.54s');
    await expectNoFloatDuration(page);

    await page.getByRole('button', { name: 'Compare with…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare with another trace' });
    await expect(dialog).toContainText(`Recent traces of team ${teamTrace.team_id}`);
    const arun = dialog.getByRole('link', { name: /^Compare with Research_Team\.arun,/ }).first();
    await expect(arun).toBeVisible();
    await expect(dialog.getByRole('note')).toHaveText(
      'This trace was started with .run, some of these with .arun: their spans are matched all the same.',
    );
    await expectNoFloatDuration(page);
    await arun.click();

    await expect(page).toHaveURL(new RegExp(`/compare\\?a=${teamTrace.trace_id}&b=`));
    await expect(page.getByRole('note')).toContainText('Names matched across entry points.');
    await expect(page.getByRole('note')).toContainText('A was started with .run, B with .arun.');
    await expectEverySpanInBoth(page);
    await expect(totalsTable(page).getByRole('row', { name: /^Duration/ })).toContainText('1.54s');
    const root = alignedTable(page).getByRole('row').nth(1);
    await expect(root).toContainText('Research_Team.run');
    await expect(root).toContainText('B: .arun');
    await expectNoFloatDuration(page);
  });

  test('the .arun copy found in the list compares with the .run trace the other way round', async ({
    page,
  }) => {
    await page.goto(`/traces?db_id=${DB}&team_id=${teamTrace.team_id}`);
    const link = tracesTable(page).getByRole('link', { name: 'Research_Team.arun' }).first();
    await expect(link).toBeVisible();
    await expectNoFloatDuration(page);
    const href = (await link.getAttribute('href')) ?? '';
    const arunId = decodeURIComponent(new URL(href, page.url()).pathname.split('/').pop()!);

    await page.goto(`/compare?a=${arunId}&b=${teamTrace.trace_id}&db_id=${DB}`);
    await expect(page.getByRole('note')).toContainText('A was started with .arun, B with .run.');
    await expectEverySpanInBoth(page);
    // The model calls were matched too: `.ainvoke` in A, `.invoke` in B.
    await expect(
      alignedTable(page).getByRole('row').filter({ hasText: 'AwsBedrock.ainvoke' }).first(),
    ).toContainText('B: .invoke');
    await expectNoFloatDuration(page);
  });
});

test.describe('durations from the times, never float text', () => {
  test('the list, a trace header and a comparison of demo traces', async ({ page }) => {
    await page.goto('/traces?agent_id=stock_agent');
    await expect(tracesTable(page)).toHaveAttribute('aria-busy', 'false');
    const links = tracesTable(page).locator('a[href*="/traces/"]');
    await expect(links.nth(1)).toBeVisible();
    await expectNoFloatDuration(page);
    const ids = await links.evaluateAll((anchors) =>
      anchors
        .slice(0, 2)
        .map((a) => decodeURIComponent((a as HTMLAnchorElement).pathname.split('/').pop()!)),
    );

    await page.goto(`/traces/${ids[0]}`);
    await expect(page.getByRole('treegrid', { name: 'Span waterfall' })).toBeVisible();
    await expectNoFloatDuration(page);
    await page.getByRole('button', { name: 'Compare with…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare with another trace' });
    await expect(dialog.getByRole('link', { name: /^Compare with / }).first()).toBeVisible();
    await expectNoFloatDuration(page);

    await page.goto(`/compare?a=${ids[0]}&b=${ids[1]}`);
    await expect(compareSummary(page)).toBeVisible();
    await expectNoFloatDuration(page);
  });

  test('a real trace file: its "279.98238801956177ms" reads 280ms, from its times', async ({
    page,
  }) => {
    await page.goto('/file');
    await page
      .getByRole('banner')
      .getByLabel('Open trace file')
      .setInputFiles(`${RECORDED}/trace-agent-async-stream.json`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stock_Price_Agent.arun');
    await expect(headerFact(page, 'Duration')).toHaveText('280ms');
    const root = page
      .getByRole('treegrid', { name: 'Span waterfall' })
      .getByRole('row', { name: /Stock_Price_Agent\.arun/ });
    await expect(root).toContainText('280ms');
    await expectNoFloatDuration(page);
  });

  test('a comparison shows both runs’ inputs and outputs, or the error', async ({ page }) => {
    // The refund agent whose tool failed, and the content workflow the CMS refused.
    await page.goto(
      `/compare?a=44499f90eea1c19da8c105c689773670&b=5718d2039fc16dcf08f30595119c9ea2&db_id=${DB}`,
    );
    const texts = page.getByRole('region', { name: 'Inputs and outputs' });
    const a = texts.getByRole('group', { name: 'Trace A' });
    const b = texts.getByRole('group', { name: 'Trace B' });
    await expect(a.getByRole('heading', { name: 'Input' }).locator('xpath=..')).toContainText(
      'Please refund order A-1002, it arrived broken.',
    );
    await expect(a.getByRole('heading', { name: 'Output' }).locator('xpath=..')).toContainText(
      'I could not refund 312.00 myself: refunds above 100.00 need a supervisor.',
    );
    await expect(b.getByRole('heading', { name: 'Input' }).locator('xpath=..')).toContainText(
      'rust async runtimes (forbidden)',
    );
    await expect(b.getByRole('heading', { name: 'Error' }).locator('xpath=..')).toContainText(
      'CMS rejected the post: HTTP 403 (token expired)',
    );
    await expect(b.getByRole('heading', { name: 'Output' })).toHaveCount(0);
  });
});
