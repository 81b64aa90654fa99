import { expect, test } from '@playwright/test';

test.describe('trace list (demo data)', () => {
  test('opens on demo traces with a banner that says so', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/traces$/);
    await expect(page.getByRole('note', { name: 'Demo mode' })).toContainText('demo data');
    await expect(page.getByRole('heading', { name: 'Traces', level: 1 })).toBeVisible();
    const table = page.getByRole('table', { name: 'Traces' });
    // Header row plus one page of 20 traces.
    await expect(table.getByRole('row')).toHaveCount(21);
    await expect(page.getByText('Page 1 of 5')).toBeVisible();
    await expect(page.getByText('95 traces')).toBeVisible();
  });

  test('pages through the list, with the page in the URL', async ({ page }) => {
    await page.goto('/traces');
    const table = page.getByRole('table', { name: 'Traces' });
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
    const table = page.getByRole('table', { name: 'Traces' });
    const link = table.getByRole('row').nth(1).getByRole('link');
    const name = (await link.textContent()) ?? '';
    await link.click();

    await expect(page).toHaveURL(/\/traces\/[^/?]+/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const waterfall = page.getByRole('treegrid', { name: 'Span waterfall' });
    await expect(waterfall.getByRole('row').first()).toContainText(name);
    await expect(waterfall.getByRole('row').first()).toHaveAttribute('aria-level', '1');

    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Traces', level: 1 })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(21);
  });
});
