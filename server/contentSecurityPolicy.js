import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Plain JavaScript (types in JSDoc, checked by tsc) because the published server runs it with
 * Node alone; `vite preview` (vite.config.ts) imports the same module, so the policy is written
 * once.
 */

/**
 * The Content-Security-Policy the production build runs under (`npm run preview` and the
 * packaged server send it; the README gives it for other servers). The build has no inline
 * script and nothing evaluates strings (zod runs `jitless`), so script-src is plain 'self'.
 * connect-src is where the viewer may fetch from: itself (config.json, the demo's mock API, the
 * packaged server's proxy) and any AgentOS it calls directly.
 *
 * @param {readonly string[]} connectSources
 * @returns {string}
 */
export function contentSecurityPolicy(connectSources) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // The one relaxation: Radix's modal dialogs lock page scroll with a <style> element that
    // react-remove-scroll writes at run time (its padding depends on the scrollbar's width, so
    // no hash fits). Style *attributes* stay blocked (style-src-attr falls back to 'self');
    // React and Recharts set styles through the DOM, which CSP does not restrict.
    "style-src-elem 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // The demo's mock API is a service worker (public/mockServiceWorker.js).
    "worker-src 'self'",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Without a configured endpoint, the user picks an AgentOS in Settings, usually a local one:
 * every port on the loopback host is allowed (AgentOS's default 7777, the mock servers the tests
 * start on other ports). A deployment with config.json gets exactly that endpoint's origin.
 */
const LOOPBACK_SOURCES = ['http://localhost:*', 'http://127.0.0.1:*'];

/**
 * The origin of `endpoint`, or null when it is not an absolute http(s) URL.
 *
 * @param {unknown} endpoint
 * @returns {string | null}
 */
function endpointOrigin(endpoint) {
  if (typeof endpoint !== 'string' || endpoint.trim() === '') return null;
  try {
    const url = new URL(endpoint.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * connect-src for a build served from `outDir`: the endpoint of its config.json (or of
 * public/config.json, which the build copies), else the loopback host.
 *
 * @param {string} outDir
 * @param {string} [publicDir]
 * @returns {string[]}
 */
export function connectSourcesFor(outDir, publicDir = 'public') {
  for (const file of [join(outDir, 'config.json'), join(publicDir, 'config.json')]) {
    if (!existsSync(file)) continue;
    try {
      /** @type {{ endpoint?: unknown }} */
      const config = JSON.parse(readFileSync(file, 'utf8'));
      const origin = endpointOrigin(config.endpoint);
      if (origin) return [origin];
    } catch {
      // Not JSON: the app ignores it too and starts on demo data.
    }
    break;
  }
  return LOOPBACK_SOURCES;
}
