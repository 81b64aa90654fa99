/**
 * A real HTTP server speaking the mock AgentOS API, for the end-to-end tests, the benchmark and
 * trying the viewer against a "remote" server. It serves the same MSW handlers as the browser
 * demo, through MSW's `getResponse`, so there is one implementation of the API.
 *
 *   npx tsx scripts/mock-server.ts --port 7787 [--key SECRET] [--seed N] [--traces 95]
 *                                  [--big 1000,10000,100000]
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { getResponse } from 'msw';
import { generateTrace } from '../src/mocks/generateTrace';
import { createHandlers } from '../src/mocks/handlers';
import { createMockDatabase } from '../src/mocks/mockDatabase';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '7787' },
    host: { type: 'string', default: '127.0.0.1' },
    key: { type: 'string' },
    seed: { type: 'string', default: '42' },
    traces: { type: 'string', default: '95' },
    big: { type: 'string', default: '' },
  },
});

const port = Number(args.port);
const seed = Number(args.seed);
const nowMs = Date.now();
const bigSizes = args.big
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);

// Benchmark traces: stable ids, a day old so they sit below the demo data in the list.
const extraTraces = bigSizes.map((spanCount) =>
  generateTrace({
    seed: seed * 31 + spanCount,
    spanCount,
    startMs: nowMs - 24 * 60 * 60 * 1000,
    traceId: `bench-${spanCount}`,
    error: false,
    orphanRoots: 0,
    droppedSpans: 0,
  }),
);

const db = createMockDatabase({ seed, traceCount: Number(args.traces), nowMs, extraTraces });
const origin = `http://${args.host}:${port}`;
const handlers = createHandlers({ baseUrl: origin, db, securityKey: args.key ?? null });

const CORS_HEADERS = {
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Max-Age': '600',
  Vary: 'Origin',
};

/** Node request → fetch Request. The URL always uses our own origin, which the handlers match. */
async function toFetchRequest(req: IncomingMessage): Promise<Request> {
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
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body });
}

async function sendFetchResponse(
  res: ServerResponse,
  response: Response,
  cors: Record<string, string>,
): Promise<void> {
  const headers: Record<string, string> = { ...cors };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

const server = createServer((req, res) => {
  const cors = { ...CORS_HEADERS, 'Access-Control-Allow-Origin': req.headers.origin ?? '*' };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors);
    res.end();
    return;
  }
  void (async () => {
    try {
      const request = await toFetchRequest(req);
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
});

server.listen(port, args.host, () => {
  console.log(`mock AgentOS listening on ${origin}`);
});
