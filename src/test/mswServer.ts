import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { demoBaseUrl } from '../api/connection';
import { createHandlers } from '../mocks/handlers';
import { createMockDatabase } from '../mocks/mockDatabase';

/**
 * The one MSW server for tests that run the app in Node: the demo AgentOS's handlers at the demo
 * base URL, over a mock database whose clock is "now" (so time presets have results).
 *
 * Importing this module sets up its lifecycle in the importing test file: listen before all tests,
 * drop the handlers a test added with `server.use(...)` after each, close after all. A request no
 * handler answers fails the test (`onUnhandledRequest: 'error'`): a test never reaches the network
 * by accident.
 */
const mockDatabase = createMockDatabase({ nowMs: Date.now() });
export const server = setupServer(...createHandlers({ baseUrl: demoBaseUrl(), db: mockDatabase }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
