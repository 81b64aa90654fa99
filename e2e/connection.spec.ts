import { expect, test, type Page } from '@playwright/test';
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

test.describe('CORS: the mock AgentOS, like a real one, lets only allowed origins in', () => {
  // playwright.config.ts allows the app's own origin, http://localhost:<port>, and no other.
  async function connect(page: Page, appOrigin: string) {
    await page.goto(`${appOrigin}/traces`);
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connection settings' });
    await dialog.getByLabel('AgentOS URL').fill(AGENTOS_URL);
    await dialog.getByLabel('Security key').fill(MOCK_AGENTOS_KEY);
    await dialog.getByRole('button', { name: 'Save' }).click();
  }

  test('the app at its allowed origin gets the traces', async ({ page, request, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const preflight = await request.fetch(`${AGENTOS_URL}/traces?limit=1`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.status()).toBe(200);
    expect(await preflight.text()).toBe('OK');
    expect(preflight.headers()['access-control-allow-origin']).toBe(origin);
    expect(preflight.headers()['access-control-allow-headers']).toBe('authorization');

    await connect(page, origin);
    await expect(page.getByRole('table', { name: 'Traces' }).getByRole('row')).toHaveCount(21);
  });

  test('the app at another origin is refused by the server and says why', async ({
    page,
    request,
    baseURL,
  }) => {
    // The same app, opened by address instead of by name: another origin for the browser.
    const other = new URL(baseURL!).origin.replace('localhost', '127.0.0.1');
    const preflight = await request.fetch(`${AGENTOS_URL}/traces?limit=1`, {
      method: 'OPTIONS',
      headers: {
        Origin: other,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.status()).toBe(400);
    expect(await preflight.text()).toBe('Disallowed CORS origin');
    expect(preflight.headers()).not.toHaveProperty('access-control-allow-origin');

    await connect(page, other);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`no answer from ${AGENTOS_URL}`);
    await expect(alert).toContainText('(CORS)');
    await expect(alert).toContainText(
      `add ${other} to the AgentOS’s allowed origins (its cors_allowed_origins setting)`,
    );
    await expect(page.getByRole('table', { name: 'Traces' })).toHaveCount(0);
  });
});
