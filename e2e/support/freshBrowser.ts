import { expect, type Browser, type Page } from '@playwright/test';
import { rowsOf } from './tracePage';

/**
 * Opens a link the way a colleague does: a new browser context, nothing stored. Waits for the
 * waterfall's first row; close the page's context when done.
 */
export async function openInFreshBrowser(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  // The demo data is generated anew in the new browser before the trace can load.
  await expect(rowsOf(page).first()).toBeVisible({ timeout: 30_000 });
  return page;
}
