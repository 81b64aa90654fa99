/**
 * The benchmark's one HTTP server: the production build (static, SPA fallback to index.html),
 * a `/config.json` pointing the app at `/agentos` on the same origin, and the mock AgentOS API
 * under `/agentos/*` with the generated bench traces. Each bench trace's JSON is serialized once,
 * before measuring, from the mock database's own trace, into Buffers of 16 MB (a 1 GB answer is
 * twice what V8 can hold as one string) and then served from memory with its Content-Length, so
 * runs measure the viewer and the network, not the mock's serialization.
 */
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createAgentOsHandler } from '../scripts/agentosServer';
import { toJsonBuffers } from './jsonBuffers';

export interface BenchServerOptions {
  distDir: string;
  /** One trace each. */
  sizes: BenchSize[];
  seed?: number;
  /** 0 (default) lets the system pick a free port. */
  port?: number;
  host?: string;
}

/** A bench trace: `spans` spans, each input with a document of `inputDocumentBytes` if given. */
export interface BenchSize {
  /** How the size was asked for on the command line: `100000`, `1gb`. */
  token: string;
  spans: number;
  inputDocumentBytes?: number;
}

export interface BenchTrace extends BenchSize {
  traceId: string;
  /** Bytes of JSON the app receives for GET /traces/{id}. */
  jsonBytes: number;
}

export interface BenchServer {
  origin: string;
  traces: BenchTrace[];
  close(): Promise<void>;
}

const API_PATH = '/agentos';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

export async function createBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const host = options.host ?? '127.0.0.1';
  let route: Route = (_req, res) => void res.writeHead(503).end();
  const server = createServer((req, res) => route(req, res));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, done);
  });
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  try {
    const routes = createRoutes(origin, options);
    route = routes.route;
    return { origin, traces: routes.traces, close };
  } catch (error) {
    await close();
    throw error;
  }
}

type Route = (req: IncomingMessage, res: ServerResponse) => void;

function createRoutes(origin: string, options: BenchServerOptions) {
  const root = resolve(options.distDir);
  const agentOs = createAgentOsHandler({
    baseUrl: origin + API_PATH,
    seed: options.seed ?? 42,
    bigTraces: options.sizes.map((size) => ({ ...size, traceId: `bench-${size.token}` })),
  });
  // The bench traces' answers, as the handler's JSON.stringify would write them.
  const cached = new Map<string, Buffer[]>();
  const traces: BenchTrace[] = [];
  for (const [i, traceId] of agentOs.bigTraceIds.entries()) {
    const detail = agentOs.db.getTrace(traceId);
    if (!detail) throw new Error(`the mock has no trace ${traceId}`);
    const body = toJsonBuffers(detail);
    cached.set(`${API_PATH}/traces/${traceId}`, body);
    const jsonBytes = body.reduce((sum, chunk) => sum + chunk.length, 0);
    traces.push({ ...options.sizes[i]!, traceId, jsonBytes });
  }
  const config = Buffer.from(JSON.stringify({ endpoint: origin + API_PATH }));

  const route: Route = (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/config.json') {
      send(res, 200, config, '.json', 'no-store');
    } else if (url.pathname === API_PATH || url.pathname.startsWith(`${API_PATH}/`)) {
      const body = req.method === 'GET' && !url.search ? cached.get(url.pathname) : undefined;
      if (body) sendChunks(res, body);
      else agentOs.handle(req, res);
    } else {
      void serveStatic(root, url.pathname, res);
    }
  };
  return { route, traces };
}

async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<void> {
  try {
    const file = normalize(join(root, decodeURIComponent(pathname)));
    const isFile = file.startsWith(root + sep) && (await stat(file).catch(() => null))?.isFile();
    if (isFile) {
      const cache = pathname.startsWith('/assets/') ? 'max-age=31536000, immutable' : 'no-cache';
      send(res, 200, await readFile(file), extname(file), cache);
    } else if (extname(pathname)) {
      send(res, 404, Buffer.from('Not found'), '.txt', 'no-store');
    } else {
      // Single-page app: every route is index.html.
      send(res, 200, await readFile(join(root, 'index.html')), '.html', 'no-cache');
    }
  } catch {
    if (!res.headersSent) send(res, 400, Buffer.from('Bad request'), '.txt', 'no-store');
  }
}

function send(res: ServerResponse, status: number, body: Buffer, ext: string, cache: string) {
  res.writeHead(status, {
    'Content-Type': CONTENT_TYPES[ext] ?? 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': cache,
  });
  res.end(body);
}

/** A cached trace answer, chunk by chunk as the socket drains (1 GB is not queued at once). */
function sendChunks(res: ServerResponse, chunks: Buffer[]): void {
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES['.json'],
    'Content-Length': chunks.reduce((sum, chunk) => sum + chunk.length, 0),
    'Cache-Control': 'no-store',
  });
  // A stream of the chunks: piping waits for the socket to drain between them.
  Readable.from(chunks).pipe(res);
}
