import { expect, test } from '@playwright/test';

test.describe('trace page (demo data)', () => {
  test('says when a trace does not exist', async ({ page }) => {
    await page.goto('/traces/no-such-trace');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Trace not found');
    await expect(alert).toContainText('The server said: Trace not found');
    // The rest of the app still works.
    await page.getByRole('link', { name: 'Traces', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Traces' })).toBeVisible();
  });

  test('collapses and expands a span', async ({ page }) => {
    await page.goto('/traces');
    await page
      .getByRole('table', { name: 'Traces' })
      .getByRole('row')
      .nth(1)
      .getByRole('link')
      .click();
    const waterfall = page.getByRole('treegrid', { name: 'Span waterfall' });
    const root = waterfall.getByRole('row').first();
    await expect(root).toHaveAttribute('aria-expanded', 'true');
    const rowsBefore = await waterfall.getByRole('row').count();
    expect(rowsBefore).toBeGreaterThan(1);

    await root.getByRole('button', { name: /^Collapse / }).click();
    await expect(root).toHaveAttribute('aria-expanded', 'false');
    await expect(waterfall.getByRole('row')).toHaveCount(1);

    await root.getByRole('button', { name: /^Expand / }).click();
    await expect(waterfall.getByRole('row')).toHaveCount(rowsBefore);
  });

  test('shows header facts: status, duration, span count and ids', async ({ page }) => {
    await page.goto('/traces');
    await page
      .getByRole('table', { name: 'Traces' })
      .getByRole('row')
      .nth(1)
      .getByRole('link')
      .click();
    await expect(page.getByText('Duration', { exact: true })).toBeVisible();
    await expect(page.getByText('Spans', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy run id' })).toBeVisible();
  });
});
