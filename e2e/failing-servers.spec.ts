import { expect, test, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { createServer, type AddressInfo } from 'node:net';
import { openWith } from './support/openWith';
import { FAULT_AGENTOS_KEY, FAULT_AGENTOS_PORT } from '../playwright.config';

// Every case runs against scripts/faultServer.ts, which fails in one way per path prefix.
const FAULT = `http://127.0.0.1:${FAULT_AGENTOS_PORT}`;

/** A prefix of this test's own, so parallel tests keep their request counts apart. */
function countedPath(testInfo: TestInfo, scenario: string): string {
  const tag = `${testInfo.workerIndex}-${testInfo.testId}-${testInfo.retry}-${Date.now()}`;
  return `/count/${tag}/${scenario}`;
}

interface Stats {
  requests: Record<string, number>;
  abandoned: Record<string, number>;
}
async function stats(request: APIRequestContext): Promise<Stats> {
  return (await (await request.get(`${FAULT}/count/_stats`)).json()) as Stats;
}
const received = async (request: APIRequestContext, key: string) =>
  (await stats(request)).requests[key] ?? 0;
const abandoned = async (request: APIRequestContext, key: string) =>
  (await stats(request)).abandoned[key] ?? 0;

interface TraceRef {
  trace_id: string;
  name: string;
  tree?: { id: string; spans?: unknown[] }[];
}
async function someTrace(request: APIRequestContext): Promise<TraceRef> {
  const list = (await (await request.get(`${FAULT}/ok/traces?limit=5`)).json()) as {
    data: TraceRef[];
  };
  const summary = list.data[0]!;
  return (await (await request.get(`${FAULT}/ok/traces/${summary.trace_id}`)).json()) as TraceRef;
}

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const tracesTable = (page: Page) => page.getByRole('table', { name: 'Traces' });

test.describe('failing servers: the viewer says what is wrong, on the page, and keeps working', () => {
  test('401 asks for the key and keeps the page', async ({ page, request }) => {
    const trace = await someTrace(request);
    const spanId = (trace.tree![0]!.spans![0] as { id: string }).id;
    const path = `/traces/${trace.trace_id}?span=${spanId}`;
    await openWith(page, `${FAULT}/s401`, path);

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This AgentOS needs a security key');
    await expect(alert).toContainText('Authorization header required');
    await alert.getByRole('button', { name: 'Enter security key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connection settings' });
    await dialog.getByLabel('Security key').fill(FAULT_AGENTOS_KEY);
    await dialog.getByRole('button', { name: 'Save' }).click();

    await expect(page.getByRole('heading', { level: 1, name: trace.name })).toBeVisible();
    const url = new URL(page.url());
    expect(url.pathname + url.search).toBe(path);
  });

  test('403 says access is denied', async ({ page }) => {
    await openWith(page, `${FAULT}/s403`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Access denied');
    await expect(alert).toContainText('Insufficient permissions: this token may not read traces');
    await expect(alert.getByRole('button', { name: 'Change security key' })).toBeVisible();
  });

  test('404: a URL that is not an AgentOS, and a trace that is not there', async ({ page }) => {
    await openWith(page, `${FAULT}/s404`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load the traces: this server has no such page');
    await expect(alert).toContainText('for /s404/traces');
    await expect(alert).toContainText('Check the AgentOS URL');
    await alert.getByRole('button', { name: 'Open settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Connection settings' })).toBeVisible();

    await page.goto('/traces/no-such-trace');
    await expect(page.getByRole('alert')).toContainText('Trace not found');
    await expect(page.getByRole('alert')).toContainText('another user');
  });

  test('422 lists the problems readably', async ({ page }, testInfo) => {
    await openWith(page, `${FAULT}/s422`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('the server rejected the request (HTTP 422)');
    await expect(alert.getByRole('listitem')).toHaveText([
      'limit (query): Input should be greater than or equal to 1',
      'page (query): Input should be a valid integer, unable to parse string as an integer',
    ]);
    await page.screenshot({ path: testInfo.outputPath('422.png') });
  });

  test('500 shows the detail and Retry; reads were retried, and navigation still works', async ({
    page,
    request,
  }, testInfo) => {
    const prefix = countedPath(testInfo, 's500');
    await openWith(page, FAULT + prefix);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load the traces: the server failed (HTTP 500)');
    await expect(alert).toContainText('Error retrieving traces: database is locked');
    // The error shows once the retries are over: three tries of the GET in all.
    expect(await received(request, `GET ${prefix}/traces`)).toBe(3);

    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => received(request, `GET ${prefix}/traces`)).toBeGreaterThan(3);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sessions' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Could not load the sessions');
  });

  // A query shows its error only once it has given up, after its last try: so when the alert is
  // there, every retry it was going to make has been sent and counted. No waiting needed.
  test('the search POST is not retried; the GETs beside it are', async ({
    page,
    request,
  }, testInfo) => {
    const prefix = countedPath(testInfo, 's500');
    const filter = encodeURIComponent(JSON.stringify({ op: 'EQ', key: 'status', value: 'ERROR' }));
    await openWith(page, FAULT + prefix, `/traces?filter=${filter}`);
    const alerts = page.getByRole('alert');
    await expect(alerts.filter({ hasText: 'Could not load the traces' })).toContainText(
      'the server failed (HTTP 500)',
    );
    expect(await received(request, `POST ${prefix}/traces/search`)).toBe(1);
    // The search fields (a GET, on the same failing server) are read three times before theirs.
    await expect(alerts.filter({ hasText: 'Could not load the search fields' })).toContainText(
      'the server failed (HTTP 500)',
    );
    expect(await received(request, `GET ${prefix}/traces/filter-schema`)).toBe(3);
    expect(await received(request, `POST ${prefix}/traces/search`)).toBe(1);
  });

  test('a search page and the search fields cut off before their end say so, not that they are not JSON', async ({
    page,
  }) => {
    const filter = encodeURIComponent(JSON.stringify({ op: 'EQ', key: 'status', value: 'OK' }));
    await openWith(page, `${FAULT}/cut`, `/traces?filter=${filter}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the traces' });
    await expect(alert).toContainText('Could not load the traces: the answer was cut off');
    await expect(alert).toContainText('before the end of the answer');
    await expect(alert).not.toContainText('JSON');
    // The search fields, a small answer read whole, were cut the same way and say the same.
    await expect(
      page.getByRole('alert').filter({ hasText: 'Could not load the search fields' }),
    ).toContainText('Could not load the search fields: the answer was cut off');
  });

  for (const [scenario, shown] of [
    ['s401', 'This AgentOS needs a security key'],
    ['s403', 'Access denied'],
    ['s404', 'Could not load the traces: this server has no such page'],
    ['s422', 'the server rejected the request (HTTP 422)'],
  ] as const) {
    test(`no retry on a 4xx: ${scenario}`, async ({ page, request }, testInfo) => {
      const prefix = countedPath(testInfo, scenario);
      await openWith(page, FAULT + prefix);
      await expect(page.getByRole('alert')).toContainText(shown);
      expect(await received(request, `GET ${prefix}/traces`)).toBe(1);
    });
  }

  test('a proxy’s HTML error page is recognised as such', async ({ page }) => {
    await openWith(page, `${FAULT}/html502`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('a proxy or gateway answered (HTTP 502)');
    await expect(alert).toContainText('HTML page (“502 Bad Gateway”)');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  test('a 200 HTML page instead of JSON: says so, and nothing in it runs', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openWith(page, `${FAULT}/html200`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('the answer is not from the AgentOS API');
    await expect(alert).toContainText(
      'an HTML page (“Sign in · Example Corp SSO”) instead of JSON',
    );
    await expect(alert.getByRole('button', { name: 'Open settings' })).toBeVisible();
    expect(dialogs).toEqual([]);
  });

  test('network down: explains both “down” and CORS, with this origin', async ({
    page,
    baseURL,
  }, testInfo) => {
    const endpoint = `http://127.0.0.1:${await unusedPort()}`;
    await openWith(page, endpoint);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`Could not load the traces: no answer from ${endpoint}`);
    await expect(alert).toContainText('not running');
    await expect(alert).toContainText('(CORS)');
    await expect(alert).toContainText(
      `add ${new URL(baseURL!).origin} to the AgentOS’s allowed origins (its cors_allowed_origins setting)`,
    );
    await expect(alert).toContainText('reverse proxy');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('network-down.png') });
  });

  test('CORS refusal: the server answered, the browser refused it, the page explains', async ({
    page,
    request,
    baseURL,
  }, testInfo) => {
    const prefix = countedPath(testInfo, 'nocors');
    await openWith(page, FAULT + prefix);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`no answer from ${FAULT}`);
    await expect(alert).toContainText(`add ${new URL(baseURL!).origin}`);
    // It was not down: the server did get (and answer) the request.
    expect(await received(request, `GET ${prefix}/traces`)).toBeGreaterThan(0);
  });

  test('a request that hangs is abandoned after the time-out set in Settings', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(60_000);
    const prefix = countedPath(testInfo, 'hang');
    await openWith(page, FAULT + prefix);
    await expect(page.getByRole('status').filter({ hasText: 'Loading traces…' })).toBeVisible();

    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connection settings' });
    await dialog.getByText('Advanced').click();
    await dialog.getByLabel('Request timeout (seconds)').fill('2');
    const sentBefore = await received(request, `GET ${prefix}/traces`);
    await dialog.getByRole('button', { name: 'Save' }).click();

    // One try of 2 s: a time-out is not retried (the reader has already waited it out).
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'Could not load the traces: the server did not answer in time',
      {
        timeout: 20_000,
      },
    );
    await expect(alert).toContainText(`${FAULT} did not answer within 2 s`);
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    // The browser really dropped the request it gave up on, and did not send it again.
    await expect.poll(() => abandoned(request, `GET ${prefix}/traces`)).toBeGreaterThanOrEqual(1);
    expect(await received(request, `GET ${prefix}/traces`)).toBe(sentBefore + 1);
  });

  test('leaving a page cancels its requests', async ({ page, request }, testInfo) => {
    const prefix = countedPath(testInfo, 'hang');
    await openWith(page, FAULT + prefix);
    await expect.poll(() => received(request, `GET ${prefix}/traces`)).toBe(1);
    expect(await abandoned(request, `GET ${prefix}/traces`)).toBe(0);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sessions' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
    // Well before the 30 s time-out: the list's request was aborted when the list went away.
    await expect.poll(() => abandoned(request, `GET ${prefix}/traces`), { timeout: 5_000 }).toBe(1);
  });

  test('a flaky server: reads are retried with back-off until the list shows', async ({
    page,
    request,
  }, testInfo) => {
    const prefix = countedPath(testInfo, 'flaky');
    const started = Date.now();
    await openWith(page, FAULT + prefix);
    await expect(tracesTable(page).getByRole('row')).toHaveCount(21);
    // The server answers only the third try (a prefetch of page 2 may follow).
    expect(await received(request, `GET ${prefix}/traces`)).toBeGreaterThanOrEqual(3);
    // 0.5 s, then 1 s, between the tries.
    expect(Date.now() - started).toBeGreaterThan(1_400);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('malformed answers name the JSON path and the expected type, with Retry', async ({
    page,
    request,
  }, testInfo) => {
    await openWith(page, `${FAULT}/bad-schema`);
    let alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'Could not load the traces: the answer is not in the form the viewer expects',
    );
    await expect(alert).toContainText('At $.data[3].start_time: expected string, received number.');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('bad-schema.png') });

    // A wrong value deep in a span tree, on the trace page.
    const { trace, path } = await deepBrokenTrace(request);
    await page.goto(`/traces/${trace}`);
    alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load this trace');
    await expect(alert).toContainText(`At ${path}: expected string, received number.`);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sessions' })
      .click();
    alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load the sessions');
    await expect(alert).toContainText('At $.data[0].total_traces: expected number');
    // The header still works after all this.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Traces' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Traces' })).toBeVisible();
  });

  test('unknown extra fields and unknown span types are accepted and shown', async ({
    page,
    request,
  }) => {
    await openWith(page, `${FAULT}/extras`);
    await expect(tracesTable(page).getByRole('row')).toHaveCount(21);
    const trace = await someTrace(request);
    await page.goto(`/traces/${trace.trace_id}`);
    await expect(page.getByRole('heading', { level: 1, name: trace.name })).toBeVisible();
    await expect(page.getByText('QUANTUM_ROUTER').first()).toBeVisible();
  });
});

/** A trace whose broken value the fault server put at least two levels down its tree. */
async function deepBrokenTrace(request: APIRequestContext) {
  const list = (await (await request.get(`${FAULT}/ok/traces?limit=100`)).json()) as {
    data: TraceRef[];
  };
  for (const { trace_id } of list.data) {
    const response = await request.get(`${FAULT}/bad-schema/traces/${trace_id}`);
    const path = response.headers()['x-fault-path'] ?? '';
    if ((path.match(/\.spans\[/g) ?? []).length >= 2) return { trace: trace_id, path };
  }
  throw new Error('no trace two levels deep in the mock data');
}
