// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseUpstreams } from './options.js';
import { createViewerServer } from './viewerServer.js';

const KEY = 'sk-test-7f3a9c-do-not-log';
const MAX_REQUEST_BYTES = 100;
const MAX_RESPONSE_BYTES = 1000;
const ASSET = '/assets/index-AbC12_xY.js';
const ASSET_SOURCE = `export const answer = ${JSON.stringify('x'.repeat(4000))};\n`;
const INDEX_HTML =
  '<!doctype html><title>viewer</title><script type="module" src="/assets/index-AbC12_xY.js"></script>';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let distDir: string;
let upstream: Server;
let upstreamOrigin: string;
let downOrigin: string;
const seen: Seen[] = [];
const logs: string[] = [];
let releaseStream: () => void = () => {};

/** A stand-in AgentOS under the base path /os, recording what reaches it. */
function startUpstream(): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const path = (req.url ?? '').replace(/^\/os/, '').split('?')[0];
      if (path === '/traces') {
        res.writeHead(200, {
          'content-type': 'application/json',
          'access-control-allow-origin': '*',
          'set-cookie': 'session=upstream',
          location: 'https://elsewhere.example/',
        });
        res.end(JSON.stringify({ data: [], meta: { page: 1 } }));
      } else if (path === '/traces/search') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ received: JSON.parse(body) as unknown }));
      } else if (path === '/declared-big') {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': MAX_RESPONSE_BYTES + 1,
        });
        res.end(Buffer.alloc(MAX_RESPONSE_BYTES + 1, 'a'));
      } else if (path === '/chunked-big') {
        res.writeHead(200, { 'content-type': 'application/json' });
        // Three chunks and no length: only counting can tell that it is too big.
        Readable.from([600, 600, 600].map((size) => Buffer.alloc(size, 'b'))).pipe(res);
      } else if (path === '/stream') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const parts = new PassThrough();
        parts.pipe(res);
        parts.push('{"first": ');
        // Finishes only when the test says so: the proxy must pass the first part on before.
        releaseStream = () => parts.end('1}');
      } else if (path === '/unauthorized') {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ detail: 'Invalid authentication token' }));
      } else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ detail: 'Not Found' }));
      }
    });
  });
  return listen(server);
}

async function listen(server: Server): Promise<Server> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function originOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startViewer(proxy: boolean): Promise<Server> {
  return listen(
    createViewerServer({
      host: '127.0.0.1',
      upstreams: parseUpstreams([`local=${upstreamOrigin}/os`, `down=${downOrigin}`]),
      dbId: 'traces-db',
      proxy,
      distDir,
      maxRequestBytes: MAX_REQUEST_BYTES,
      maxResponseBytes: MAX_RESPONSE_BYTES,
      log: (line) => logs.push(line),
    }),
  );
}

/** A raw HTTP request: the path is sent as written and the body is not decoded. */
function send(
  server: Server,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer[] } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: (server.address() as AddressInfo).port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (Array.isArray(options.body)) Readable.from(options.body).pipe(req);
    else req.end(options.body);
  });
}

const json = (answer: Answer) => JSON.parse(answer.body.toString()) as Record<string, unknown>;
const withKey = (headers: Record<string, string> = {}) => ({
  authorization: `Bearer ${KEY}`,
  ...headers,
});

let viewer: Server;

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'viewer-dist-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(join(distDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(distDir, ASSET.slice(1)), ASSET_SOURCE);
  writeFileSync(join(distDir, 'mockServiceWorker.js'), '/* worker */');
  upstream = await startUpstream();
  upstreamOrigin = originOf(upstream);
  // A port nothing listens on: an AgentOS that is down.
  const closed = await listen(createServer());
  downOrigin = originOf(closed);
  await new Promise((resolve) => closed.close(resolve));
  viewer = await startViewer(true);
});

afterAll(async () => {
  releaseStream();
  await new Promise((resolve) => viewer.close(resolve));
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
  rmSync(distDir, { recursive: true, force: true });
});

beforeEach(() => {
  seen.length = 0;
});

describe('the proxy', () => {
  it('forwards a GET to the configured AgentOS, with the key, and passes the answer back', async () => {
    const answer = await send(viewer, '/agentos/local/traces?page=1&limit=20', {
      headers: withKey({
        accept: 'application/json',
        cookie: 'viewer=1',
        origin: 'https://other.example',
      }),
    });
    expect(answer.status).toBe(200);
    expect(json(answer)).toEqual({ data: [], meta: { page: 1 } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/os/traces?page=1&limit=20' });
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[0]!.headers.host).toBe(new URL(upstreamOrigin).host);
    // The AgentOS sees neither the browser's cookies nor the page's origin.
    expect(seen[0]!.headers.cookie).toBeUndefined();
    expect(seen[0]!.headers.origin).toBeUndefined();
    // Nothing that would let another site read the answer, set a cookie or send the browser away.
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.headers.location).toBeUndefined();
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('passes the AgentOS’s own errors through, status and body', async () => {
    const answer = await send(viewer, '/agentos/local/unauthorized', { headers: withKey() });
    expect(answer.status).toBe(401);
    expect(json(answer)).toEqual({ detail: 'Invalid authentication token' });
  });

  it('forwards the search POST with its JSON body', async () => {
    const filter = JSON.stringify({ filter: { op: 'EQ', key: 'status', value: 'ERROR' } });
    const answer = await send(viewer, '/agentos/local/traces/search?page=1', {
      method: 'POST',
      headers: withKey({ 'content-type': 'application/json' }),
      body: filter,
    });
    expect(answer.status).toBe(200);
    expect(json(answer)).toEqual({ received: JSON.parse(filter) as unknown });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/os/traces/search?page=1',
      body: filter,
    });
  });

  it('refuses an AgentOS it was not started with', async () => {
    for (const path of [
      '/agentos/other/traces',
      '/agentos/http:%2F%2Fevil.example/traces',
      '/agentos/127.0.0.1:9/traces',
    ]) {
      const answer = await send(viewer, path);
      expect(answer.status, path).toBe(404);
      expect(json(answer).detail).toBe('No AgentOS is configured at this path.');
    }
    // A request target that is a whole URL (what a forward proxy gets) is not one either.
    expect((await send(viewer, 'http://evil.example/agentos/local/traces')).status).toBe(400);
    expect(seen).toEqual([]);
  });

  it('keeps requests inside the AgentOS’s base path and on its host', async () => {
    for (const path of [
      '/agentos/local/../secret',
      '/agentos/local/%2e%2e/secret',
      '/agentos/local/traces/%2E%2E/%2e%2e/secret',
      '/agentos/local/traces\\..\\..\\secret',
    ]) {
      expect((await send(viewer, path)).status, path).toBe(400);
    }
    expect(seen).toEqual([]);
    // `//host` after the prefix stays a path on the configured AgentOS.
    await send(viewer, '/agentos/local//evil.example/traces');
    expect(seen.map((request) => [request.url, request.headers.host])).toEqual([
      ['/os//evil.example/traces', new URL(upstreamOrigin).host],
    ]);
  });

  it('passes on only GET, and POST to the search', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await send(viewer, '/agentos/local/traces', { method, headers: withKey() });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET');
    }
    for (const path of [
      '/agentos/local/traces',
      '/agentos/local/sessions',
      '/agentos/local/agents/a/runs',
    ]) {
      const answer = await send(viewer, path, {
        method: 'POST',
        headers: withKey({ 'content-type': 'application/json' }),
        body: '{}',
      });
      expect(answer.status, path).toBe(405);
    }
    const deleteSearch = await send(viewer, '/agentos/local/traces/search', { method: 'DELETE' });
    expect(deleteSearch.headers.allow).toBe('GET, POST');
    expect(seen).toEqual([]);
  });

  it('refuses a search body that is not JSON, which no other site could send without asking', async () => {
    const answer = await send(viewer, '/agentos/local/traces/search', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(answer.status).toBe(415);
    expect(seen).toEqual([]);
  });

  it('refuses an oversized search body, declared or streamed', async () => {
    const big = JSON.stringify({ filter: 'x'.repeat(MAX_REQUEST_BYTES) });
    const declared = await send(viewer, '/agentos/local/traces/search', {
      method: 'POST',
      headers: withKey({ 'content-type': 'application/json' }),
      body: big,
    });
    expect(declared.status).toBe(413);
    // Chunked: no length up front, so the proxy must count.
    const streamed = await send(viewer, '/agentos/local/traces/search', {
      method: 'POST',
      headers: withKey({ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }),
      body: [Buffer.from(big.slice(0, 60)), Buffer.from(big.slice(60))],
    });
    expect(streamed.status).toBe(413);
    expect(json(streamed).detail).toBe(
      `The search body is larger than ${MAX_REQUEST_BYTES} bytes.`,
    );
    expect(seen).toEqual([]);
  });

  it('refuses an answer whose declared size is over the limit', async () => {
    const answer = await send(viewer, '/agentos/local/declared-big');
    expect(answer.status).toBe(502);
    expect(json(answer).detail).toBe('The AgentOS’s answer is larger than the viewer’s limit.');
  });

  it('cuts an answer off once it streams past the limit, so it fails rather than looks complete', async () => {
    await expect(send(viewer, '/agentos/local/chunked-big')).rejects.toThrow(
      /aborted|socket hang up/,
    );
  });

  it('streams an answer through as it arrives', async () => {
    const firstPart = await new Promise<string>((resolve, reject) => {
      const req = request(`${originOf(viewer)}/agentos/local/stream`, (res) => {
        res.once('data', (chunk: Buffer) => resolve(chunk.toString()));
        res.on('end', () => undefined);
      });
      req.on('error', reject);
      req.end();
    });
    // The AgentOS has not finished the answer, yet its beginning is already here.
    expect(firstPart).toBe('{"first": ');
    releaseStream();
  });

  it('says which AgentOS it could not reach', async () => {
    const answer = await send(viewer, '/agentos/down/traces', { headers: withKey() });
    expect(answer.status).toBe(502);
    expect(json(answer).detail).toMatch(
      new RegExp(
        `^The viewer’s proxy could not reach the AgentOS at ${downOrigin} \\(ECONNREFUSED\\)`,
      ),
    );
  });

  it('never logs the security key', async () => {
    logs.length = 0;
    const headers = withKey({ 'content-type': 'application/json' });
    await send(viewer, '/agentos/local/traces', { headers });
    await send(viewer, '/agentos/local/traces', { method: 'PUT', headers });
    await send(viewer, '/agentos/down/traces', { headers });
    await send(viewer, '/agentos/local/declared-big', { headers });
    await send(viewer, '/agentos/local/traces/search', {
      method: 'POST',
      headers,
      body: 'x'.repeat(500),
    });
    await send(viewer, '/agentos/nowhere/traces', { headers });
    // Something was logged (the refusals and the failure), none of it the key.
    expect(logs.length).toBeGreaterThanOrEqual(5);
    for (const line of logs) expect(line).not.toContain(KEY);
  });

  it('answers only to this machine’s names when bound to it (no DNS rebinding)', async () => {
    const answer = await send(viewer, '/agentos/local/traces', {
      headers: { host: `attacker.example:${(viewer.address() as AddressInfo).port}` },
    });
    expect(answer.status).toBe(403);
    expect(seen).toEqual([]);
    const local = await send(viewer, '/agentos/local/traces', {
      headers: { host: 'localhost:3000' },
    });
    expect(local.status).toBe(200);
  });
});

describe('the app’s files', () => {
  const SECURITY_HEADERS = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };

  it('sends the strict policy, with connect-src only itself, and the security headers on every answer', async () => {
    for (const path of [
      '/',
      '/traces/abc',
      ASSET,
      '/config.json',
      '/missing.js',
      '/agentos/local/traces',
    ]) {
      const { headers } = await send(viewer, path);
      expect(headers, path).toMatchObject(SECURITY_HEADERS);
      const policy = String(headers['content-security-policy']);
      expect(policy, path).toContain("script-src 'self';");
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(
        policy.split('; ').find((part) => part.startsWith('connect-src')),
        path,
      ).toBe("connect-src 'self'");
    }
  });

  it('generates config.json pointing the app at the proxy, with the named choices', async () => {
    const answer = await send(viewer, '/config.json');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(json(answer)).toEqual({
      endpoint: '/agentos/local',
      dbId: 'traces-db',
      endpoints: [
        { name: 'local', endpoint: '/agentos/local' },
        { name: 'down', endpoint: '/agentos/down' },
      ],
    });
  });

  it('caches hashed assets for a year and revalidates index.html', async () => {
    expect((await send(viewer, ASSET)).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const path of ['/', '/index.html', '/traces/abc', '/mockServiceWorker.js']) {
      expect((await send(viewer, path)).headers['cache-control'], path).toBe('no-cache');
    }
    const first = await send(viewer, '/');
    const again = await send(viewer, '/', { headers: { 'if-none-match': first.headers.etag! } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('compresses assets with brotli or gzip, as the browser accepts', async () => {
    const br = await send(viewer, ASSET, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.body.length).toBeLessThan(ASSET_SOURCE.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(ASSET_SOURCE);

    const gzip = await send(viewer, ASSET, { headers: { 'accept-encoding': 'gzip, br;q=0' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(ASSET_SOURCE);

    const plain = await send(viewer, ASSET);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(ASSET_SOURCE);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers app routes with index.html but a missing asset with 404', async () => {
    for (const path of [
      '/traces',
      '/traces/0af7651916cd43dd8448eb211c80319c?span=b7ad6b7169203331',
      '/compare',
    ]) {
      const answer = await send(viewer, path);
      expect(answer.status, path).toBe(200);
      expect(answer.body.toString(), path).toBe(INDEX_HTML);
    }
    for (const path of ['/assets/index-Zz99yy88.js', '/assets/gone', '/favicon.ico', '/app.css']) {
      const answer = await send(viewer, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).not.toContain('<!doctype html>');
    }
  });

  it('serves files with GET and HEAD only', async () => {
    const head = await send(viewer, ASSET, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const post = await send(viewer, '/index.html', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });
});

describe('without the proxy (--no-proxy)', () => {
  let direct: Server;
  beforeAll(async () => {
    direct = await startViewer(false);
  });
  afterAll(async () => {
    await new Promise((resolve) => direct.close(resolve));
  });

  it('points the app at the AgentOS itself and lets the policy connect to it', async () => {
    const config = json(await send(direct, '/config.json'));
    expect(config.endpoint).toBe(`${upstreamOrigin}/os`);
    const policy = (await send(direct, '/')).headers['content-security-policy'] ?? '';
    expect(policy).toContain(`connect-src 'self' ${upstreamOrigin} ${downOrigin};`);
  });

  it('forwards nothing', async () => {
    await send(direct, '/agentos/local/traces', { headers: withKey() });
    expect(seen).toEqual([]);
  });
});
