import { expect, test, type Page } from '@playwright/test';

/*
 * The production build under its Content-Security-Policy, as `vite preview` serves it (see
 * server/contentSecurityPolicy.js and the README's "Security"): the policy is sent, the HTML has
 * nothing inline, and the whole app (demo service worker, list, trace, span panel, charts,
 * dialogs, sessions) runs without a single violation or console error.
 */

interface Watch {
  violations: string[];
  consoleErrors: string[];
}

async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { violations: [], consoleErrors: [] };
  // Reported to the test process, so they survive navigations.
  await page.exposeFunction('__reportViolation', (text: string) => seen.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation: (text: string) => void })
        .__reportViolation;
      void report(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => seen.consoleErrors.push(error.message));
  return seen;
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

test('the preview sends a strict policy', async ({ request }) => {
  const response = await request.get('/traces');
  const policy = response.headers()['content-security-policy'] ?? '';
  const csp = directives(policy);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('style-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('worker-src')).toEqual(["'self'"]);
  expect(csp.get('connect-src')?.[0]).toBe("'self'");
  expect(policy).not.toContain('unsafe-eval');
  // Every response carries it, the service worker's script and the assets included.
  for (const path of ['/', '/mockServiceWorker.js', '/config.example.json']) {
    const headers = (await request.get(path)).headers();
    expect(headers['content-security-policy'], path).toBe(policy);
  }
});

test('index.html has no inline script, style or handler', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\bsrc="\/[^"]+"/);
    expect(body!.trim()).toBe('');
  }
  expect(html).not.toMatch(/<style\b/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/\sstyle\s*=/i);
});

test('the app runs under the policy without a violation', async ({ page }) => {
  const seen = await watch(page);

  await page.goto('/traces');
  // Demo mode: the mock AgentOS is a service worker, allowed by worker-src.
  await expect(page.getByRole('complementary', { name: 'Demo mode' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Traces' });
  await expect(table.getByRole('row')).toHaveCount(21);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // The results chart (Recharts) loads after the table.
  await expect(page.locator('.recharts-surface').first()).toBeVisible();

  await table.getByRole('row').nth(1).getByRole('link').first().click();
  const grid = page.getByRole('treegrid', { name: 'Span waterfall' });
  await grid.getByRole('row').nth(2).click();
  await grid.press('Enter');
  const panel = page.getByRole('region', { name: 'Span details' });
  await expect(panel).toBeVisible();
  await panel.getByRole('tab', { name: 'Raw JSON' }).click();
  await expect(panel.getByRole('region', { name: 'Raw JSON of the span' })).toBeVisible();
  // The JSON viewer (react-json-view-lite, loaded on demand) brings no inline style or eval.
  await expect(panel.getByRole('tree', { name: 'The span as JSON' })).toBeVisible();

  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(
    page.getByRole('tabpanel', { name: 'Charts' }).getByRole('table').first(),
  ).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();

  // Radix dialogs: the scroll lock writes a <style> element (style-src-elem allows it).
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.getByRole('tab', { name: 'Waterfall' }).click();
  await grid.focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Sessions' })
    .click();
  await expect(page.getByRole('table').first()).toBeVisible();

  expect(seen.violations, 'CSP violations').toEqual([]);
  expect(seen.consoleErrors, 'console errors').toEqual([]);
});

test('the policy is really enforced: injected inline script and handlers are refused', async ({
  page,
}) => {
  const seen = await watch(page);
  await page.goto('/traces');
  await expect(page.getByRole('table', { name: 'Traces' })).toBeVisible();
  // (Script the test itself evaluates is exempt, as DevTools' is: it only plants the markup.)
  const result = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__handlerRan = true');
    document.body.append(button);
    button.click();
    const ran = window as unknown as { __inlineRan?: boolean; __handlerRan?: boolean };
    return { inlineRan: ran.__inlineRan === true, handlerRan: ran.__handlerRan === true };
  });
  expect(result).toEqual({ inlineRan: false, handlerRan: false });
  await expect.poll(() => seen.violations.length).toBeGreaterThanOrEqual(2);
});
