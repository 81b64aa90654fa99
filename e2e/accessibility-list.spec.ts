import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/a11y';

test.describe('accessibility of the list pages', () => {
  test('the trace list, as it opens', async ({ page }) => {
    await page.goto('/traces');
    await expect(page.getByRole('table', { name: 'Traces' }).getByRole('row')).toHaveCount(21);
    await expect(page.getByRole('figure', { name: 'Duration over time' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the trace list with filters, advanced search and the column menu open', async ({
    page,
  }) => {
    await page.goto('/traces?status=ERROR&range=7d');
    await page.getByRole('button', { name: 'Advanced search' }).click();
    await page.getByRole('button', { name: 'Add clause' }).click();
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByLabel('Time range').selectOption({ label: 'Custom range…' });
    await expect(page.getByRole('group', { name: 'Active filters' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the trace list when nothing matches, and in dark theme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/traces?agent_id=no_such_agent');
    await expect(page.getByText('No traces match these filters')).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the sessions page', async ({ page }) => {
    await page.goto('/sessions');
    await expect(page.getByRole('table', { name: 'Sessions' }).getByRole('row')).toHaveCount(21);
    await expectNoSeriousViolations(page);
  });
});
