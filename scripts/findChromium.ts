import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The browser the end-to-end tests and the benchmark drive. Order: $CHROMIUM_PATH, a system
 * Chromium or Chrome (Debian's `chromium` package on machines that cannot download browsers),
 * then Playwright's own downloaded browser. `null` when there is none.
 */
export function findChromium(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return playwrightOwnChromium();
}

function playwrightOwnChromium(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as { chromium: { executablePath(): string } };
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Flags for headless Chromium on a locked-down machine (root, no GPU, closed network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
