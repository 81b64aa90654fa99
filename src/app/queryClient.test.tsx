import { QueryClientProvider, useQuery, type QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { HttpError, NetworkError, NotJsonError, SchemaError, TimeoutError } from '../api/errors';
import { createApiQueries } from '../api/queries';
import { createQueryClient, retryDelay, shouldRetry } from './queryClient';

const BASE = 'http://agentos.test:7777';
const URL_ = `${BASE}/traces`;

describe('shouldRetry', () => {
  it('retries what trying again can fix, at most twice', () => {
    for (const error of [
      new NetworkError(URL_),
      new HttpError(500, 'x', URL_),
      new HttpError(502, 'Bad Gateway', URL_, undefined, '502 Bad Gateway'),
      new HttpError(503, 'x', URL_),
    ]) {
      expect(shouldRetry(0, error)).toBe(true);
      expect(shouldRetry(1, error)).toBe(true);
      expect(shouldRetry(2, error)).toBe(false);
    }
  });

  it('never retries a 4xx or an answer it cannot read', () => {
    for (const status of [400, 401, 403, 404, 409, 422, 429]) {
      expect(shouldRetry(0, new HttpError(status, 'x', URL_))).toBe(false);
    }
    expect(shouldRetry(0, new SchemaError('$.data', 'expected array', URL_))).toBe(false);
    expect(shouldRetry(0, new NotJsonError(URL_, 200, 'text/html', '', false))).toBe(false);
    expect(shouldRetry(0, new Error('render bug'))).toBe(false);
  });

  it('does not retry a time-out: the user has waited it out once already', () => {
    expect(shouldRetry(0, new TimeoutError(URL_, 30_000))).toBe(false);
  });

  it('backs off: 0.5 s, 1 s, 2 s, capped at 8 s', () => {
    expect([0, 1, 2, 5, 10].map(retryDelay)).toEqual([500, 1000, 2000, 8000, 8000]);
  });
});

/** A fetch that never answers until aborted, recording each request's signal. */
function hangingFetch() {
  const signals: AbortSignal[] = [];
  const fetch = vi.fn((_url: string, init?: RequestInit) => {
    signals.push(init!.signal!);
    return new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () =>
        reject(new DOMException('aborted', 'AbortError')),
      );
    });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, signals, calls: fetch.mock.calls };
}

function fastClient(): QueryClient {
  const client = createQueryClient();
  // The policy under test, without waiting for the real back-off.
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retryDelay: 1 },
  });
  return client;
}

describe('the queries on the app’s QueryClient', () => {
  it('cancel a page’s request when the page goes away', async () => {
    const { fetch, signals } = hangingFetch();
    const queries = createApiQueries(createApiClient({ baseUrl: BASE, fetch }));
    function ListPage() {
      const list = useQuery(queries.traceList({ page: 1 }));
      return <p>{list.status}</p>;
    }
    const { unmount } = render(
      <QueryClientProvider client={fastClient()}>
        <ListPage />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(signals).toHaveLength(1));
    expect(signals[0]!.aborted).toBe(false);
    unmount();
    expect(signals[0]!.aborted).toBe(true);
  });

  it('retry a failing GET, but never the POST search', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(Response.json({ detail: 'database is locked' }, { status: 500 })),
    );
    const queries = createApiQueries(createApiClient({ baseUrl: BASE, fetch: fetch }));
    function Page({ advanced }: { advanced: boolean }) {
      const list = useQuery({ ...queries.traceList({ page: 1 }), enabled: !advanced });
      const found = useQuery({
        ...queries.search({ filter: null, page: 1, limit: 20 }),
        enabled: advanced,
      });
      return <p>{(advanced ? found : list).isError ? 'failed' : 'loading'}</p>;
    }
    const client = fastClient();
    const { rerender } = render(
      <QueryClientProvider client={client}>
        <Page advanced={false} />
      </QueryClientProvider>,
    );
    await screen.findByText('failed');
    expect(fetch).toHaveBeenCalledTimes(3);

    fetch.mockClear();
    rerender(
      <QueryClientProvider client={client}>
        <Page advanced />
      </QueryClientProvider>,
    );
    await screen.findByText('failed');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('do not retry a 4xx', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(Response.json({ detail: 'Trace not found' }, { status: 404 })),
    );
    const queries = createApiQueries(createApiClient({ baseUrl: BASE, fetch: fetch }));
    function TracePage() {
      const trace = useQuery(queries.traceDetail('t1'));
      return <p>{trace.isError ? 'failed' : 'loading'}</p>;
    }
    render(
      <QueryClientProvider client={fastClient()}>
        <TracePage />
      </QueryClientProvider>,
    );
    await screen.findByText('failed');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('never hold the security key in a query key', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(Response.json({ detail: 'Invalid authentication token' }, { status: 401 })),
    );
    const key = 'query-key-secret';
    const queries = createApiQueries(
      createApiClient({
        baseUrl: BASE,
        securityKey: key,
        fetch: fetch,
      }),
    );
    function Page() {
      const list = useQuery(queries.traceList({ page: 1 }));
      const trace = useQuery(queries.traceDetail('t1'));
      const config = useQuery(queries.config());
      return <p>{[list, trace, config].every((q) => q.isError) ? 'failed' : 'loading'}</p>;
    }
    const client = fastClient();
    render(
      <QueryClientProvider client={client}>
        <Page />
      </QueryClientProvider>,
    );
    await screen.findByText('failed');
    const cached = client.getQueryCache().getAll();
    expect(cached).toHaveLength(3);
    expect(JSON.stringify(cached.map((query) => query.queryKey))).not.toContain(key);
    expect(JSON.stringify(cached.map((query) => query.state.error?.message))).not.toContain(key);
  });
});
