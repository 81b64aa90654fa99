import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/a11y';

test.describe('accessibility of the trace page', () => {
  test('the waterfall with a span panel open', async ({ page }) => {
    await page.goto('/traces?status=ERROR');
    await page
      .getByRole('table', { name: 'Traces' })
      .getByRole('row')
      .nth(1)
      .getByRole('link')
      .first()
      .click();
    const grid = page.getByRole('treegrid', { name: 'Span waterfall' });
    await grid.getByRole('row').nth(2).click();
    await expect(page.getByRole('region', { name: 'Span details' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the charts tab', async ({ page }) => {
    await page.goto('/traces?agent_id=stock_agent');
    await page
      .getByRole('table', { name: 'Traces' })
      .getByRole('row')
      .nth(1)
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('tab', { name: 'Charts' }).click();
    await expect(page.getByRole('figure', { name: 'Time by span type' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});
