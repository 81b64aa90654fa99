import { expect, test } from '@playwright/test';
import { FAULT_AGENTOS_PORT } from '../playwright.config';
import { openWith } from './support/openWith';

// The fault server's `huge` scenario sends a trace whose first span's input is one string of
// 545 M characters: longer than any browser can hold (V8's limit is 2^29 - 24).
const FAULT = `http://127.0.0.1:${FAULT_AGENTOS_PORT}`;

// A Playwright trace of this test would keep its own copy of the half gigabyte.
test.use({ trace: 'off' });

test('an answer too large for the browser says so in those words', async ({ page, request }) => {
  // Over half a gigabyte goes through the browser: give it the time.
  test.setTimeout(180_000);
  const list = (await (await request.get(`${FAULT}/ok/traces?limit=1`)).json()) as {
    data: { trace_id: string }[];
  };
  const traceId = list.data[0]?.trace_id ?? '';
  await openWith(page, `${FAULT}/huge`, `/traces/${traceId}`);

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
