import { expect, test, type Page } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/*
 * Issue 16, as a user gets it: the project packed with `npm pack`, installed from the tarball
 * into an empty folder (offline: the package has no dependencies), its `agentos-trace-viewer`
 * started against the mock AgentOS with a security key, and the app browsed through the
 * server's same-origin proxy under its Content-Security-Policy. The mock's CORS is never
 * involved: the browser only ever talks to the viewer's own origin.
 *
 * Needs the build (`npm run build`, which `npm test` runs first). Starts its own processes.
 */

const ROOT = join(import.meta.dirname, '..');
const VIEWER_PORT = Number(process.env.E2E_PACKAGE_PORT ?? 3130);
const MOCK_PORT = Number(process.env.E2E_PACKAGE_MOCK_PORT ?? 8387);
const KEY = 'e2e-package-key-5c1d';
const VIEWER = `http://localhost:${VIEWER_PORT}`;
const MOCK_ORIGIN = `http://127.0.0.1:${MOCK_PORT}`;

const run = promisify(execFile);

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

let workDir: string;
let packed: PackResult;
let installedFiles: string[];
let mock: ChildProcess;
let viewer: ChildProcess;
let viewerOutput = '';

/** Resolves once `url` answers; the processes take a moment to listen. */
async function waitForUrl(url: string, timeout: number): Promise<void> {
  await expect
    .poll(
      () =>
        fetch(url).then(
          (answer) => answer.ok,
          () => false,
        ),
      {
        message: `${url} did not answer within ${timeout} ms`,
        timeout,
      },
    )
    .toBe(true);
}

/** Stops a process started with `detached` and everything it started (npx → tsx → node). */
function stop(child: ChildProcess | undefined): void {
  if (child?.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('No build to pack: run `npm run build` first (npm test does).');
  }
  workDir = mkdtempSync(join(tmpdir(), 'viewer-package-'));

  // --ignore-scripts: prepack would build again; the build is already there.
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir],
    { cwd: ROOT },
  );
  packed = (JSON.parse(stdout) as PackResult[])[0]!;

  const app = join(workDir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "trying-the-viewer", "private": true }\n');
  await run(
    'npm',
    [
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      join(workDir, packed.filename),
    ],
    { cwd: app },
  );
  installedFiles = readdirSync(join(app, 'node_modules'));

  mock = spawn('npx', ['tsx', 'scripts/mock-server.ts', '--port', `${MOCK_PORT}`, '--key', KEY], {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
  });
  viewer = spawn(
    join(app, 'node_modules', '.bin', 'agentos-trace-viewer'),
    [
      '--agentos',
      `local=${MOCK_ORIGIN}`,
      '--agentos',
      `second=${MOCK_ORIGIN}/`,
      '--port',
      `${VIEWER_PORT}`,
    ],
    { cwd: app, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  viewer.stdout!.on('data', (chunk: Buffer) => (viewerOutput += chunk.toString()));
  viewer.stderr!.on('data', (chunk: Buffer) => (viewerOutput += chunk.toString()));
  await Promise.all([
    waitForUrl(`${MOCK_ORIGIN}/health`, 60_000),
    waitForUrl(`${VIEWER}/config.json`, 30_000),
  ]);
});

test.afterAll(() => {
  stop(viewer);
  stop(mock);
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('the package holds the built app and the server only, and installs nothing else', () => {
  const paths = packed.files.map((file) => file.path);
  expect(paths).toContain('server/cli.js');
  expect(paths).toContain('dist/index.html');
  expect(paths).toContain('README.md');
  const unexpected = paths.filter(
    (path) =>
      !/^(dist\/|server\/[^/]+\.js$|README\.md$|LICENSE|package\.json$)/.test(path) ||
      /\.(map|ts|tsx)$/.test(path),
  );
  expect(unexpected).toEqual([]);
  // Source maps would triple it; the budget leaves room for the app to grow.
  expect(packed.size).toBeLessThan(1024 * 1024);
  // No runtime dependencies: the app is bundled, the server is Node's standard library.
  expect(installedFiles.sort()).toEqual(['.bin', '.package-lock.json', 'agentos-trace-viewer']);
  console.log(
    `${packed.filename}: ${(packed.size / 1024).toFixed(1)} kB packed, ` +
      `${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked, ${paths.length} files`,
  );
});

interface Watch {
  violations: string[];
  consoleErrors: string[];
  requests: string[];
}

async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { violations: [], consoleErrors: [], requests: [] };
  await page.exposeFunction('__reportViolation', (text: string) => seen.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation: (text: string) => void })
        .__reportViolation;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => seen.consoleErrors.push(error.message));
  page.on('request', (request) => seen.requests.push(request.url()));
  return seen;
}

test('browses list → trace → span through the proxy, with the key, under the strict policy', async ({
  page,
}) => {
  // Four screens and a reload, each answered through a second server: more than one screen's time.
  test.slow();
  const seen = await watch(page);

  await page.goto(`${VIEWER}/traces`);
  // Straight to the AgentOS from config.json, which needs the key: the app asks for it.
  await expect(page.getByRole('alert')).toContainText('This AgentOS needs a security key');
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connection settings' });
  const url = dialog.getByLabel('AgentOS URL');
  await expect(url).toHaveValue(`${VIEWER}/agentos/local`);
  // The named AgentOS the server was started with are offered.
  await expect(dialog.getByText('Offered by this server: local, second')).toBeVisible();
  const listId = await url.getAttribute('list');
  const offered = await page
    .locator(`datalist[id="${listId}"] option`)
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(offered).toEqual([`${VIEWER}/agentos/local`, `${VIEWER}/agentos/second`]);
  await dialog.getByLabel('Security key').fill(KEY);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole('table', { name: 'Traces' });
  await expect(table.getByRole('row')).toHaveCount(21);
  await table.getByRole('row').nth(1).getByRole('link').first().click();
  const grid = page.getByRole('treegrid', { name: 'Span waterfall' });
  await grid.getByRole('row').nth(2).click();
  await grid.press('Enter');
  const panel = page.getByRole('region', { name: 'Span details' });
  await expect(panel).toBeVisible();
  await expect(page).toHaveURL(/\/traces\/[^/?]+\?(.*&)?span=/);

  // A reload of the deep link is answered with the app, then the trace again through the proxy.
  await page.reload();
  await expect(panel).toBeVisible();

  expect(seen.violations, 'CSP violations').toEqual([]);
  // The browser never went to the AgentOS itself: no CORS involved.
  expect(seen.requests.filter((request) => !request.startsWith(`${VIEWER}/`))).toEqual([]);
  expect(seen.requests.some((request) => request.startsWith(`${VIEWER}/agentos/local/`))).toBe(
    true,
  );
  // The only console error is the browser's own line for the first 401, which asked for the key.
  expect(
    seen.consoleErrors.filter((line) => !line.includes('status of 401 (Unauthorized)')),
  ).toEqual([]);
  expect(viewerOutput).not.toContain(KEY);
});

test('the packaged server sends the production headers', async ({ request }) => {
  const page = await request.get(`${VIEWER}/traces`);
  const headers = page.headers();
  expect(headers['content-security-policy']).toContain("connect-src 'self';");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toBe('no-cache');

  const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
  expect(script).toBeDefined();
  const asset = await request.get(`${VIEWER}${script}`, {
    headers: { 'accept-encoding': 'br, gzip' },
  });
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['content-encoding']).toBe('br');
  expect((await request.get(`${VIEWER}/assets/missing-00000000.js`)).status()).toBe(404);
});
