import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers';
import { createMockDatabase } from './mockDatabase';

/**
 * Starts the in-browser mock AgentOS at `baseUrl` (e.g. `http://localhost:3000/demo-api`).
 * Only that path is mocked: requests to a real AgentOS match no handler and pass through.
 */
export async function startDemoWorker(baseUrl: string): Promise<void> {
  // The clock is "now", so time presets (last 15 minutes, last hour) have results.
  const db = createMockDatabase({ nowMs: Date.now() });
  const worker = setupWorker(...createHandlers({ baseUrl, db }));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}
