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

test.describe('accessibility of the trace page, with its popovers and summary open', () => {
  test('the header summary and the Filters popover', async ({ page }) => {
    await page.goto('/traces?agent_id=support_agent');
    await page
      .getByRole('table', { name: 'Traces' })
      .getByRole('row')
      .nth(1)
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('button', { name: 'Trace details' }).click();
    await expect(page.getByRole('button', { name: 'Trace details' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await page.getByRole('button', { name: 'More filters' }).click();
    await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});

test.describe('accessibility of the trace page on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the waterfall, then the span sheet over it', async ({ page }) => {
    await page.goto('/traces?status=ERROR');
    await page
      .getByRole('table', { name: 'Traces' })
      .getByRole('row')
      .nth(1)
      .getByRole('link')
      .first()
      .click();
    await expect(page.getByRole('region', { name: 'Span details' })).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: 'Back to the spans' }).click();
    await expect(page.getByRole('treegrid', { name: 'Span waterfall' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});
