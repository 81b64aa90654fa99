import { expect, test } from '@playwright/test';
import { MOCK_AGENTOS_KEY, MOCK_AGENTOS_PORT } from '../playwright.config';

const AGENTOS_URL = `http://127.0.0.1:${MOCK_AGENTOS_PORT}`;

test.describe('connecting to an AgentOS that requires a key', () => {
  test('asks for the key on 401, then shows the traces', async ({ page }) => {
    await page.goto('/traces');
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connection settings' });
    await dialog.getByLabel('AgentOS URL').fill(AGENTOS_URL);
    await dialog.getByRole('button', { name: 'Save' }).click();

    await expect(page.getByLabel('Connected to')).toContainText(`127.0.0.1:${MOCK_AGENTOS_PORT}`);
    await expect(page.getByRole('complementary', { name: 'Demo mode' })).toHaveCount(0);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This AgentOS needs a security key');
    await expect(alert).toContainText('Authorization header required');

    await alert.getByRole('button', { name: 'Enter security key' }).click();
    await dialog.getByLabel('Security key').fill(MOCK_AGENTOS_KEY);
    await dialog.getByRole('button', { name: 'Save' }).click();

    await expect(page.getByRole('table', { name: 'Traces' }).getByRole('row')).toHaveCount(21);
    expect(page.url()).not.toContain(MOCK_AGENTOS_KEY);
  });

  test('a wrong key gets the server’s message and the key is not shown', async ({ page }) => {
    await page.goto('/traces');
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connection settings' });
    await dialog.getByLabel('AgentOS URL').fill(AGENTOS_URL);
    await dialog.getByLabel('Security key').fill('wrong-key-123');
    await dialog.getByRole('button', { name: 'Save' }).click();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Invalid authentication token');
    await expect(page.locator('body')).not.toContainText('wrong-key-123');
  });

  test('“Use demo data” returns to the demo', async ({ page }) => {
    await page.goto('/traces');
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connection settings' });
    await dialog.getByLabel('AgentOS URL').fill(AGENTOS_URL);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert')).toBeVisible();

    await page.getByRole('button', { name: 'Settings' }).click();
    await dialog.getByRole('button', { name: 'Use demo data' }).click();
    await expect(page.getByRole('complementary', { name: 'Demo mode' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Traces' }).getByRole('row')).toHaveCount(21);
  });
});
