import { expect, test, type Page } from '@playwright/test';

// The demo database: 95 traces over the last 7 days, generated in the browser (see src/mocks).

const tracesTable = (page: Page) => page.getByRole('table', { name: 'Traces' });
/** Rows with data cells: the header row has column headers only. */
const bodyRows = (page: Page) =>
  tracesTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
const pagination = (page: Page) => page.getByRole('navigation', { name: 'Pagination' });

/** Waits until the table shows the page the URL asks for (no placeholder from before). */
async function settled(page: Page) {
  await expect(tracesTable(page)).toHaveAttribute('aria-busy', 'false');
}

async function totalCount(page: Page): Promise<number> {
  await settled(page);
  const text = (await pagination(page).textContent()) ?? '';
  const match = /([\d,]+) traces/.exec(text);
  if (!match) throw new Error(`No trace count in “${text}”`);
  return Number(match[1]!.replace(/,/g, ''));
}

/** Every trace on the page carries `name` (an id button such as "Filter by agent x"). */
async function expectEveryRowHas(page: Page, name: string) {
  await settled(page);
  const rows = await bodyRows(page).count();
  expect(rows).toBeGreaterThan(0);
  await expect(tracesTable(page).getByRole('button', { name, exact: true })).toHaveCount(rows);
}

async function traceHrefs(page: Page): Promise<string[]> {
  await settled(page);
  return bodyRows(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

test.describe('trace list (demo data)', () => {
  test('opens on demo traces with a banner that says so', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/traces$/);
    await expect(page.getByRole('complementary', { name: 'Demo mode' })).toContainText('demo data');
    await expect(page.getByRole('heading', { name: 'Traces', level: 1 })).toBeVisible();
    const table = tracesTable(page);
    // Header row plus one page of 20 traces.
    await expect(table.getByRole('row')).toHaveCount(21);
    await expect(page.getByText('Page 1 of 5')).toBeVisible();
    await expect(page.getByText('95 traces')).toBeVisible();
  });

  test('pages through the list, with the page in the URL', async ({ page }) => {
    await page.goto('/traces');
    const table = tracesTable(page);
    const firstName = await table.getByRole('row').nth(1).getByRole('link').textContent();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Page 2 of 5')).toBeVisible();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(table.getByRole('row').nth(1).getByRole('link')).not.toHaveText(firstName ?? '');

    await page.getByLabel('Page size').selectOption('50');
    await expect(page.getByText('Page 1 of 2')).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(51);
    await expect(page).toHaveURL(/limit=50/);
    await expect(page).not.toHaveURL(/page=/);

    await page.goto('/traces?page=5');
    await expect(page.getByText('Page 5 of 5')).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(16);
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  test('walks list → trace → back', async ({ page }) => {
    await page.goto('/traces');
    const table = tracesTable(page);
    const link = table.getByRole('row').nth(1).getByRole('link');
    const name = (await link.textContent()) ?? '';
    await link.click();

    await expect(page).toHaveURL(/\/traces\/[^/?]+/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Traces', level: 1 })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(21);
  });
});

test.describe('filters', () => {
  test('Status narrows the rows and appears in the URL', async ({ page }) => {
    await page.goto('/traces');
    await page.getByLabel('Status', { exact: true }).selectOption('ERROR');
    await expect(page).toHaveURL(/[?&]status=ERROR/);
    const total = await totalCount(page);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(95);
    const rows = await bodyRows(page).count();
    await expect(tracesTable(page).getByText('ERROR', { exact: true })).toHaveCount(rows);
    await expect(tracesTable(page).getByText('OK', { exact: true })).toHaveCount(0);
  });

  const ID_FILTERS = [
    { label: 'Agent', param: 'agent_id', kind: 'agent' },
    { label: 'Team', param: 'team_id', kind: 'team' },
    { label: 'Workflow', param: 'workflow_id', kind: 'workflow' },
    { label: 'User', param: 'user_id', kind: 'user' },
    { label: 'Session', param: 'session_id', kind: 'session' },
    { label: 'Run', param: 'run_id', kind: 'run' },
  ];
  for (const { label, param, kind } of ID_FILTERS) {
    test(`${label} narrows the rows and appears in the URL`, async ({ page }) => {
      // One page of 100 holds every demo trace, so each kind of id is somewhere on it.
      await page.goto('/traces?limit=100');
      if (kind === 'run') {
        // Run ids are hidden by default.
        await page.getByRole('button', { name: 'Columns' }).click();
        await page.getByRole('checkbox', { name: 'Run' }).check();
        await page.keyboard.press('Escape');
      }
      const idButton = tracesTable(page)
        .getByRole('button', { name: new RegExp(`^Filter by ${kind} `) })
        .first();
      const id = (await idButton.textContent()) ?? '';
      expect(id).not.toBe('');

      const field = page.getByLabel(label, { exact: true });
      await field.fill(id);
      await field.press('Enter');

      await expect(page).toHaveURL(new RegExp(`[?&]${param}=${encodeURIComponent(id)}(&|$)`));
      await expect(field).toHaveValue(id);
      const total = await totalCount(page);
      expect(total).toBeLessThan(95);
      if (kind === 'run') expect(total).toBe(1);
      await expectEveryRowHas(page, `Filter by ${kind} ${id}`);
      await expect(page.getByRole('group', { name: 'Active filters' })).toContainText(id);
    });
  }

  test('clicking an id in a row filters by it', async ({ page }) => {
    await page.goto('/traces');
    const firstRow = bodyRows(page).first();
    const agentButton = firstRow.getByRole('button', { name: /^Filter by agent / });
    const agent = (await agentButton.textContent()) ?? '';
    await agentButton.click();
    await expect(page).toHaveURL(new RegExp(`agent_id=${agent}`));
    await expectEveryRowHas(page, `Filter by agent ${agent}`);

    const userButton = bodyRows(page)
      .first()
      .getByRole('button', { name: /^Filter by user / });
    const user = (await userButton.textContent()) ?? '';
    await userButton.click();
    await expect(page).toHaveURL(new RegExp(`user_id=${encodeURIComponent(user)}`));
    await expectEveryRowHas(page, `Filter by user ${user}`);
    await expectEveryRowHas(page, `Filter by agent ${agent}`);
  });

  test('a time preset narrows the rows and appears in the URL', async ({ page }) => {
    await page.goto('/traces');
    await page.getByLabel('Time range').selectOption({ label: 'Last hour' });
    await expect(page).toHaveURL(/[?&]range=1h/);
    const total = await totalCount(page);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(20);
    const hourAgo = Date.now() - 3_600_000;
    const starts = await bodyRows(page)
      .locator('time')
      .evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
    expect(starts.length).toBe(total);
    for (const start of starts) expect(start).toBeGreaterThanOrEqual(hourAgo - 60_000);
  });

  test.describe('in UTC', () => {
    test.use({ timezoneId: 'UTC' });

    test('a custom range is sent as start_time and end_time', async ({ page }) => {
      await page.goto('/traces');
      const now = Date.now();
      const from = new Date(now - 30 * 3_600_000);
      const to = new Date(now - 2 * 3_600_000);
      const local = (d: Date) => d.toISOString().slice(0, 16);
      await page.getByLabel('Time range').selectOption({ label: 'Custom range…' });
      const form = page.getByRole('form', { name: 'Custom time range' });
      await form.getByLabel(/^From/).fill(local(from));
      await form.getByLabel(/^To/).fill(local(to));
      await form.getByRole('button', { name: 'Apply range' }).click();

      await expect(page).toHaveURL(/[?&]start_time=[^&]+&end_time=|end_time=[^&]+.*start_time=/);
      const total = await totalCount(page);
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThan(95);
      const starts = await bodyRows(page)
        .locator('time')
        .evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
      for (const start of starts) {
        expect(start).toBeGreaterThanOrEqual(Date.parse(`${local(from)}:00Z`));
        expect(start).toBeLessThanOrEqual(Date.parse(`${local(to)}:00Z`));
      }
    });
  });

  test('chips remove one filter; “Clear filters” removes all; the empty state names them', async ({
    page,
  }) => {
    await page.goto('/traces?status=ERROR&agent_id=no_such_agent');
    await expect(page.getByText('No traces match these filters')).toBeVisible();
    await expect(page.getByText('no_such_agent').first()).toBeVisible();

    await page.getByRole('button', { name: 'Remove filter Agent: no_such_agent' }).click();
    await expect(page).not.toHaveURL(/agent_id/);
    await expect(page).toHaveURL(/status=ERROR/);
    const errors = await totalCount(page);
    expect(errors).toBeLessThan(95);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/traces$/);
    await expect(page.getByText('95 traces')).toBeVisible();
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('');
  });
});

test.describe('the URL holds the view', () => {
  test('a pasted URL restores filters and page in another browser', async ({ page, browser }) => {
    await page.goto('/traces');
    await page.getByLabel('Status', { exact: true }).selectOption('OK');
    await expect(page).toHaveURL(/status=OK/);
    await page.getByLabel('Time range').selectOption({ label: 'Last 7 days' });
    await expect(page).toHaveURL(/range=7d/);
    await settled(page);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2/);
    const hrefs = await traceHrefs(page);
    const pageText = (await pagination(page).textContent()) ?? '';
    const url = page.url();

    const other = await browser.newContext();
    const pasted = await other.newPage();
    await pasted.goto(url);
    await expect(pasted.getByLabel('Status', { exact: true })).toHaveValue('OK');
    await expect(pasted.getByLabel('Time range')).toHaveValue('7d');
    await expect(pagination(pasted)).toHaveText(pageText);
    expect(await traceHrefs(pasted)).toEqual(hrefs);
    await other.close();
  });

  test('the database on screen is in the URL and survives a reload', async ({ page }) => {
    await page.goto('/traces');
    await expect(page.getByText('95 traces')).toBeVisible();
    const database = page.getByLabel('Database');
    await database.selectOption({ label: 'Staging traces (staging-traces)' });
    await expect(page).toHaveURL(/[?&]db_id=staging-traces/);
    const staging = await totalCount(page);
    expect(staging).toBeLessThan(95);
    await page.reload();
    await expect(database).toHaveValue('staging-traces');
    expect(await totalCount(page)).toBe(staging);
  });

  test('back and forward walk through filter changes', async ({ page }) => {
    await page.goto('/traces');
    await page.getByLabel('Status', { exact: true }).selectOption('ERROR');
    await expect(page).toHaveURL(/status=ERROR/);
    const agentField = page.getByLabel('Agent', { exact: true });
    await agentField.fill('writer_agent');
    await agentField.press('Enter');
    await expect(page).toHaveURL(/agent_id=writer_agent/);

    await page.goBack();
    await expect(page).not.toHaveURL(/agent_id/);
    await expect(agentField).toHaveValue('');
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('ERROR');

    await page.goBack();
    await expect(page).toHaveURL(/\/traces$/);
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('');
    await expect(page.getByText('95 traces')).toBeVisible();

    await page.goForward();
    await expect(page).toHaveURL(/status=ERROR/);
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('ERROR');
    await page.goForward();
    await expect(agentField).toHaveValue('writer_agent');
  });

  test('“Copy link” copies the address of this view', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/traces?status=ERROR&page=2');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(copied).toContain('status=ERROR');
  });
});

test.describe('pagination', () => {
  test('walks three pages of 95 traces, one page per request', async ({ page }) => {
    const listRequests: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      // API calls only, not the page's own address (also /traces).
      if (request.resourceType() === 'fetch' && url.pathname.endsWith('/traces')) {
        listRequests.push(url);
      }
    });
    await page.goto('/traces');
    await expect(pagination(page)).toContainText('Page 1 of 5');
    await expect(pagination(page)).toContainText('95 traces');
    const first = await traceHrefs(page);

    await page.getByRole('button', { name: 'Next' }).click();
    await expect(pagination(page)).toContainText('Page 2 of 5');
    const second = await traceHrefs(page);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(pagination(page)).toContainText('Page 3 of 5');
    await expect(page).toHaveURL(/page=3/);
    const third = await traceHrefs(page);

    for (const rows of [first, second, third]) expect(rows).toHaveLength(20);
    expect(new Set([...first, ...second, ...third]).size).toBe(60);

    await page.getByRole('button', { name: 'Previous' }).click();
    await expect(pagination(page)).toContainText('Page 2 of 5');
    expect(await traceHrefs(page)).toEqual(second);

    // Never the whole list: every request asks for one page of the chosen size.
    expect(listRequests.length).toBeGreaterThan(0);
    for (const url of listRequests) expect(url.searchParams.get('limit')).toBe('20');
    const pagesAsked = new Set(listRequests.map((url) => url.searchParams.get('page')));
    expect([...pagesAsked].every((p) => ['1', '2', '3', '4'].includes(p ?? ''))).toBe(true);
  });
});

test.describe('advanced search', () => {
  async function openBar(page: Page) {
    await page.getByRole('button', { name: 'Advanced search' }).click();
    return page.getByRole('form', { name: 'Advanced search' });
  }

  test('AND narrows to traces matching both clauses', async ({ page }) => {
    await page.goto('/traces');
    const bar = await openBar(page);
    const first = bar.getByRole('group', { name: 'Clause 1' });
    await first.getByLabel('Field').selectOption({ label: 'Status' });
    await first.getByLabel('Operator').selectOption({ label: 'equals' });
    await first.getByLabel('Value').selectOption('ERROR');
    await bar.getByRole('button', { name: 'Add clause' }).click();
    const second = bar.getByRole('group', { name: 'Clause 2' });
    await second.getByLabel('Join').selectOption('AND');
    await second.getByLabel('Field').selectOption({ label: 'Duration (ms)' });
    await second.getByLabel('Operator').selectOption({ label: 'greater than' });
    await second.getByLabel('Value').fill('10000');
    await bar.getByRole('button', { name: 'Apply search' }).click();

    await expect(page).toHaveURL(/[?&]filter=/);
    await expect(page.getByRole('group', { name: 'Active filters' })).toContainText(
      'status = ERROR AND duration_ms > 10000',
    );
    // A search page carries every trace's whole span tree: 10 by default, not the list's 20.
    await expect(page.getByRole('combobox', { name: 'Page size' })).toHaveValue('10');
    await expect(page).not.toHaveURL(/limit=/);
    const total = await totalCount(page);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(15);
    const rows = await bodyRows(page).count();
    await expect(tracesTable(page).getByText('ERROR', { exact: true })).toHaveCount(rows);
    // Every duration over 10 s: "10.10s", "1m 03s" … never milliseconds.
    const durations = await bodyRows(page).evaluateAll((rows) =>
      rows.map((row) => (row as HTMLTableRowElement).cells[2]?.textContent ?? ''),
    );
    expect(durations).toHaveLength(rows);
    for (const text of durations) expect(text).not.toMatch(/ms$/);
  });

  test('OR widens to traces matching either clause, with IN for a list', async ({ page }) => {
    await page.goto('/traces');
    const agent = (await bodyRows(page)
      .first()
      .getByRole('button', { name: /^Filter by agent / })
      .textContent())!;
    const bar = await openBar(page);
    const first = bar.getByRole('group', { name: 'Clause 1' });
    await first.getByLabel('Field').selectOption({ label: 'Status' });
    await first.getByLabel('Value').selectOption('ERROR');
    await bar.getByRole('button', { name: 'Add clause' }).click();
    const second = bar.getByRole('group', { name: 'Clause 2' });
    await second.getByLabel('Join').selectOption('OR');
    await second.getByLabel('Field').selectOption({ label: 'Agent ID' });
    await second.getByLabel('Operator').selectOption({ label: 'is one of' });
    await second.getByLabel('Value').fill(`${agent}, no_such_agent`);
    await bar.getByRole('button', { name: 'Apply search' }).click();

    await expect(page.getByRole('group', { name: 'Active filters' })).toContainText(
      `status = ERROR OR agent_id in (${agent}, no_such_agent)`,
    );
    await page.getByLabel('Page size').selectOption('100');
    await settled(page);
    const total = await totalCount(page);
    const rows = bodyRows(page);
    await expect(rows).toHaveCount(total);
    const errors = await rows.filter({ hasText: 'ERROR' }).count();
    const ofAgent = await rows
      .filter({ has: page.getByRole('button', { name: `Filter by agent ${agent}`, exact: true }) })
      .count();
    expect(errors).toBeGreaterThan(0);
    expect(ofAgent).toBeGreaterThan(0);
    // Each row matches at least one side; together they are every row.
    const both = await rows
      .filter({ hasText: 'ERROR' })
      .filter({ has: page.getByRole('button', { name: `Filter by agent ${agent}`, exact: true }) })
      .count();
    expect(errors + ofAgent - both).toBe(total);
  });

  test('a malformed expression shows the server’s 400 message next to the bar', async ({
    page,
  }) => {
    await page.goto('/traces');
    const bar = await openBar(page);
    await bar.getByRole('button', { name: 'Edit as JSON' }).click();
    await bar
      .getByLabel('Filter expression (JSON)')
      .fill('{"op": "LIKE", "key": "name", "value": "Research%"}');
    await bar.getByRole('button', { name: 'Apply search' }).click();

    const alert = bar.getByRole('alert');
    await expect(alert).toContainText('The server refused this search');
    await expect(alert).toContainText('Invalid filter expression: Unknown filter operator: LIKE');
    await expect(
      page.getByText('No results: the server refused the advanced search'),
    ).toBeVisible();

    // The same URL, pasted, shows the same message.
    await page.goto(page.url());
    await expect(
      page.getByRole('form', { name: 'Advanced search' }).getByRole('alert'),
    ).toContainText('Unknown filter operator: LIKE');

    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(page.getByText('95 traces')).toBeVisible();
  });

  test('an incomplete clause is pointed out before anything is sent', async ({ page }) => {
    await page.goto('/traces');
    const bar = await openBar(page);
    await bar.getByRole('button', { name: 'Add clause' }).click();
    await bar.getByRole('group', { name: 'Clause 1' }).getByLabel('Value').selectOption('OK');
    await bar.getByRole('button', { name: 'Apply search' }).click();
    await expect(bar.getByRole('alert')).toContainText('Complete or remove clause 2');
    await expect(page).not.toHaveURL(/filter=/);
    await bar.getByRole('button', { name: 'Remove clause 2' }).click();
    await bar.getByRole('button', { name: 'Apply search' }).click();
    await expect(page).toHaveURL(/filter=/);
  });
});

test.describe('table, chart and times', () => {
  test('a chart point opens its trace', async ({ page }) => {
    await page.goto('/traces');
    const chart = page.getByRole('figure', { name: 'Duration over time' });
    const points = chart.getByRole('link');
    await expect(points).toHaveCount(20);
    // The last point is drawn on top of the others, so nothing covers it.
    const point = points.last();
    const label = (await point.getAttribute('aria-label')) ?? '';
    const name = label.split(',')[0]!;
    await point.click();
    await expect(page).toHaveURL(/\/traces\/[^/?]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  });

  test('sorting says it only reorders this page; column choices are remembered', async ({
    page,
  }) => {
    await page.goto('/traces');
    await expect(page.getByText(/^Newest first, as the server orders them/)).toBeVisible();
    await page.getByRole('button', { name: 'Spans' }).click();
    await expect(page.getByRole('columnheader', { name: 'Spans' })).toHaveAttribute(
      'aria-sort',
      /ascending|descending/,
    );
    await expect(page.getByText(/Sorted by spans within this page only/)).toBeVisible();
    await page.getByRole('button', { name: 'Restore server order' }).click();
    await expect(page.getByText(/^Newest first, as the server orders them/)).toBeVisible();

    await page.getByRole('button', { name: 'Columns' }).click();
    // Cost cannot be a column (summaries carry no tokens); the menu says where it is.
    await expect(
      page.getByRole('group', { name: 'Visible columns' }).getByText(/estimated cost/),
    ).toBeVisible();
    await page.getByRole('checkbox', { name: 'Input' }).uncheck();
    await expect(page.getByRole('columnheader', { name: 'Input' })).toHaveCount(0);
    await page.reload();
    await expect(tracesTable(page).getByRole('row')).toHaveCount(21);
    await expect(page.getByRole('columnheader', { name: 'Input' })).toHaveCount(0);
  });

  test('a long input is one line in the table and whole when expanded', async ({ page }) => {
    await page.goto('/traces');
    const row = bodyRows(page)
      .filter({ has: page.getByRole('button', { name: 'Show full input' }) })
      .first();
    await row.getByRole('button', { name: 'Show full input' }).click();
    await expect(tracesTable(page).getByRole('button', { name: 'Hide full input' })).toHaveCount(1);
    await expect(tracesTable(page).locator('.input-row')).toHaveCount(1);
  });

  test.describe('in a +05:30 zone', () => {
    test.use({ timezoneId: 'Asia/Kolkata' });

    test('times show in the browser’s zone, or in UTC with the toggle', async ({ page }) => {
      await page.goto('/traces');
      await expect(page.getByRole('columnheader', { name: /^Start \(GMT\+5:30\)/ })).toBeVisible();
      const firstTime = bodyRows(page).first().locator('time');
      const local = await firstTime.textContent();
      const toggle = page.getByRole('button', { name: 'UTC', exact: true });
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByRole('columnheader', { name: /^Start \(UTC\)/ })).toBeVisible();
      await expect(firstTime).not.toHaveText(local ?? '');
      await expect(firstTime).toContainText('ago');
      await page.reload();
      await expect(page.getByRole('columnheader', { name: /^Start \(UTC\)/ })).toBeVisible();
    });
  });

  test('auto-refresh is off by default and re-polls the first page when on', async ({ page }) => {
    let firstPageRequests = 0;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (
        request.resourceType() === 'fetch' &&
        url.pathname.endsWith('/traces') &&
        url.searchParams.get('page') === '1'
      ) {
        firstPageRequests += 1;
      }
    });
    await page.goto('/traces');
    const toggle = page.getByRole('checkbox', { name: /Auto-refresh/ });
    await expect(toggle).not.toBeChecked();
    await settled(page);
    const before = firstPageRequests;
    await toggle.check();
    await expect(page.getByText(/Updated /)).toBeVisible();
    await expect.poll(() => firstPageRequests, { timeout: 15_000 }).toBeGreaterThan(before + 1);
    await expect(tracesTable(page).getByRole('row')).toHaveCount(21);
  });
});

test.describe('rows, filters and density (issue 12)', () => {
  test('a click in a non-name cell opens the trace; the name stays a real link', async ({
    page,
  }) => {
    await page.goto('/traces');
    const row = bodyRows(page).first();
    const link = row.getByRole('link');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/traces\/[^/?]+$/);
    // The Spans cell: plain text, no control.
    await row.getByRole('cell').nth(4).click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole('treegrid', { name: 'Span waterfall' })).toBeVisible();
  });

  test('a click on an id button in a row filters, it does not open the trace', async ({ page }) => {
    await page.goto('/traces');
    await bodyRows(page)
      .first()
      .getByRole('button', { name: /^Filter by agent / })
      .click();
    await expect(page).toHaveURL(/\/traces\?agent_id=/);
  });

  test('a focused row opens its trace on Enter; arrows move between rows', async ({ page }) => {
    await page.goto('/traces');
    const rows = bodyRows(page);
    const second = rows.nth(1);
    const href = (await second.getByRole('link').getAttribute('href')) ?? '';
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(second).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  });

  test('a half-typed id does not filter; Enter applies it', async ({ page }) => {
    await page.clock.install();
    await page.goto('/traces');
    await expect(bodyRows(page)).toHaveCount(20);
    const agent = page.getByLabel('Agent', { exact: true });
    await agent.pressSequentially('writer_');
    // Well past the 600 ms the field used to wait before applying what was typed.
    await page.clock.runFor(3_000);
    await expect(page).toHaveURL(/\/traces$/);
    await expect(bodyRows(page)).toHaveCount(20);
    await expect(page.getByText('No traces match')).toHaveCount(0);

    await agent.pressSequentially('agent');
    await agent.press('Enter');
    await expect(page).toHaveURL(/\/traces\?agent_id=writer_agent$/);
    await expectEveryRowHas(page, 'Filter by agent writer_agent');
  });

  test('ids of the rows on screen are offered as suggestions', async ({ page }) => {
    await page.goto('/traces');
    await expect(bodyRows(page)).toHaveCount(20);
    const listId = await page.getByLabel('User', { exact: true }).getAttribute('list');
    expect(listId).toBeTruthy();
    await expect(
      page.locator(`datalist[id="${listId}"] option[value="ana@example.com"]`),
    ).toHaveCount(1);
  });

  test('at 1024×768, ten rows or more show above the fold with the chart', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('/traces');
    await expect(bodyRows(page)).toHaveCount(20);
    await expect(page.getByRole('figure', { name: 'Duration over time' })).toBeVisible();
    const boxes = await bodyRows(page).evaluateAll((rows) =>
      rows.map((row) => {
        const box = row.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom };
      }),
    );
    const inView = boxes.filter((box) => box.top >= 0 && box.bottom <= 768).length;
    expect(inView).toBeGreaterThanOrEqual(10);
  });

  test('the name column stays in view when the table scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('/traces');
    const link = bodyRows(page).first().getByRole('link');
    const before = await link.boundingBox();
    await tracesTable(page).evaluate((table) => {
      table.parentElement!.scrollLeft = 400;
    });
    await expect
      .poll(async () => (await link.boundingBox())?.x)
      .toBeCloseTo(before?.x ?? Number.NaN, 0);
    // …while the cells after it moved.
    const spans = bodyRows(page).first().getByRole('cell').nth(4);
    expect((await spans.boundingBox())!.x).toBeLessThan(500);
  });

  test('the chart can be hidden, and stays hidden on the next visit', async ({ page }) => {
    await page.goto('/traces');
    const chart = page.getByRole('figure', { name: 'Duration over time' });
    await expect(chart).toBeVisible();
    const toggle = page.getByRole('button', { name: 'Chart' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(chart).toHaveCount(0);
    await page.reload();
    await expect(bodyRows(page)).toHaveCount(20);
    await expect(page.getByRole('button', { name: 'Chart' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(chart).toHaveCount(0);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the filters fold under one button that counts those on, and nothing is wider than the screen', async ({
    page,
  }) => {
    await page.goto('/traces?status=ERROR');
    await settled(page);
    const filters = page.getByRole('search', { name: 'Trace filters' });
    await expect(filters).toBeHidden();
    const toggle = page.getByRole('button', { name: 'Filters (1 on)' });
    await toggle.click();
    await expect(filters).toBeVisible();
    await expect(filters.getByLabel('Status')).toHaveValue('ERROR');
    await page.getByRole('button', { name: 'Hide filters (1 on)' }).click();
    await expect(filters).toBeHidden();
    // The page does not scroll sideways: only the table does, inside its own box.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
