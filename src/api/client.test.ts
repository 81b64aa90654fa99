import { describe, expect, it, vi } from 'vitest';
import { authorizationFor, createApiClient } from './client';
import {
  HttpError,
  NetworkError,
  NotJsonError,
  SchemaError,
  TimeoutError,
  TruncatedError,
} from './errors';

const BASE = 'http://agentos.test:7777';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

const summary = {
  trace_id: 't1',
  name: 'Agent.run',
  status: 'OK',
  duration: '1.20s',
  start_time: '2025-11-19T10:30:00.104233+00:00',
  end_time: '2025-11-19T10:30:01.304233+00:00',
  created_at: '2025-11-19T10:30:01+00:00',
  total_spans: 3,
  error_count: 0,
};
const page = {
  data: [summary],
  meta: { page: 1, limit: 20, total_pages: 1, total_count: 1, search_time_ms: 1.5 },
};

describe('createApiClient', () => {
  it('sends the API parameter names and the database', async () => {
    const fetch = vi.fn().mockResolvedValue(jsonResponse(page));
    const client = createApiClient({ baseUrl: `${BASE}/`, dbId: 'db-2', fetch });
    await client.listTraces({ page: 2, limit: 50, agent_id: 'stock_agent', status: undefined });
    const url = new URL(fetch.mock.calls[0]![0] as string);
    expect(url.origin + url.pathname).toBe(`${BASE}/traces`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: '2',
      limit: '50',
      agent_id: 'stock_agent',
      db_id: 'db-2',
    });
  });

  it('sends the key as a bearer token only when one is set', async () => {
    const fetch = vi.fn().mockImplementation(() => Promise.resolve(jsonResponse(page)));
    await createApiClient({ baseUrl: BASE, fetch }).listTraces({});
    await createApiClient({ baseUrl: BASE, securityKey: 's3cret', fetch }).listTraces({});
    const headers = fetch.mock.calls.map(
      (call) => (call[1] as RequestInit).headers as Record<string, string>,
    );
    expect(headers[0]!.Authorization).toBeUndefined();
    expect(headers[1]!.Authorization).toBe('Bearer s3cret');
  });

  it('accepts null for optional fields as well as their absence', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValue(
        jsonResponse({ ...page, data: [{ ...summary, input: null, team_id: null }] }),
      );
    const result = await createApiClient({ baseUrl: BASE, fetch }).listTraces({});
    expect(result.data[0]!.trace_id).toBe('t1');
  });

  it('keeps unknown extra fields', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValue(jsonResponse({ ...page, data: [{ ...summary, cost_usd: 0.02 }] }));
    const result = await createApiClient({ baseUrl: BASE, fetch }).listTraces({});
    expect(result.data[0]!.cost_usd).toBe(0.02);
  });

  it('keeps only the summaries of an advanced search page, not its span trees', async () => {
    const tree = [{ id: 's1', name: 'Agent.run', type: 'AGENT', spans: [{ id: 's2' }] }];
    const fetch = vi
      .fn()
      .mockResolvedValue(jsonResponse({ ...page, data: [{ ...summary, tree, input: 'hi' }] }));
    const result = await createApiClient({ baseUrl: BASE, fetch }).searchTraces({
      filter: { op: 'EQ', key: 'status', value: 'OK' },
      page: 1,
      limit: 20,
    });
    expect(result.data).toEqual([{ ...summary, input: 'hi' }]);
    expect(JSON.parse((fetch.mock.calls[0]![1] as RequestInit).body as string)).toMatchObject({
      group_by: 'run',
    });
  });

  it('names the JSON path of a wrong field deep in a span tree', async () => {
    const trace = {
      ...summary,
      tree: [
        {
          id: 'root',
          name: 'Agent.run',
          type: 'AGENT',
          duration: '1.20s',
          start_time: summary.start_time,
          end_time: summary.end_time,
          status: 'OK',
          spans: [
            {
              id: 'a',
              name: 'llm',
              type: 'LLM',
              duration: '1ms',
              start_time: 'x',
              end_time: 'y',
              status: 'OK',
            },
            {
              id: 'b',
              name: 'tool',
              type: 'TOOL',
              duration: '1ms',
              start_time: 5,
              end_time: 'y',
              status: 'OK',
            },
          ],
        },
      ],
    };
    const fetch = vi.fn().mockResolvedValue(jsonResponse(trace));
    const error = await createApiClient({ baseUrl: BASE, fetch })
      .getTrace('t1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).path).toBe('$.tree[0].spans[1].start_time');
    expect((error as SchemaError).expected).toMatch(/expected string/);
  });

  it('turns error bodies into HttpError with the detail string or the 422 array', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse({ detail: 'Trace not found' }, 404))
      .mockResolvedValueOnce(
        jsonResponse(
          {
            detail: [
              {
                loc: ['query', 'limit'],
                msg: 'Input should be greater than or equal to 1',
                type: 'x',
              },
            ],
          },
          422,
        ),
      );
    const client = createApiClient({ baseUrl: BASE, fetch });
    const notFound = await client.getTrace('nope').catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(HttpError);
    expect((notFound as HttpError).status).toBe(404);
    expect((notFound as HttpError).detail).toBe('Trace not found');
    const invalid = (await client.listTraces({ limit: 0 }).catch((e: unknown) => e)) as HttpError;
    expect(invalid.status).toBe(422);
    expect(invalid.message).toContain('limit (query): Input should be greater than or equal to 1');
  });

  it('recognises an HTML error page from a proxy and keeps its title', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValue(
        new Response(
          '<html><head><title>502 Bad\n  Gateway</title></head><body>nginx</body></html>',
          { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } },
        ),
      );
    const error = (await createApiClient({ baseUrl: BASE, fetch })
      .listTraces({})
      .catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(502);
    expect(error.htmlTitle).toBe('502 Bad Gateway');
  });

  it('reports a 200 that is not JSON, with the page title, as not JSON', async () => {
    const fetch = vi.fn().mockResolvedValue(
      new Response('<!doctype html><title>Sign in</title><p>hi</p>', {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
      }),
    );
    const error = (await createApiClient({ baseUrl: BASE, fetch })
      .listTraces({})
      .catch((e: unknown) => e)) as NotJsonError;
    expect(error).toBeInstanceOf(NotJsonError);
    expect(error.contentType).toBe('text/html');
    expect(error.htmlTitle).toBe('Sign in');
    expect(error.isEmpty).toBe(false);
  });

  it('reports an empty 200 as not JSON', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response('', { status: 200 }));
    const error = (await createApiClient({ baseUrl: BASE, fetch })
      .getTrace('t1')
      .catch((e: unknown) => e)) as NotJsonError;
    expect(error).toBeInstanceOf(NotJsonError);
    expect(error.isEmpty).toBe(true);
  });

  it('reports a JSON answer that stops before its end as cut off, not as not JSON', async () => {
    const fetch = vi.fn().mockResolvedValue(
      new Response('{"fields": [{"key": "status", "label": "Sta', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    const error = await createApiClient({ baseUrl: BASE, fetch })
      .getFilterSchema()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TruncatedError);
    expect((error as Error).message).toBe('The answer was cut off');
  });

  it('reports a connection that breaks mid-answer as cut off', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"data": ['));
        controller.error(new TypeError('network error'));
      },
    });
    const fetch = vi
      .fn()
      .mockResolvedValue(
        new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }),
      );
    const error = await createApiClient({ baseUrl: BASE, fetch })
      .listTraces({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TruncatedError);
  });

  it('reports network failures without the key', async () => {
    const fetch = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await createApiClient({ baseUrl: BASE, securityKey: 'topsecret', fetch })
      .listTraces({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe(`Could not reach ${BASE}`);
    expect(JSON.stringify(error)).not.toContain('topsecret');
  });

  it('abandons a request that hangs', async () => {
    const fetch = vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        }),
    );
    const error = await createApiClient({
      baseUrl: BASE,
      fetch: fetch as typeof globalThis.fetch,
      timeoutMs: 20,
    })
      .listTraces({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe(`${BASE} did not answer within 20 ms`);
  });

  it('uses the time-out it is given, and 30 s without one', async () => {
    vi.useFakeTimers();
    try {
      const hang = (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        });
      const fetch = vi.fn(hang) as unknown as typeof globalThis.fetch;
      const short = createApiClient({ baseUrl: BASE, fetch, timeoutMs: 2_000 })
        .listTraces({})
        .catch((e: unknown) => e);
      const long = createApiClient({ baseUrl: BASE, fetch })
        .listTraces({})
        .catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(await short).toBeInstanceOf(TimeoutError);
      await vi.advanceTimersByTimeAsync(27_000);
      let settled = false;
      void long.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(((await long) as TimeoutError).timeoutMs).toBe(30_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes cancellation through as an abort, not as an error to show', async () => {
    const fetch = vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        }),
    );
    const controller = new AbortController();
    const pending = createApiClient({ baseUrl: BASE, fetch: fetch as typeof globalThis.fetch })
      .listTraces({}, controller.signal)
      .catch((e: unknown) => e);
    controller.abort();
    const error = await pending;
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('encodes trace ids so they cannot change the path', async () => {
    const fetch = vi.fn().mockResolvedValue(jsonResponse({ detail: 'Trace not found' }, 404));
    await createApiClient({ baseUrl: BASE, fetch })
      .getTrace('../config?x=1')
      .catch(() => undefined);
    expect(fetch.mock.calls[0]![0]).toBe(`${BASE}/traces/..%2Fconfig%3Fx%3D1`);
  });

  it('never puts the key in an error, whatever the failure', async () => {
    const key = 'k3y-that-must-not-leak';
    const answers = [
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.resolve(jsonResponse({ detail: 'Invalid authentication token' }, 401)),
      () => Promise.resolve(jsonResponse({ detail: [{ loc: ['query'], msg: 'bad' }] }, 422)),
      () => Promise.resolve(new Response('<html>oops</html>', { status: 500 })),
      () => Promise.resolve(new Response('not json', { status: 200 })),
      () => Promise.resolve(jsonResponse({ data: 'nope', meta: {} })),
    ];
    for (const answer of answers) {
      const fetch = vi.fn(answer) as unknown as typeof globalThis.fetch;
      const error = (await createApiClient({ baseUrl: BASE, securityKey: key, fetch })
        .listTraces({})
        .catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(Error);
      const everything = `${error.message} ${String(error.stack)} ${JSON.stringify(error)}`;
      expect(everything).not.toContain(key);
    }
  });
});

describe('authorizationFor', () => {
  it('sends the key to the configured origin, whatever the path', () => {
    expect(authorizationFor(`${BASE}/traces?x=1`, BASE, 'k')).toEqual({
      Authorization: 'Bearer k',
    });
    expect(authorizationFor('http://agentos.test:7777/a/b', `${BASE}/prefix`, 'k')).toEqual({
      Authorization: 'Bearer k',
    });
  });

  it('refuses any other origin: host, port, scheme, credentials, nonsense', () => {
    for (const url of [
      'http://evil.test:7777/traces',
      'http://agentos.test:7778/traces',
      'https://agentos.test:7777/traces',
      'http://agentos.test:7777@evil.test/traces',
      'http://user:pw@agentos.test:7777/traces',
      'not a url',
    ]) {
      expect(authorizationFor(url, BASE, 'k')).toEqual({});
    }
  });

  it('sends nothing without a key', () => {
    expect(authorizationFor(`${BASE}/traces`, BASE, null)).toEqual({});
    expect(authorizationFor(`${BASE}/traces`, BASE, '')).toEqual({});
  });

  it('keeps the client from sending the key when the base URL smuggles in another host', async () => {
    const fetch = vi.fn().mockResolvedValue(jsonResponse(page));
    await createApiClient({
      baseUrl: 'http://agentos.test:7777@evil.test',
      securityKey: 'k',
      fetch,
    })
      .listTraces({})
      .catch(() => undefined);
    const init = fetch.mock.calls[0]![1] as RequestInit;
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined();
  });
});
