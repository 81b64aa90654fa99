import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';
import { HttpError, NetworkError, SchemaError, TimeoutError } from './errors';

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
    expect(invalid.message).toContain('query.limit: Input should be greater than or equal to 1');
  });

  it('explains an HTML error page from a proxy', async () => {
    const fetch = vi.fn().mockResolvedValue(
      new Response('<html><body>Bad gateway</body></html>', {
        status: 502,
        statusText: 'Bad Gateway',
      }),
    );
    const error = (await createApiClient({ baseUrl: BASE, fetch })
      .listTraces({})
      .catch((e: unknown) => e)) as HttpError;
    expect(error.status).toBe(502);
    expect(error.detail).toMatch(/HTML page/);
  });

  it('reports a 200 that is not JSON as a schema error', async () => {
    const fetch = vi.fn().mockResolvedValue(
      new Response('<!doctype html><p>hi</p>', {
        status: 200,
        headers: { 'Content-Type': 'text/html' },
      }),
    );
    const error = await createApiClient({ baseUrl: BASE, fetch })
      .listTraces({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).expected).toContain('text/html');
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
});
