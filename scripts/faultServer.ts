/**
 * A misbehaving AgentOS for the end-to-end tests of failing servers (issue 6). Point the viewer's
 * "AgentOS URL" at `http://127.0.0.1:7797/<scenario>` and every request under it fails that way:
 *
 *   ok          valid answers (the MSW handlers of src/mocks, like the mock server)
 *   s401        a protected AgentOS: 401 without the key given by --key, valid answers with it
 *   s403        403 {"detail": "..."}             s404  404 {"detail": "Not Found"}
 *   s422        FastAPI's array detail            s500  500 "database is locked"
 *   html502     a proxy's HTML error page, 502    html200  200 with a text/html login page
 *   nocors      valid JSON without CORS headers, so the browser refuses it
 *   hang        never answers (sockets are closed on shutdown)
 *   bad-schema  a list whose data[3].start_time is a number, a trace with a wrong value deep in
 *               its tree (the broken JSON path is in the X-Fault-Path header), sessions with a
 *               string count
 *   extras      valid answers plus unknown fields and an unknown span type, which must be shown
 *   flaky       500 for the first two requests of each method and path, then valid answers
 *   gate        valid answers, but a trace's second half waits until the test opens the gate
 *               (`GET <prefix>/_open`, with the same `/count/<tag>` prefix; it stays open)
 *   cut         a trace cut off at 60 % of its JSON, with a Content-Length that says so (a
 *               proxy that capped it)
 *   bad-late    a trace whose last span two levels down (in the order it is sent) has a number
 *               for a duration; the path is in the X-Fault-Path header
 *   huge        a trace whose first span's input is one string longer than a browser can hold
 *               (V8's limit is 2^29 - 24 characters), sent in 1 MB writes
 *   hugefield   the same string in the first span's metadata, a field read as text
 *
 * Every request is counted by method and full path; `GET /count/_stats` returns
 * `{requests, abandoned}` (abandoned: the client closed the connection before the answer).
 * A `/count/<tag>` prefix in front of any scenario (`/count/t1/s403`) changes nothing but the
 * path, so parallel tests keep their counts (and the flaky state) apart.
 *
 *   npx tsx scripts/faultServer.ts --port 7797 --key SECRET
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { getResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { createHandlers } from '../src/mocks/handlers';
import { createMockDatabase } from '../src/mocks/mockDatabase';
import { toFetchRequest } from './agentosServer.ts';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.E2E_FAULT_PORT ?? '7797' },
    host: { type: 'string', default: '127.0.0.1' },
    key: { type: 'string', default: 'fault-key' },
  },
});

const host = args.host;
const port = Number(args.port);
const origin = `http://${host}:${port}`;

const db = createMockDatabase({ nowMs: Date.now() });
const openHandlers = createHandlers({ baseUrl: origin, db });
const keyedHandlers = createHandlers({ baseUrl: origin, db, securityKey: args.key });

const requests = new Map<string, number>();
const abandoned = new Map<string, number>();
const bump = (counts: Map<string, number>, key: string) =>
  counts.set(key, (counts.get(key) ?? 0) + 1);

type Json = Record<string, unknown>;
type Transform = (json: unknown, apiPath: string, headers: Record<string, string>) => unknown;

const PROXY_502 = `<!DOCTYPE html>
<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.27.0</center>
</body>
</html>
`;

const LOGIN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in · Example Corp SSO</title></head>
<body><form method="post" action="/login"><input name="user"><button>Sign in</button></form>
<script>alert('this page must never run')</script></body>
</html>
`;

const VALIDATION_422 = {
  detail: [
    {
      type: 'greater_than_equal',
      loc: ['query', 'limit'],
      msg: 'Input should be greater than or equal to 1',
      input: '0',
      ctx: { ge: 1 },
    },
    {
      type: 'int_parsing',
      loc: ['query', 'page'],
      msg: 'Input should be a valid integer, unable to parse string as an integer',
      input: 'first',
    },
  ],
};

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', origin);
  const method = req.method ?? 'GET';
  const cors = corsHeaders(req);

  if (url.pathname === '/_ready') return send(res, 200, { 'Content-Type': 'text/plain' }, 'ok');
  if (url.pathname.endsWith('/_open')) {
    openGate(url.pathname.slice(0, -'/_open'.length));
    return send(res, 200, { ...cors, 'Content-Type': 'text/plain' }, 'open');
  }
  if (url.pathname === '/count/_stats') {
    return sendJson(res, 200, cors, {
      requests: Object.fromEntries(requests),
      abandoned: Object.fromEntries(abandoned),
    });
  }

  const counted = `${method} ${url.pathname}`;
  bump(requests, counted);
  res.on('close', () => {
    if (!res.writableFinished) bump(abandoned, counted);
  });

  const rest = url.pathname.replace(/^\/count\/[^/]+/, '');
  const [, scenario = '', ...tail] = rest.split('/');
  const apiPath = `/${tail.join('/')}`;
  const withCors = scenario === 'nocors' ? {} : cors;

  if (method === 'OPTIONS') return send(res, 204, withCors, '');

  switch (scenario) {
    case 'ok':
    case 'nocors':
      return delegate(req, res, openHandlers, apiPath + url.search, withCors);
    case 's401':
      return delegate(req, res, keyedHandlers, apiPath + url.search, cors);
    case 's403':
      return sendJson(res, 403, cors, {
        detail: 'Insufficient permissions: this token may not read traces',
      });
    case 's404':
      return sendJson(res, 404, cors, { detail: 'Not Found' });
    case 's422':
      return sendJson(res, 422, cors, VALIDATION_422);
    case 's500':
      return sendJson(res, 500, cors, {
        detail: 'Error retrieving traces: database is locked',
        error_code: 'INTERNAL_SERVER_ERROR',
      });
    case 'html502':
      return send(res, 502, { ...cors, 'Content-Type': 'text/html' }, PROXY_502);
    case 'html200':
      return send(res, 200, { ...cors, 'Content-Type': 'text/html; charset=utf-8' }, LOGIN_PAGE);
    case 'hang':
      return; // Never answers; the client gives up, or shutdown closes the socket.
    case 'bad-schema':
      return delegate(req, res, openHandlers, apiPath + url.search, cors, breakSchema);
    case 'extras':
      return delegate(req, res, openHandlers, apiPath + url.search, cors, addExtras);
    case 'gate':
      return delegate(req, res, openHandlers, apiPath + url.search, cors, undefined, (body, out) =>
        sendGated(res, body, out, /^\/count\/[^/]+/.exec(url.pathname)?.[0] ?? ''),
      );
    case 'cut':
      return delegate(req, res, openHandlers, apiPath + url.search, cors, undefined, (body, out) =>
        sendCut(res, body, out),
      );
    case 'bad-late':
      return delegate(req, res, openHandlers, apiPath + url.search, cors, breakLastSpan);
    case 'huge':
    case 'hugefield':
      return delegate(
        req,
        res,
        openHandlers,
        apiPath + url.search,
        cors,
        markHuge(scenario === 'huge' ? 'input' : 'metadata'),
        (body, out) => sendHuge(res, body, out),
      );
    case 'flaky':
      if ((requests.get(counted) ?? 0) <= 2) {
        return sendJson(res, 500, cors, {
          detail: `Service temporarily unavailable (attempt ${requests.get(counted)})`,
        });
      }
      return delegate(req, res, openHandlers, apiPath + url.search, cors);
    default:
      return sendJson(res, 404, cors, { detail: `No fault scenario "${scenario}"` });
  }
}

/** Answers with the mock AgentOS, optionally changing the JSON first. */
function delegate(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: HttpHandler[],
  pathAndQuery: string,
  headers: Record<string, string>,
  transform?: Transform,
  /** Writes a trace's body (after the headers), for the scenarios that send it oddly. */
  sendTrace?: (body: Buffer, headers: Record<string, string>) => void,
): void {
  void (async () => {
    try {
      const request = await toFetchRequest(req, new URL(pathAndQuery, origin));
      const response =
        (await getResponse(handlers, request)) ??
        Response.json({ detail: 'Not Found' }, { status: 404 });
      const out: Record<string, string> = { ...headers, 'Content-Type': 'application/json' };
      const text = await response.text();
      const body =
        transform && response.ok
          ? JSON.stringify(transform(JSON.parse(text), new URL(request.url).pathname, out))
          : text;
      if (sendTrace && response.ok && /^\/traces\/[^/]+$/.test(new URL(request.url).pathname)) {
        sendTrace(Buffer.from(body), out);
        return;
      }
      send(res, response.status, out, body);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, headers, { detail: 'Fault server failure' });
    }
  })();
}

/** The wrong values a buggy server or proxy might send, each at a known JSON path. */
const breakSchema: Transform = (json, apiPath, headers) => {
  const body = json as Json;
  if (apiPath === '/traces' || apiPath === '/traces/search') {
    const item = (body.data as Json[])[3];
    if (item) {
      item.start_time = 1763549400; // epoch seconds instead of ISO 8601
      headers['X-Fault-Path'] = '$.data[3].start_time';
    }
  } else if (apiPath === '/trace_session_stats') {
    const item = (body.data as Json[])[0];
    if (item) {
      item.total_traces = 'seven';
      headers['X-Fault-Path'] = '$.data[0].total_traces';
    }
  } else if (/^\/traces\/[^/]+$/.test(apiPath) && Array.isArray(body.tree)) {
    // The first span three levels down (or the deepest there is) gets a number for a time.
    const deepest = deepestSpan(body.tree as Json[], 3);
    if (deepest) {
      deepest.node.end_time = 1763549401;
      headers['X-Fault-Path'] = `${deepest.path}.end_time`;
    }
  }
  return body;
};

/** Depth-first: the first span at `maxDepth` below a root, else the deepest one. */
function deepestSpan(roots: Json[], maxDepth: number): { node: Json; path: string } | null {
  let best: { node: Json; path: string; depth: number } | null = null;
  const stack = roots.map((node, i) => ({ node, path: `$.tree[${i}]`, depth: 0 })).reverse();
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (!best || at.depth > best.depth) best = at;
    if (at.depth === maxDepth) break;
    const children = (at.node.spans as Json[] | undefined) ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i]!, path: `${at.path}.spans[${i}]`, depth: at.depth + 1 });
    }
  }
  return best;
}

/** Every span, in the order the JSON sends them, with its JSON path and depth. */
function spansInOrder(roots: Json[]): { node: Json; path: string; depth: number }[] {
  const out: { node: Json; path: string; depth: number }[] = [];
  const stack = roots.map((node, i) => ({ node, path: `$.tree[${i}]`, depth: 0 })).reverse();
  while (stack.length > 0) {
    const at = stack.pop()!;
    out.push(at);
    const children = (at.node.spans as Json[] | undefined) ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i]!, path: `${at.path}.spans[${i}]`, depth: at.depth + 1 });
    }
  }
  return out;
}

/**
 * The last span sent at least two levels down gets a number for its duration: a fault near the
 * end of the stream, deep in the tree.
 */
const breakLastSpan: Transform = (json, apiPath, headers) => {
  const body = json as Json;
  if (/^\/traces\/[^/]+$/.test(apiPath) && Array.isArray(body.tree)) {
    const spans = spansInOrder(body.tree as Json[]);
    const last = spans.findLast((span) => span.depth >= 2) ?? spans.at(-1);
    if (last) {
      last.node.duration = 12;
      headers['X-Fault-Path'] = `${last.path}.duration`;
    }
  }
  return body;
};

const gateWaiters = new Map<string, (() => void)[]>();
const openGates = new Set<string>();

function openGate(prefix: string): void {
  openGates.add(prefix);
  for (const release of gateWaiters.get(prefix) ?? []) release();
  gateWaiters.delete(prefix);
}

const HUGE_MARKER = 'huge-input-goes-here';
/** Over V8's longest string (2^29 - 24 UTF-16 units), by a margin. */
const HUGE_CHARS = 2 ** 29 + 8 * 2 ** 20;

/** Marks the first span's `field` (its input: kept as bytes; its metadata: read as text). */
const markHuge =
  (field: 'input' | 'metadata'): Transform =>
  (json) => {
    const body = json as Json;
    const first = Array.isArray(body.tree) ? (body.tree[0] as Json | undefined) : undefined;
    if (first) first[field] = field === 'input' ? HUGE_MARKER : { note: HUGE_MARKER };
    return body;
  };

/** The trace with its marked input replaced by HUGE_CHARS letters, written as the socket drains. */
function sendHuge(res: ServerResponse, body: Buffer, headers: Record<string, string>): void {
  const text = body.toString();
  const at = text.indexOf(`"${HUGE_MARKER}"`);
  if (at === -1) return send(res, 200, headers, text);
  const head = Buffer.from(`${text.slice(0, at)}"`);
  const tail = Buffer.from(`"${text.slice(at + HUGE_MARKER.length + 2)}`);
  res.writeHead(200, {
    ...headers,
    'Content-Length': String(head.length + HUGE_CHARS + tail.length),
  });
  // eslint-disable-next-line no-restricted-syntax -- a Node response, not a document
  res.write(head);
  const block = Buffer.alloc(2 ** 20, 'x');
  let left = HUGE_CHARS;
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      const piece = left >= block.length ? block : block.subarray(0, left);
      left -= piece.length;
      // eslint-disable-next-line no-restricted-syntax -- a Node response, not a document
      if (!res.write(piece)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}

/** A trace cut off at 60 % of its JSON, its Content-Length saying so (a proxy's size cap). */
function sendCut(res: ServerResponse, body: Buffer, headers: Record<string, string>): void {
  const cut = body.subarray(0, Math.floor(body.length * 0.6));
  res.writeHead(200, { ...headers, 'Content-Length': String(cut.length) });
  res.end(cut);
}

/** The first half of `body` now, in 16 kB writes; the rest once the gate of `prefix` opens. */
function sendGated(
  res: ServerResponse,
  body: Buffer,
  headers: Record<string, string>,
  prefix: string,
): void {
  res.writeHead(200, { ...headers, 'Content-Length': String(body.length) });
  const half = Math.floor(body.length / 2);
  for (let at = 0; at < half; at += 16_384) {
    // eslint-disable-next-line no-restricted-syntax -- a Node response, not a document
    res.write(body.subarray(at, Math.min(at + 16_384, half)));
  }
  const finish = () => {
    if (!res.destroyed) res.end(body.subarray(half));
  };
  if (openGates.has(prefix)) finish();
  else gateWaiters.set(prefix, [...(gateWaiters.get(prefix) ?? []), finish]);
}

/** Fields and span kinds this viewer has never heard of: accepted and shown, not rejected. */
const addExtras: Transform = (json, apiPath) => {
  const body = json as Json;
  if (Array.isArray(body.data)) {
    for (const item of body.data as Json[]) {
      item.cost_usd = 0.0042;
      item.x_region = 'eu-west-1';
    }
    body.meta = { ...(body.meta as Json), next_cursor: 'abc' };
  }
  if (/^\/traces\/[^/]+$/.test(apiPath) && Array.isArray(body.tree)) {
    body.x_trace_flags = ['sampled'];
    const root = (body.tree as Json[])[0];
    const child = (root?.spans as Json[] | undefined)?.[0];
    if (child) {
      child.type = 'QUANTUM_ROUTER';
      child.routing_votes = { a: 3, b: 1 };
    }
  }
  return body;
};

function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Expose-Headers': 'X-Fault-Path',
    Vary: 'Origin',
  };
}

function sendJson(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
): void {
  send(res, status, { ...headers, 'Content-Type': 'application/json' }, JSON.stringify(body));
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

const server = createServer(handle);
const sockets = new Set<Socket>();
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});

function shutdown(): void {
  server.close();
  // `hang` requests hold their sockets open: close them, or the process would wait forever.
  for (const socket of sockets) socket.destroy();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

server.listen(port, host, () => console.log(`fault AgentOS listening on ${origin}`));
