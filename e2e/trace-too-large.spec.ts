import { expect, test, type APIRequestContext } from '@playwright/test';
import { FAULT_AGENTOS_PORT } from '../playwright.config';
import { openWith } from './support/openWith';

// The fault server's `huge` and `hugefield` scenarios send a trace whose first span's input (or
// metadata) is one string of 545 M characters: longer than any browser can hold as a string
// (V8's limit is 2^29 - 24).
const FAULT = `http://127.0.0.1:${FAULT_AGENTOS_PORT}`;

// A Playwright trace of this test would keep its own copy of the half gigabyte.
test.use({ trace: 'off' });

async function firstTrace(request: APIRequestContext) {
  const list = (await (await request.get(`${FAULT}/ok/traces?limit=1`)).json()) as {
    data: { trace_id: string }[];
  };
  const traceId = list.data[0]?.trace_id ?? '';
  const trace = (await (await request.get(`${FAULT}/ok/traces/${traceId}`)).json()) as {
    tree: { id: string; name: string }[];
  };
  return { traceId, firstSpan: trace.tree[0]! };
}

test('an answer too large for the browser says so in those words', async ({ page, request }) => {
  // Over half a gigabyte goes through the browser: give it the time.
  test.setTimeout(180_000);
  const { traceId } = await firstTrace(request);
  await openWith(page, `${FAULT}/hugefield`, `/traces/${traceId}`);

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This trace is too large for the browser to hold', {
    timeout: 170_000,
  });
  await expect(alert).toContainText(
    /The browser ran out of room after [\d.]+ (MB|GB) of the answer\./,
  );
  // Not mistaken for a server that sends something else.
  await expect(alert).not.toContainText('not from the AgentOS API');
});

test('a span input too long to be a string opens, its beginning shown with a note', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const { traceId, firstSpan } = await firstTrace(request);
  // Kept as bytes, a long input is no wall: the trace opens, and the panel says what it shows.
  await openWith(page, `${FAULT}/huge`, `/traces/${traceId}?span=${firstSpan.id}`);
  const panel = page.getByRole('region', { name: 'Span details' });
  await expect(panel.getByRole('heading', { level: 2, name: firstSpan.name })).toBeVisible({
    timeout: 170_000,
  });
  await expect(panel).toContainText(
    /This text is 5\d\d\.\d MB, more than a browser can hold as one string\. Its first MB follows\./,
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
});
