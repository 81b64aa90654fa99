import { parseArgs } from 'node:util';

/**
 * @typedef {object} Upstream An AgentOS the server proxies to (or lets the browser call).
 * @property {string} name Shown in Settings; also the proxy's path segment.
 * @property {URL} url Absolute http(s) URL, no credentials, query or fragment.
 * @property {string} proxyPath Where the proxy serves it: `/agentos/<name>`.
 */

/**
 * @typedef {object} ServeOptions
 * @property {number} port
 * @property {string} host
 * @property {Upstream[]} upstreams
 * @property {string | null} dbId
 * @property {boolean} proxy False with `--no-proxy`: the browser calls the AgentOS directly.
 * @property {string | null} distDir Null means the build shipped beside the server.
 * @property {number} maxResponseBytes
 */

const DEFAULT_PORT = 3000;
const DEFAULT_HOST = '127.0.0.1';
export const PROXY_PREFIX = '/agentos/';
/** A 100,000-span trace is about 100 MB of JSON; ten times that is surely a mistake. */
const DEFAULT_MAX_RESPONSE_MB = 1024;

export const USAGE = `Usage: agentos-trace-viewer [options]

Serves the AgentOS Trace Viewer and, by default, a same-origin proxy to your AgentOS.

  --agentos [NAME=]URL   an AgentOS to read traces from; repeat it to offer several in
                         Settings (the first is the default), e.g. --agentos prod=https://os.example.com
  --db-id ID             the database to open first (default: the AgentOS's own default)
  --port N               port to listen on (default ${DEFAULT_PORT})
  --host HOST            address to listen on (default ${DEFAULT_HOST}, this machine only)
  --no-proxy             let the browser call the AgentOS directly (it must allow this origin
                         in its CORS settings)
  --max-response-mb N    largest AgentOS answer the proxy passes on (default ${DEFAULT_MAX_RESPONSE_MB})
  --dist DIR             serve another build of the viewer instead of the packaged one
  -h, --help             this help
  -v, --version          the version

Without --agentos the viewer starts on demo data, and Settings takes any local AgentOS URL.`;

export class UsageError extends Error {
  name = 'UsageError';
}

/** Letters, digits, dot, dash, underscore: safe in a URL path and readable in Settings. */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/**
 * Reads the command line. Throws UsageError with a message meant for the user.
 *
 * @param {string[]} argv The arguments after `node script`.
 * @returns {{ help: true } | { version: true } | { options: ServeOptions }}
 */
export function parseCommandLine(argv) {
  const values = readArgs(argv);
  if (values.help) return { help: true };
  if (values.version) return { version: true };

  const upstreams = parseUpstreams(values.agentos ?? []);
  const dbId = values['db-id']?.trim() || null;
  if (dbId !== null && upstreams.length === 0) {
    throw new UsageError('--db-id needs an --agentos to apply to.');
  }
  return {
    options: {
      port: parsePort(values.port),
      host: values.host?.trim() || DEFAULT_HOST,
      upstreams,
      dbId,
      proxy: !values['no-proxy'],
      distDir: values.dist ?? null,
      maxResponseBytes: parseMegabytes(values['max-response-mb']) * 1024 * 1024,
    },
  };
}

const OPTION_SPEC = /** @type {const} */ ({
  agentos: { type: 'string', multiple: true },
  'db-id': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'no-proxy': { type: 'boolean' },
  'max-response-mb': { type: 'string' },
  dist: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
});

/** @param {string[]} argv */
function readArgs(argv) {
  try {
    return parseArgs({ args: argv, options: OPTION_SPEC, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * @param {string | undefined} text
 * @returns {number}
 */
function parsePort(text) {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || port > 65535) {
    throw new UsageError(`--port ${text}: give a port number from 0 to 65535.`);
  }
  return port;
}

/**
 * @param {string | undefined} text
 * @returns {number}
 */
function parseMegabytes(text) {
  if (text === undefined) return DEFAULT_MAX_RESPONSE_MB;
  const megabytes = Number(text);
  if (!Number.isFinite(megabytes) || megabytes <= 0) {
    throw new UsageError(`--max-response-mb ${text}: give a positive number of megabytes.`);
  }
  return megabytes;
}

/**
 * `[NAME=]URL` values → upstreams with unique names. An unnamed URL is named after its host
 * and port (`localhost-7777`), which is what a user would call it.
 *
 * @param {string[]} values
 * @returns {Upstream[]}
 */
export function parseUpstreams(values) {
  /** @type {Upstream[]} */
  const upstreams = [];
  for (const value of values) {
    const { name, urlText } = splitName(value.trim());
    const url = parseUpstreamUrl(urlText);
    const finalName = name ?? defaultName(url);
    if (upstreams.some((other) => other.name === finalName)) {
      throw new UsageError(
        `--agentos ${value}: the name "${finalName}" is taken; name each one, e.g. --agentos staging=${url.href}`,
      );
    }
    upstreams.push({ name: finalName, url, proxyPath: `${PROXY_PREFIX}${finalName}` });
  }
  return upstreams;
}

/**
 * `name=URL` or a bare URL. A URL's own `=` (in a query) cannot be mistaken for a name: the part
 * before it would hold `:`.
 *
 * @param {string} value
 * @returns {{ name: string | null, urlText: string }}
 */
function splitName(value) {
  const equals = value.indexOf('=');
  const before = equals > 0 ? value.slice(0, equals) : '';
  if (equals < 0 || before.includes(':') || before.includes('/')) {
    return { name: null, urlText: value };
  }
  if (!NAME_PATTERN.test(before)) {
    throw new UsageError(
      `--agentos ${value}: a name is up to 40 letters, digits, ".", "-" or "_", starting with a letter or digit.`,
    );
  }
  return { name: before, urlText: value.slice(equals + 1).trim() };
}

/**
 * @param {string} text
 * @returns {URL}
 */
function parseUpstreamUrl(text) {
  /** @type {URL} */
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--agentos ${text}: not a URL; give one like http://localhost:7777`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--agentos ${text}: only http:// and https:// URLs are supported.`);
  }
  // Credentials in the URL would be sent on every request and printed at start-up; the
  // security key belongs in Settings, which sends it as a header.
  if (url.username || url.password) {
    throw new UsageError(
      `--agentos: leave credentials out of the URL; enter the security key in Settings.`,
    );
  }
  if (url.search || url.hash) {
    throw new UsageError(`--agentos ${text}: give the AgentOS's base URL, without ? or #.`);
  }
  url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  return url;
}

/**
 * @param {URL} url
 * @returns {string}
 */
function defaultName(url) {
  const host = url.hostname.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '');
  return (url.port ? `${host}-${url.port}` : host).slice(0, 40);
}

/** @param {string} host */
export function isLoopbackHost(host) {
  return (
    host === 'localhost' ||
    host === '::1' ||
    host === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host.endsWith('.localhost')
  );
}
