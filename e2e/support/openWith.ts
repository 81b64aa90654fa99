import type { Page } from '@playwright/test';

/** The viewer starts connected to `endpoint`, as if the user had saved it in Settings. */
export async function openWith(page: Page, endpoint: string, path = '/traces'): Promise<void> {
  await page.addInitScript(
    ({ item, value }) => {
      if (localStorage.getItem(item) === null) localStorage.setItem(item, value);
    },
    { item: 'agentos-viewer.connection', value: JSON.stringify({ endpoint, dbId: null }) },
  );
  await page.goto(path);
}
