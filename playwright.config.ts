import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/findChromium.ts';

// Overridable so that several checkouts or builds can run their suites side by side.
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 4173);
const DIST_DIR = process.env.E2E_DIST_DIR ?? 'dist';
export const MOCK_AGENTOS_PORT = Number(process.env.E2E_MOCK_PORT ?? 7787);
/** The key the stand-alone mock AgentOS requires, to test the 401 → key path. */
export const MOCK_AGENTOS_KEY = 'e2e-secret-key';
/** The misbehaving AgentOS of scripts/faultServer.ts: one failure per path prefix. */
export const FAULT_AGENTOS_PORT = Number(process.env.E2E_FAULT_PORT ?? 7797);
/** The key its `/s401` scenario accepts. */
export const FAULT_AGENTOS_KEY = 'e2e-fault-key';

const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  // Two workers on two cores with three servers beside them: a test that boots the app three
  // times took 28 s of its 30 s on CI, and a busy box took over 10 s to show a page's first
  // rows. The time a user waits is measured by the bench, not here.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${APP_PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      // The production build, as users get it; with no config.json it runs on demo data.
      command: `npx vite preview --port ${APP_PORT} --strictPort --outDir ${DIST_DIR}`,
      url: `http://localhost:${APP_PORT}`,
      reuseExistingServer: !process.env.CI,
    },
    {
      // A real HTTP server speaking the same mock handlers, for the "real AgentOS" paths.
      // Like AgentOS, it lets only the origins it is told call it from a browser: the app's own.
      command: `npx tsx scripts/mock-server.ts --port ${MOCK_AGENTOS_PORT} --key ${MOCK_AGENTOS_KEY} --cors-origin http://localhost:${APP_PORT}`,
      url: `http://127.0.0.1:${MOCK_AGENTOS_PORT}/health`,
      reuseExistingServer: !process.env.CI,
    },
    {
      // Failing servers: 401/403/404/422/500, HTML pages, no CORS, hangs, bad data, flakiness.
      command: `npx tsx scripts/faultServer.ts --port ${FAULT_AGENTOS_PORT} --key ${FAULT_AGENTOS_KEY}`,
      url: `http://127.0.0.1:${FAULT_AGENTOS_PORT}/_ready`,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
