import { expect, test, type Page } from '@playwright/test';

const sessionsTable = (page: Page) => page.getByRole('table', { name: 'Sessions' });
const bodyRows = (table: ReturnType<Page['getByRole']>, page: Page) =>
  table.getByRole('row').filter({ has: page.getByRole('cell') });

test.describe('sessions (demo data)', () => {
  test('lists sessions a page at a time', async ({ page }) => {
    await page.goto('/sessions');
    await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    await expect(pagination).toContainText(/Page 1 of 2/);
    await expect(bodyRows(sessionsTable(page), page)).toHaveCount(20);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(pagination).toContainText(/Page 2 of 2/);
  });

  test('a session opens the trace list filtered by that session', async ({ page }) => {
    await page.goto('/sessions');
    const row = bodyRows(sessionsTable(page), page).first();
    const link = row.getByRole('link').first();
    const sessionId = (await link.textContent()) ?? '';
    // Session, First input, User, Agent / team / workflow, Traces …
    const count = Number(await row.getByRole('cell').nth(4).textContent());
    expect(count).toBeGreaterThan(0);
    await link.click();

    await expect(page).toHaveURL(new RegExp(`/traces\\?session_id=${sessionId}$`));
    await expect(page.getByLabel('Session', { exact: true })).toHaveValue(sessionId);
    const traces = page.getByRole('table', { name: 'Traces' });
    await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText(
      `${count} traces`,
    );
    const rows = Math.min(count, 20);
    await expect(bodyRows(traces, page)).toHaveCount(rows);
    await expect(
      traces.getByRole('button', { name: `Filter by session ${sessionId}`, exact: true }),
    ).toHaveCount(rows);
  });

  test('filters sessions by user, from a row or the field, in the URL', async ({ page }) => {
    await page.goto('/sessions');
    const userButton = sessionsTable(page)
      .getByRole('button', { name: /^Filter sessions by user / })
      .first();
    const user = (await userButton.textContent()) ?? '';
    await userButton.click();
    await expect(page).toHaveURL(new RegExp(`user_id=${encodeURIComponent(user)}`));
    await expect(page.getByLabel('User', { exact: true })).toHaveValue(user);
    const rows = bodyRows(sessionsTable(page), page);
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(20);
    await expect(
      sessionsTable(page).getByRole('button', { name: `Filter sessions by user ${user}` }),
    ).toHaveCount(n);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/sessions$/);
    await expect(rows).toHaveCount(20);
  });

  test('a time preset keeps only recent sessions', async ({ page }) => {
    await page.goto('/sessions');
    await page.getByLabel('Time range').selectOption({ label: 'Last hour' });
    await expect(page).toHaveURL(/range=1h/);
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    await expect(pagination).toContainText(/Page 1 of 1/);
    const rows = bodyRows(sessionsTable(page), page);
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(5);
  });

  test('a click anywhere in a row but its buttons opens the session’s traces', async ({ page }) => {
    await page.goto('/sessions');
    const row = bodyRows(sessionsTable(page), page).first();
    const sessionId = (await row.getByRole('link').first().textContent()) ?? '';
    // The "Traces" count: text, not a control.
    await row.getByRole('cell').nth(4).click();
    await expect(page).toHaveURL(new RegExp(`/traces\\?session_id=${sessionId}$`));
  });
});

test.describe('sessions (recorded real AgentOS)', () => {
  test('a session shows its user, agent, first input, trace count and failures', async ({
    page,
  }) => {
    await page.goto('/sessions?db_id=recorded-agentos');
    const table = sessionsTable(page);
    await expect(table.getByRole('columnheader')).toHaveText([
      'Session',
      'First input',
      'User',
      'Agent / team / workflow',
      'Traces',
      'Failed',
      'First trace → last trace',
    ]);
    const row = bodyRows(table, page).filter({
      has: page.getByRole('link', { name: 'sess-alice-1', exact: true }),
    });
    const cells = row.getByRole('cell');
    // From GET /traces?session_id=sess-alice-1: the earliest trace's input, and its one failure.
    await expect(cells.nth(1)).toHaveText('Please refund order A-1002, it arrived broken.');
    await expect(cells.nth(5)).toHaveText('1');
    // From GET /trace_session_stats.
    await expect(cells.nth(2)).toHaveText('alice@example.com');
    await expect(cells.nth(3)).toHaveText('agentsupport-agent');
    await expect(cells.nth(4)).toHaveText('2');
    await expect(cells.nth(6)).toContainText('→');
  });
});

test.describe('a session read as a conversation (issue 15)', () => {
  test('lists the session’s runs in time order, each with its input, answer and trace link', async ({
    page,
  }) => {
    await page.goto('/sessions');
    const row = bodyRows(sessionsTable(page), page).first();
    const sessionId = (await row.getByRole('link').first().textContent()) ?? '';
    await row.getByRole('link', { name: `Read session ${sessionId} as a conversation` }).click();
    await expect(page).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Session ${sessionId}`);

    // What the demo server holds for this session, oldest first.
    const expected = await page.evaluate(async (id) => {
      const response = await fetch(`/demo-api/traces?session_id=${id}&limit=100`);
      const body = (await response.json()) as {
        data: { trace_id: string; start_time: string; input?: string | null }[];
      };
      return body.data
        .sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time))
        .map((trace) => ({ id: trace.trace_id, input: trace.input ?? '' }));
    }, sessionId);
    expect(expected.length).toBeGreaterThan(1);

    const runs = page.getByRole('list', { name: 'Runs of this session, oldest first' });
    const cards = runs.getByRole('listitem');
    await expect(cards).toHaveCount(expected.length);
    for (const [i, run] of expected.entries()) {
      const card = cards.nth(i);
      await expect(card.getByRole('region', { name: 'User' })).toContainText(run.input);
      await expect(card.getByRole('link')).toHaveAttribute('href', new RegExp(`/traces/${run.id}`));
    }
    // The answers are read from the traces: the first run's is there.
    await expect(
      cards.first().getByRole('region', { name: 'Answer' }).getByText('Loading…'),
    ).toHaveCount(0);
    await expect(cards.first().getByRole('region', { name: 'Answer' })).not.toContainText(
      'could not be read',
    );

    // A card opens its trace.
    await cards.first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/traces/${expected[0]!.id}`));
  });
});
