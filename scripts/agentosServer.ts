/**
 * The mock AgentOS API over real HTTP: the same MSW handlers as the browser demo, run through
 * MSW's `getResponse`, so there is one implementation of the API. Used by scripts/mock-server.ts
 * (the end-to-end tests, trying the viewer against a "remote" server) and by the benchmark.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { TraceDetail } from '../src/api/schemas';
import { generateTrace } from '../src/mocks/generateTrace';
import { createHandlers } from '../src/mocks/handlers';
import { createMockDatabase } from '../src/mocks/mockDatabase';
import type { MockDatabase } from '../src/mocks/mockDatabase';

export interface AgentOsOptions {
  /** Where the handlers live: an origin plus an optional path, e.g. `http://127.0.0.1:7787`. */
  baseUrl: string;
  securityKey?: string | null;
  seed?: number;
  /** Generated traces in the default database. Default 95. */
  traceCount?: number;
  /**
   * Extra traces: a span count gives the id `bench-<count>`; an object names its own id and can
   * give every span input a long document (`inputDocumentBytes`, see generateTrace).
   */
  bigTraces?: (number | BigTraceSpec)[];
  nowMs?: number;
  /**
   * Origins the browser may call from, like AgentOS's `cors_allowed_origins`. Default: only
   * `http://localhost:3000`, AgentOS's own default.
   */
  corsOrigins?: string[];
}

interface BigTraceSpec {
  spans: number;
  traceId: string;
  inputDocumentBytes?: number;
}

export interface AgentOsHandler {
  db: MockDatabase;
  handlers: HttpHandler[];
  /** The trace ids of `bigTraces`, in order. */
  bigTraceIds: string[];
  /** Answers one Node request; the URL's path and query are matched against `baseUrl`. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
}

const DEFAULT_CORS_ORIGINS = ['http://localhost:3000'];

type CorsAnswer = { preflight: Response } | { headers: Record<string, string> };

/**
 * Starlette's CORSMiddleware as AgentOS configures it (credentials allowed, every method and
 * header, every header exposed), measured in src/mocks/recorded/real-agentos/cors-headers.txt:
 * a preflight from an allowed origin is 200 "OK", from another one 400 "Disallowed CORS origin";
 * a simple answer names the origin only when it is allowed, so the browser refuses the rest.
 */
function corsFor(req: IncomingMessage, allowed: readonly string[]): CorsAnswer {
  const origin = req.headers.origin;
  if (origin === undefined) return { headers: {} };
  const isAllowed = allowed.includes('*') || allowed.includes(origin);
  const requestedMethod = req.headers['access-control-request-method'];
  if (req.method === 'OPTIONS' && requestedMethod !== undefined) {
    const headers: Record<string, string> = {
      vary: 'Origin',
      'access-control-allow-methods': 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT',
      'access-control-max-age': '600',
      'access-control-allow-credentials': 'true',
      'content-type': 'text/plain; charset=utf-8',
    };
    const requestedHeaders = req.headers['access-control-request-headers'];
    if (requestedHeaders !== undefined) headers['access-control-allow-headers'] = requestedHeaders;
    if (!isAllowed) {
      return { preflight: new Response('Disallowed CORS origin', { status: 400, headers }) };
    }
    headers['access-control-allow-origin'] = origin;
    return { preflight: new Response('OK', { status: 200, headers }) };
  }
  const headers: Record<string, string> = {
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': '*',
  };
  if (isAllowed) {
    headers['access-control-allow-origin'] = origin;
    headers.vary = 'Origin';
  }
  return { headers };
}

/** The benchmark traces: stable ids, a day old so they sit below the demo data in the list. */
function generateBigTrace(spec: BigTraceSpec, seed: number, nowMs: number): TraceDetail {
  return generateTrace({
    seed: seed * 31 + spec.spans,
    spanCount: spec.spans,
    startMs: nowMs - 24 * 60 * 60 * 1000,
    traceId: spec.traceId,
    error: false,
    orphanRoots: 0,
    droppedSpans: 0,
    ...(spec.inputDocumentBytes ? { inputDocumentBytes: spec.inputDocumentBytes } : {}),
  });
}

export function createAgentOsHandler(options: AgentOsOptions): AgentOsHandler {
  const seed = options.seed ?? 42;
  const nowMs = options.nowMs ?? Date.now();
  const extraTraces = (options.bigTraces ?? []).map((big) =>
    generateBigTrace(
      typeof big === 'number' ? { spans: big, traceId: `bench-${big}` } : big,
      seed,
      nowMs,
    ),
  );
  const db = createMockDatabase({ seed, traceCount: options.traceCount ?? 95, nowMs, extraTraces });
  const handlers = createHandlers({
    baseUrl: options.baseUrl,
    db,
    securityKey: options.securityKey ?? null,
  });
  const origin = new URL(options.baseUrl).origin;
  const corsOrigins = options.corsOrigins ?? DEFAULT_CORS_ORIGINS;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const answer = corsFor(req, corsOrigins);
    if ('preflight' in answer) {
      void sendFetchResponse(res, answer.preflight);
      return;
    }
    const cors = answer.headers;
    void (async () => {
      try {
        const request = await toFetchRequest(req, origin);
        const response =
          (await getResponse(handlers, request)) ??
          Response.json({ detail: 'Not Found' }, { status: 404 });
        await sendFetchResponse(res, response, cors);
      } catch (error) {
        console.error(error);
        if (!res.headersSent) res.writeHead(500, { ...cors, 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ detail: 'Internal Server Error' }));
      }
    })();
  };

  return { db, handlers, bigTraceIds: extraTraces.map((t) => t.trace_id), handle };
}

export interface AgentOsServerOptions extends Omit<AgentOsOptions, 'baseUrl'> {
  port: number;
  host?: string;
}

/** Starts the mock AgentOS on `http://host:port`; resolves once it listens. */
export async function createAgentOsServer(
  options: AgentOsServerOptions,
): Promise<{ server: Server; origin: string }> {
  const host = options.host ?? '127.0.0.1';
  const origin = `http://${host}:${options.port}`;
  const { handle } = createAgentOsHandler({ ...options, baseUrl: origin });
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  return { server, origin };
}

/**
 * Node request → fetch Request. Given an origin, the request's own path is resolved against it
 * (our own origin, which the handlers match); given a URL, that URL is used as it is.
 */
export async function toFetchRequest(req: IncomingMessage, target: string | URL): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = new Uint8Array(Buffer.concat(chunks));
  }
  const url = typeof target === 'string' ? new URL(req.url ?? '/', target) : target;
  return new Request(url, { method, headers, body });
}

async function sendFetchResponse(
  res: ServerResponse,
  response: Response,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const headers: Record<string, string> = { ...extraHeaders };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}
