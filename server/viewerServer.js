import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, connectSourcesFor } from './contentSecurityPolicy.js';
import { isLoopbackHost, PROXY_PREFIX } from './options.js';
import { DEFAULT_MAX_REQUEST_BYTES, proxyRequest, sendError } from './proxy.js';
import { loadStaticFiles, REVALIDATE, sendStaticFile } from './staticFiles.js';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./options.js').ServeOptions} ServeOptions */
/** @typedef {import('./options.js').Upstream} Upstream */

/** The build `npm run build` writes, which the package ships beside this folder. */
export const PACKAGED_DIST = fileURLToPath(new URL('../dist', import.meta.url));

/**
 * @typedef {object} ViewerServerOptions
 * @property {string} host The address it listens on; loopback ones also guard the Host header.
 * @property {Upstream[]} upstreams
 * @property {string | null} dbId
 * @property {boolean} proxy
 * @property {string} distDir
 * @property {number} maxResponseBytes
 * @property {number} [maxRequestBytes]
 * @property {(line: string) => void} [log]
 */

/**
 * The viewer's production server: the built app with its security headers, the runtime
 * config.json, and the same-origin proxy to the configured AgentOS (see docs/adr/0004).
 *
 * @param {ViewerServerOptions} options
 * @returns {import('node:http').Server}
 */
export function createViewerServer(options) {
  const log = options.log ?? ((line) => console.log(line));
  if (!existsSync(options.distDir)) {
    throw new Error(`No built viewer at ${options.distDir} (run npm run build).`);
  }
  const files = loadStaticFiles(options.distDir);
  const index = files.get('/index.html');
  if (!index) throw new Error(`No index.html in ${options.distDir} (run npm run build).`);

  const runtimeConfig = runtimeConfigFor(options);
  if (runtimeConfig !== null) {
    const body = Buffer.from(JSON.stringify(runtimeConfig, null, 2));
    files.set('/config.json', {
      body,
      type: 'application/json',
      etag: `"config-${body.length}-${Date.now().toString(36)}"`,
      cacheControl: REVALIDATE,
      isCompressible: false,
      compressed: new Map(),
    });
  }

  const securityHeaders = {
    'Content-Security-Policy': contentSecurityPolicy(connectSources(options)),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  const proxies = new Map(options.upstreams.map((upstream) => [upstream.name, upstream]));
  const limits = {
    maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    maxResponseBytes: options.maxResponseBytes,
  };
  const checksHost = isLoopbackHost(options.host);

  return createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const url = req.url ?? '/';
    if (!url.startsWith('/')) {
      sendError(res, 400, 'Bad request target.');
      return;
    }
    // Bound to this machine, it answers only to this machine's names: a web page whose domain
    // is re-pointed at 127.0.0.1 (DNS rebinding) must not read traces through the proxy.
    if (checksHost && !isLoopbackHost(hostnameOf(req.headers.host))) {
      sendError(res, 403, 'This viewer answers only to localhost (the Host header names another).');
      return;
    }

    if (options.proxy && url.startsWith(PROXY_PREFIX)) {
      const slash = url.indexOf('/', PROXY_PREFIX.length);
      const mark = url.indexOf('?', PROXY_PREFIX.length);
      const end =
        slash < 0 ? (mark < 0 ? url.length : mark) : mark < 0 ? slash : Math.min(slash, mark);
      const upstream = proxies.get(url.slice(PROXY_PREFIX.length, end));
      if (!upstream) {
        log(`refused ${req.method} ${url.split('?')[0]}: no such AgentOS`);
        sendError(res, 404, 'No AgentOS is configured at this path.');
        return;
      }
      proxyRequest(req, res, upstream, url.slice(end), limits, log);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendError(res, 405, 'The viewer serves its files with GET only.');
      return;
    }
    const path = decodedPath(url);
    const file =
      path === null ? undefined : (files.get(path) ?? (path === '/' ? index : undefined));
    if (file) {
      void sendStaticFile(req, res, file).catch(() => sendError(res, 500, 'Could not send.'));
      return;
    }
    if (path === null || looksLikeFile(path)) {
      res.writeHead(404, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': REVALIDATE,
      });
      res.end('Not found\n');
      return;
    }
    // An app route (/traces/abc): the single-page app reads the URL itself.
    void sendStaticFile(req, res, index).catch(() => sendError(res, 500, 'Could not send.'));
  });
}

/**
 * The config.json the app reads at start-up; null leaves the build's own (or none: demo data).
 * With the proxy, endpoints are paths on this server, which the app resolves against its origin.
 *
 * @param {ViewerServerOptions} options
 */
function runtimeConfigFor(options) {
  const [first] = options.upstreams;
  if (!first) return null;
  /** @param {Upstream} upstream */
  const endpointOf = (upstream) =>
    options.proxy ? upstream.proxyPath : upstream.url.href.replace(/\/+$/, '');
  return {
    endpoint: endpointOf(first),
    dbId: options.dbId,
    endpoints: options.upstreams.map((upstream) => ({
      name: upstream.name,
      endpoint: endpointOf(upstream),
    })),
  };
}

/**
 * connect-src: only this server when it proxies; the AgentOS origins when the browser calls
 * them; without any, what `vite preview` allows (the build's config.json, else loopback).
 *
 * @param {ViewerServerOptions} options
 * @returns {string[]}
 */
function connectSources(options) {
  if (options.upstreams.length === 0) return connectSourcesFor(options.distDir, options.distDir);
  if (options.proxy) return [];
  return [...new Set(options.upstreams.map((upstream) => upstream.url.origin))];
}

/**
 * @param {string | undefined} host
 * @returns {string}
 */
function hostnameOf(host) {
  if (!host) return '';
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return '';
  }
}

/**
 * The URL's path, percent-decoded; null when it cannot be (then it names no file).
 *
 * @param {string} url
 * @returns {string | null}
 */
function decodedPath(url) {
  try {
    return decodeURIComponent(url.split(/[?#]/, 1)[0] ?? '/');
  } catch {
    return null;
  }
}

/**
 * A missing asset is a 404, not the app's HTML: a browser would otherwise run index.html as a
 * script or stylesheet (refused by nosniff, but with a confusing error).
 *
 * @param {string} path
 */
function looksLikeFile(path) {
  return path.startsWith('/assets/') || FILE_EXTENSION.test(path);
}
// Only extensions a build holds, so an app route with a dot in an id still gets the app.
const FILE_EXTENSION = /\.(html|m?js|css|json|map|svg|png|ico|woff2?|txt|webmanifest)$/i;
