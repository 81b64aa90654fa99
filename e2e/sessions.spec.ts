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
    const link = row.getByRole('link');
    const sessionId = (await link.textContent()) ?? '';
    const count = Number(await row.getByRole('cell').nth(3).textContent());
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
});
