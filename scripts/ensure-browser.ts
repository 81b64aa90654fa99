import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './findChromium.ts';

/**
 * Makes sure the end-to-end tests have a browser. Playwright cannot download its own on every
 * machine, so: use one that is there; else, as root with apt, install Debian's chromium; else
 * stop with one line that says what to do.
 */
const found = findChromium();
if (found) {
  console.log(`Browser for end-to-end tests: ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found: installing Debian’s chromium package with apt-get…');
  try {
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
      {
        stdio: 'inherit',
      },
    );
  } catch {
    // reported below
  }
  const installed = findChromium();
  if (installed) {
    console.log(`Browser for end-to-end tests: ${installed}`);
    process.exit(0);
  }
}

console.error(
  'No browser for the end-to-end tests: install Chromium (e.g. `sudo apt-get install chromium`), run `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium/Chrome binary.',
);
process.exit(1);
