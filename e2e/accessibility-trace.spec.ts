import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/a11y';
import {
  openFilters,
  openTrace,
  openTraceSummary,
  panelOf,
  waterfallOf,
} from './support/tracePage';

test.describe('accessibility of the trace page', () => {
  test('the waterfall with a span panel open', async ({ page }) => {
    await openTrace(page, '/traces?status=ERROR');
    await waterfallOf(page).rows.nth(1).click();
    await expect(panelOf(page)).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the charts tab', async ({ page }) => {
    await openTrace(page, '/traces?agent_id=stock_agent');
    await page.getByRole('tab', { name: 'Charts' }).click();
    await expect(page.getByRole('figure', { name: 'Time by span type' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the transcript tab', async ({ page }) => {
    await openTrace(page, '/traces?agent_id=support_agent');
    await page.getByRole('tab', { name: 'Transcript' }).click();
    await expect(
      page.getByRole('feed', { name: 'Transcript' }).getByRole('article').first(),
    ).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the swimlanes of a team run, a span selected', async ({ page }) => {
    await page.goto(
      '/traces/5eeb8e69da2ce65fa94a1c0735a561b5?db_id=recorded-agentos&lanes=1&span=43147a055be665bf',
    );
    await expect(page.getByRole('table', { name: 'Swimlanes' })).toBeVisible();
    await expect(panelOf(page)).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});

test.describe('accessibility of the trace page, with its popovers and summary open', () => {
  test('the header summary and the Filters popover', async ({ page }) => {
    await openTrace(page, '/traces?agent_id=support_agent');
    await openTraceSummary(page);
    await openFilters(page);
    await expectNoSeriousViolations(page);
  });
});

test.describe('accessibility of the trace page on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the waterfall, then the span sheet over it', async ({ page }) => {
    await openTrace(page, '/traces?status=ERROR');
    await expect(panelOf(page)).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: 'Back to the spans' }).click();
    await expect(waterfallOf(page).grid).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});
