import { expect, test, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { openWith } from './support/openWith';
import { FAULT_AGENTOS_PORT } from '../playwright.config';
import { waterfallOf } from './support/tracePage';

// Loading one trace as it streams (issue 13), against the misbehaving AgentOS of
// scripts/faultServer.ts: `gate` holds a trace's second half until the test opens the gate,
// `cut` stops at 60 % of the JSON, `bad-late` breaks the last span sent.
const FAULT = `http://127.0.0.1:${FAULT_AGENTOS_PORT}`;

/** A prefix of this test's own: its request counts and its gate are apart from the others'. */
function countedPath(testInfo: TestInfo, scenario: string): { prefix: string; gate: string } {
  const gate = `/count/${testInfo.workerIndex}-${testInfo.testId}-${testInfo.retry}-${Date.now()}`;
  return { prefix: `${gate}/${scenario}`, gate };
}

interface Summary {
  trace_id: string;
  name: string;
  total_spans: number;
}

/** The trace with the most spans in the mock data: the one that takes longest to arrive. */
async function biggestTrace(request: APIRequestContext): Promise<Summary> {
  const list = (await (await request.get(`${FAULT}/ok/traces?limit=100`)).json()) as {
    data: Summary[];
  };
  return list.data.reduce((a, b) => (b.total_spans > a.total_spans ? b : a));
}

async function abandoned(request: APIRequestContext, key: string): Promise<number> {
  const stats = (await (await request.get(`${FAULT}/count/_stats`)).json()) as {
    abandoned: Record<string, number>;
  };
  return stats.abandoned[key] ?? 0;
}

const progressBar = (page: Page) => page.getByRole('progressbar', { name: 'Loading trace' });

test.describe('a trace that streams in', () => {
  test('shows its progress before the last byte, then the trace', async ({
    page,
    request,
  }, testInfo) => {
    const trace = await biggestTrace(request);
    const { prefix, gate } = countedPath(testInfo, 'gate');
    await openWith(page, FAULT + prefix, `/traces/${trace.trace_id}`);

    // Half the answer has arrived and the rest is held back: the page says how far it is.
    await expect(progressBar(page)).toBeVisible();
    const status = page.getByRole('status').filter({ hasText: 'Loading trace…' });
    await expect(status).toContainText(
      /Loading trace… [\d.]+ [kM]B of [\d.]+ [kM]B · [\d,]+ spans/,
    );
    await expect(status).not.toContainText('· 0 spans');
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    // The first rows are on the page before the last byte: the root span first, then more.
    const firstRows = page
      .getByRole('list', { name: 'First spans received' })
      .getByRole('listitem');
    await expect(firstRows.first()).toContainText(trace.name);
    expect(await firstRows.count()).toBeGreaterThan(10);

    await request.get(`${FAULT}${gate}/_open`);
    await expect(page.getByRole('heading', { level: 1, name: trace.name })).toBeVisible();
    await expect(progressBar(page)).toHaveCount(0);
    await expect(waterfallOf(page).rows.first()).toBeVisible();
    await expect(page.getByRole('list', { name: 'First spans received' })).toHaveCount(0);
  });

  test('Cancel stops the request, says so, and Load again loads it', async ({
    page,
    request,
  }, testInfo) => {
    const trace = await biggestTrace(request);
    const { prefix, gate } = countedPath(testInfo, 'gate');
    await openWith(page, FAULT + prefix, `/traces/${trace.trace_id}`);
    await expect(progressBar(page)).toBeVisible();

    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Loading cancelled')).toBeVisible();
    await expect(progressBar(page)).toHaveCount(0);
    // The browser closed the connection: the server saw the request abandoned.
    await expect.poll(() => abandoned(request, `GET ${prefix}/traces/${trace.trace_id}`)).toBe(1);

    await request.get(`${FAULT}${gate}/_open`);
    await page.getByRole('button', { name: 'Load again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: trace.name })).toBeVisible();
  });

  test('Back leaves a trace that is still loading, and stops its download', async ({
    page,
    request,
  }, testInfo) => {
    const trace = await biggestTrace(request);
    const { prefix } = countedPath(testInfo, 'gate');
    await openWith(page, FAULT + prefix, '/traces');
    await expect(page.getByRole('table', { name: 'Traces' })).toBeVisible();
    await page.goto(`/traces/${trace.trace_id}`);
    await expect(progressBar(page)).toBeVisible();

    await page.goBack();
    await expect(page.getByRole('table', { name: 'Traces' })).toBeVisible();
    await expect.poll(() => abandoned(request, `GET ${prefix}/traces/${trace.trace_id}`)).toBe(1);
  });

  test('an answer cut off says so, and keeps the spans that arrived', async ({ page, request }) => {
    const trace = await biggestTrace(request);
    await openWith(page, `${FAULT}/cut`, `/traces/${trace.trace_id}`);

    const alert = page.getByRole('alert').filter({ hasText: 'cut off' });
    await expect(alert).toContainText(
      /The answer was cut off after [\d,]+ spans: showing the spans that arrived\./,
    );
    // The trace's own fields came before its tree, so it is shown with what arrived.
    await expect(page.getByRole('heading', { level: 1, name: trace.name })).toBeVisible();
    await expect(waterfallOf(page).rows.first()).toBeVisible();
    await expect(alert.getByRole('button', { name: 'Load again' })).toBeVisible();
  });

  test('a bad span at the end of a streamed trace is named by its JSON path', async ({
    page,
    request,
  }) => {
    const trace = await biggestTrace(request);
    const response = await request.get(`${FAULT}/bad-late/traces/${trace.trace_id}`);
    const path = response.headers()['x-fault-path'] ?? '';
    // Deep in the tree, and late in the answer.
    expect((path.match(/\.spans\[/g) ?? []).length).toBeGreaterThanOrEqual(2);

    await openWith(page, `${FAULT}/bad-late`, `/traces/${trace.trace_id}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load this trace');
    await expect(alert).toContainText(`At ${path}: expected string, received number.`);
  });
});
