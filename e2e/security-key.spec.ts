import { expect, test, type Page } from '@playwright/test';
import { FAULT_AGENTOS_KEY, FAULT_AGENTOS_PORT } from '../playwright.config';

// The `/s401` scenario of scripts/faultServer.ts is an AgentOS that requires FAULT_AGENTOS_KEY.
const AGENTOS_URL = `http://127.0.0.1:${FAULT_AGENTOS_PORT}/s401`;
const AGENTOS_ORIGIN = new URL(AGENTOS_URL).origin;

const tracesTable = (page: Page) => page.getByRole('table', { name: 'Traces' });
const needsKey = (page: Page) =>
  expect(page.getByRole('alert')).toContainText('This AgentOS needs a security key');

/** Connects through Settings, as a user does, from the demo. */
async function connect(page: Page, options: { key: string; remember?: boolean }) {
  await page.goto('/traces');
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connection settings' });
  await dialog.getByLabel('AgentOS URL').fill(AGENTOS_URL);
  await dialog.getByLabel('Security key').fill(options.key);
  if (options.remember) await dialog.getByLabel('Remember on this device').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

/** Where the key is stored in this page's origin: which storages hold it. */
function keyStorages(page: Page, key: string) {
  return page.evaluate((key) => {
    const holds = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, i) => storage.getItem(storage.key(i)!)).some(
        (value) => value?.includes(key),
      );
    return { local: holds(localStorage), session: holds(sessionStorage) };
  }, key);
}

test.describe('the security key', () => {
  test('is kept for the tab by default: a reload keeps it, a new tab or browser does not', async ({
    page,
    context,
    browser,
  }) => {
    await connect(page, { key: FAULT_AGENTOS_KEY });
    await expect(tracesTable(page).getByRole('row')).toHaveCount(21);
    expect(await keyStorages(page, FAULT_AGENTOS_KEY)).toEqual({ local: false, session: true });

    await page.reload();
    await expect(tracesTable(page).getByRole('row')).toHaveCount(21);

    // Same browser, new tab: the endpoint is remembered, the key is not.
    const tab = await context.newPage();
    await tab.goto('/traces');
    await needsKey(tab);

    // Another browser profile with this one's saved state: still no key.
    const other = await browser.newContext({ storageState: await context.storageState() });
    const otherPage = await other.newPage();
    await otherPage.goto('/traces');
    await needsKey(otherPage);
    await other.close();
  });

  test('“Remember on this device” keeps it across tabs and browser restarts', async ({
    page,
    context,
    browser,
  }) => {
    await connect(page, { key: FAULT_AGENTOS_KEY, remember: true });
    await expect(tracesTable(page).getByRole('row')).toHaveCount(21);
    expect(await keyStorages(page, FAULT_AGENTOS_KEY)).toEqual({ local: true, session: false });

    const tab = await context.newPage();
    await tab.goto('/traces');
    await expect(tracesTable(tab).getByRole('row')).toHaveCount(21);

    // A restarted browser is a new context with the same local storage.
    const restarted = await browser.newContext({ storageState: await context.storageState() });
    const restartedPage = await restarted.newPage();
    await restartedPage.goto('/traces');
    await expect(tracesTable(restartedPage).getByRole('row')).toHaveCount(21);
    await restarted.close();
  });

  test('“Forget key” removes it from this browser at once', async ({ page }) => {
    await connect(page, { key: FAULT_AGENTOS_KEY, remember: true });
    await expect(tracesTable(page).getByRole('row')).toHaveCount(21);

    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connection settings' });
    await dialog.getByRole('button', { name: 'Forget key' }).click();
    await expect(dialog.getByRole('status')).toHaveText(
      'Key forgotten: it is no longer stored in this browser.',
    );
    await expect(dialog.getByLabel('Security key')).toHaveValue('');
    expect(await keyStorages(page, FAULT_AGENTOS_KEY)).toEqual({ local: false, session: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The page asks again, and a reload does not bring the key back.
    await needsKey(page);
    await page.reload();
    await needsKey(page);
  });

  test('never shows up in a URL, a copied link, the console or the page; goes only to the endpoint', async ({
    page,
  }) => {
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    page.on('pageerror', (error) => consoleLines.push(String(error)));
    const requestUrls: string[] = [];
    const keyWentTo = new Set<string>();
    page.on('request', (request) => {
      requestUrls.push(request.url());
      if (request.headers().authorization) keyWentTo.add(new URL(request.url()).origin);
    });
    // What "Copy link" puts on the clipboard.
    await page.addInitScript(() => {
      const copied: string[] = [];
      Object.assign(window, { copiedTexts: copied });
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) },
      });
    });

    // A wrong key first: the error says so without repeating it.
    await connect(page, { key: 'wrong-key-do-not-show' });
    await expect(page.getByRole('alert')).toContainText('The security key was not accepted');
    await expect(page.locator('body')).not.toContainText('wrong-key-do-not-show');

    await page.getByRole('alert').getByRole('button', { name: 'Change security key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connection settings' });
    await dialog.getByLabel('Security key').fill(FAULT_AGENTOS_KEY);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(tracesTable(page).getByRole('row')).toHaveCount(21);

    // Open a trace and copy its link, too.
    await tracesTable(page).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Copy link' }).click();
    const copied = await page.evaluate(
      () => (window as unknown as { copiedTexts: string[] }).copiedTexts,
    );
    expect(copied).toEqual([page.url()]);

    for (const secret of [FAULT_AGENTOS_KEY, 'wrong-key-do-not-show']) {
      expect(page.url()).not.toContain(secret);
      expect(copied.join(' ')).not.toContain(secret);
      expect(requestUrls.filter((url) => url.includes(secret))).toEqual([]);
      expect(consoleLines.filter((line) => line.includes(secret))).toEqual([]);
      await expect(page.locator('body')).not.toContainText(secret);
    }
    // The header went to the configured endpoint's origin, and nowhere else.
    expect([...keyWentTo]).toEqual([AGENTOS_ORIGIN]);
  });
});
