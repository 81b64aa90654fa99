import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Transform, pipeline } from 'node:stream';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./options.js').Upstream} Upstream */

/**
 * @typedef {object} ProxyLimits
 * @property {number} maxRequestBytes The largest search body passed on.
 * @property {number} maxResponseBytes The largest answer passed on (counted as it streams).
 */

/** The viewer's search body is a filter tree of a few kilobytes. */
export const DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;

/** The one POST the viewer makes; everything else it reads with GET. */
const SEARCH_PATH = '/traces/search';

/**
 * What the browser may tell the AgentOS. Cookies, Origin and Referer stay here: the AgentOS must
 * not see (or trust) the viewer's origin, and it never gets the viewer's cookies.
 */
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-encoding',
  'accept-language',
  'authorization',
  'content-type',
  'if-none-match',
  'if-modified-since',
];

/**
 * What the AgentOS may tell the browser. No CORS headers (the answer is same-origin now, and an
 * `allow-origin` would let other sites read it), no cookies, no redirects to elsewhere.
 */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'cache-control',
  'etag',
  'last-modified',
  'vary',
  'retry-after',
];

/**
 * Forwards one request to `upstream`, whose proxy path has been cut from the URL: `rest` is the
 * remaining path and query (`/traces?page=1`). Only GET, and POST to the search; the answer is
 * streamed back as it arrives, never held whole in memory.
 *
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {Upstream} upstream
 * @param {string} rest
 * @param {ProxyLimits} limits
 * @param {(line: string) => void} log Gets one line per refusal or failure; never a header.
 */
export function proxyRequest(req, res, upstream, rest, limits, log) {
  const method = req.method ?? 'GET';
  const [restPath = '/', query = ''] = splitQuery(rest);
  const where = `${method} ${upstream.proxyPath}${restPath}`;

  if (method !== 'GET' && !(method === 'POST' && restPath === SEARCH_PATH)) {
    log(`refused ${where}: only GET, and POST to ${SEARCH_PATH}, are passed on`);
    res.setHeader('Allow', restPath === SEARCH_PATH ? 'GET, POST' : 'GET');
    sendError(res, 405, `The viewer’s proxy passes on only GET, and POST to ${SEARCH_PATH}.`);
    return;
  }
  const target = upstreamUrl(upstream, restPath, query);
  if (target === null) {
    log(`refused ${where}: the path leaves the AgentOS’s base path`);
    sendError(res, 400, 'This path is not passed on to the AgentOS.');
    return;
  }

  if (method === 'GET') {
    forward(req, res, upstream, target, null, limits, log, where);
    return;
  }
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    // Also forces a CORS preflight on any other site's attempt, which this server never allows.
    sendError(res, 415, 'The search body must be JSON (Content-Type: application/json).');
    return;
  }
  readBody(req, limits.maxRequestBytes, (body) => {
    if (body === null) {
      log(`refused ${where}: request body over ${limits.maxRequestBytes} bytes`);
      res.setHeader('Connection', 'close');
      sendError(res, 413, `The search body is larger than ${limits.maxRequestBytes} bytes.`);
      // Stop reading what is left of an oversized upload.
      res.on('finish', () => req.destroy());
      return;
    }
    forward(req, res, upstream, target, body, limits, log, where);
  });
}

/**
 * @param {string} rest
 * @returns {[string, string]}
 */
function splitQuery(rest) {
  const mark = rest.indexOf('?');
  return mark < 0 ? [rest || '/', ''] : [rest.slice(0, mark) || '/', rest.slice(mark)];
}

/**
 * The URL on the upstream, or null when the path would leave the upstream's base path (dot
 * segments, raw or percent-encoded, and backslashes, which some servers read as slashes).
 *
 * @param {Upstream} upstream
 * @param {string} restPath
 * @param {string} query
 * @returns {URL | null}
 */
function upstreamUrl(upstream, restPath, query) {
  if (!restPath.startsWith('/') || restPath.includes('\\')) return null;
  for (const segment of restPath.split('/')) {
    let decoded;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (decoded === '.' || decoded === '..' || decoded.includes('\\')) return null;
  }
  const base = upstream.url.href.replace(/\/+$/, '');
  // Concatenated, never resolved: `//other.host/x` stays a path on this host.
  const url = new URL(`${base}${restPath}${query}`);
  const basePath = upstream.url.pathname.replace(/\/+$/, '');
  if (url.origin !== upstream.url.origin || !url.pathname.startsWith(`${basePath}/`)) return null;
  return url;
}

/**
 * Reads a small body whole; `null` once it exceeds `maxBytes` (reading then stops).
 *
 * @param {IncomingMessage} req
 * @param {number} maxBytes
 * @param {(body: Buffer | null) => void} done
 */
function readBody(req, maxBytes, done) {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    done(null);
    return;
  }
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  let finished = false;
  /** @param {Buffer | null} body */
  const finish = (body) => {
    if (finished) return;
    finished = true;
    req.off('data', onData);
    done(body);
  };
  /** @param {Buffer} chunk */
  const onData = (chunk) => {
    size += chunk.length;
    if (size > maxBytes) finish(null);
    else chunks.push(chunk);
  };
  req.on('data', onData);
  req.on('end', () => finish(Buffer.concat(chunks)));
  req.on('error', () => {
    finished = true;
  });
}

/**
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {Upstream} upstream
 * @param {URL} target
 * @param {Buffer | null} body
 * @param {ProxyLimits} limits
 * @param {(line: string) => void} log
 * @param {string} where
 */
function forward(req, res, upstream, target, body, limits, log, where) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (body !== null) headers['content-length'] = String(body.length);

  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const outgoing = send(target, { method: req.method, headers }, (answer) => {
    const declared = Number(answer.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxResponseBytes) {
      answer.destroy();
      log(`refused ${where}: the answer is ${declared} bytes, over ${limits.maxResponseBytes}`);
      sendError(res, 502, `The AgentOS’s answer is larger than the viewer’s limit.`);
      return;
    }
    /** @type {Record<string, string | string[]>} */
    const answerHeaders = { 'cache-control': 'no-store' };
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = answer.headers[name];
      if (value !== undefined) answerHeaders[name] = value;
    }
    res.writeHead(answer.statusCode ?? 502, answerHeaders);
    pipeline(answer, byteLimit(limits.maxResponseBytes), res, (error) => {
      if (!error) return;
      if (error instanceof ResponseTooLargeError) {
        log(`cut ${where}: the answer passed ${limits.maxResponseBytes} bytes`);
      }
      // Headers are out, so the status cannot change: closing without the end of the body
      // makes the browser see a failed request rather than a short answer.
      res.destroy();
    });
  });
  outgoing.on('error', (error) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? error.message;
    log(`failed ${where}: could not reach ${upstream.url.origin} (${code})`);
    sendError(
      res,
      502,
      `The viewer’s proxy could not reach the AgentOS at ${upstream.url.origin} (${code}).`,
    );
  });
  // The browser gave up (navigation, time-out): so does the request to the AgentOS.
  res.on('close', () => {
    if (!res.writableFinished) outgoing.destroy();
  });
  outgoing.end(body ?? undefined);
}

class ResponseTooLargeError extends Error {}

/**
 * Passes bytes through until more than `maxBytes` went by, then fails.
 *
 * @param {number} maxBytes
 */
function byteLimit(maxBytes) {
  let size = 0;
  return new Transform({
    transform(chunk, _encoding, callback) {
      size += /** @type {Buffer} */ (chunk).length;
      if (size > maxBytes) callback(new ResponseTooLargeError());
      else callback(null, chunk);
    },
  });
}

/**
 * An error the viewer shows as it shows the AgentOS's own: JSON with a `detail` string.
 *
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string} detail
 */
export function sendError(res, status, detail) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ detail });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}
