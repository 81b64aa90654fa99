import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';
import { HttpError, NotJsonError, SchemaError, TimeoutError, TruncatedError } from './errors';
import { realAnswer } from '../test/testTree';

const BASE = 'http://agentos.test:7777';

const summary = {
  trace_id: 't1',
  name: 'Agent.run',
  status: 'OK',
  duration: '1.20s',
  start_time: '2025-11-19T10:30:00.104233Z',
  end_time: '2025-11-19T10:30:01.304233Z',
  created_at: '2025-11-19T10:30:01Z',
  total_spans: 3,
  error_count: 0,
  input: 'say "hi" {[😀]}',
};
const tree = [{ id: 's1', name: 'Agent.run', input: '"}]\\', spans: [{ id: 's2', tree: [] }] }];
const meta = { page: 1, limit: 10, total_pages: 1, total_count: 2, search_time_ms: 4.25 };
const page = {
  data: [
    { ...summary, tree },
    { tree, ...summary, trace_id: 't2' },
  ],
  meta,
};
const search = { filter: { op: 'EQ', key: 'status', value: 'OK' } as const, page: 1, limit: 10 };

type Step = { bytes: Uint8Array } | { wait: number } | { fail: Error };

/** A fetch whose answer's body arrives in `steps`; aborting the request errors the body. */
function streamingFetch(steps: Step[], init: ResponseInit = {}) {
  return vi.fn((_url: string, request?: RequestInit) => {
    const signal = request?.signal;
    let isCancelled = false;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        signal?.addEventListener('abort', () =>
          controller.error(new DOMException('aborted', 'AbortError')),
        );
        for (const step of steps) {
          if (signal?.aborted || isCancelled) return;
          if ('bytes' in step) controller.enqueue(step.bytes);
          else if ('wait' in step) await new Promise((resolve) => setTimeout(resolve, step.wait));
          else {
            controller.error(step.fail);
            return;
          }
        }
        if (!signal?.aborted && !isCancelled) controller.close();
      },
      cancel() {
        isCancelled = true;
      },
    });
    return Promise.resolve(
      new Response(body, {
        status: 200,
        ...init,
        headers: { 'Content-Type': 'application/json', ...init.headers },
      }),
    );
  }) as unknown as typeof fetch;
}

/** The text cut into pieces of `size` bytes. */
function pieces(text: string, size: number): Step[] {
  const bytes = new TextEncoder().encode(text);
  const steps: Step[] = [];
  for (let at = 0; at < bytes.length; at += size) steps.push({ bytes: bytes.slice(at, at + size) });
  return steps;
}

const searchWith = (fetch: typeof globalThis.fetch, timeoutMs?: number) =>
  createApiClient({ baseUrl: BASE, fetch, timeoutMs })
    .searchTraces(search)
    .catch((e: unknown) => e);

describe('searchTraces, streamed', () => {
  it('reads a page that arrives in pieces, keeping the summaries and none of the trees', async () => {
    const fetch = streamingFetch(pieces(JSON.stringify(page), 7));
    const result = await createApiClient({ baseUrl: BASE, fetch }).searchTraces(search);
    expect(result).toEqual({ data: [summary, { ...summary, trace_id: 't2' }], meta });
  });

  it('reads the real AgentOS’s search page, each row without its tree', async () => {
    const answer = realAnswer('search-and-run.json') as {
      data: Record<string, unknown>[];
      meta: unknown;
    };
    const fetch = streamingFetch(pieces(JSON.stringify(answer), 1_000));
    const result = await createApiClient({ baseUrl: BASE, fetch }).searchTraces(search);
    expect(answer.data.every((row) => Array.isArray(row.tree))).toBe(true);
    expect(result).toEqual({
      data: answer.data.map(({ tree: _tree, ...summary }) => summary),
      meta: answer.meta,
    });
  });

  it('names the JSON path of a wrong field in a row', async () => {
    const bad = { ...page, data: [page.data[0], { ...page.data[1], trace_id: 7 }] };
    const error = await searchWith(streamingFetch(pieces(JSON.stringify(bad), 16)));
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).path).toBe('$.data[1].trace_id');
    expect((error as SchemaError).url).toBe(`${BASE}/traces/search`);
  });

  it('says a page that is not an object is not a page', async () => {
    const error = await searchWith(streamingFetch(pieces('[{"tree": []}]', 4)));
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).path).toBe('$');
  });

  it('reports an answer that stops before its end as cut off', async () => {
    const text = JSON.stringify(page);
    for (const at of [1, 40, text.indexOf('"tree"') + 9, text.length - 1]) {
      const cut = await searchWith(streamingFetch(pieces(text.slice(0, at), 10)));
      expect(cut).toBeInstanceOf(TruncatedError);
      expect((cut as TruncatedError).message).toBe('The answer was cut off');
    }
  });

  it('reports an answer broken or empty as not JSON, as the whole-answer reader did', async () => {
    const broken = await searchWith(streamingFetch(pieces('{"data": [} ', 3)));
    expect(broken).toBeInstanceOf(NotJsonError);
    const empty = await searchWith(streamingFetch([]));
    expect(empty).toBeInstanceOf(NotJsonError);
    expect((empty as NotJsonError).isEmpty).toBe(true);
  });

  it('stops reading an HTML page sent as JSON at its first byte', async () => {
    const fetch = streamingFetch([
      ...pieces('<!doctype html><title>Sign in</title>', 8),
      { wait: 5_000 },
      { bytes: new Uint8Array([0x20]) },
    ]);
    const started = performance.now();
    const error = await searchWith(fetch);
    expect(error).toBeInstanceOf(NotJsonError);
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  it('keeps the server’s error for an HTTP error', async () => {
    const fetch = vi.fn().mockResolvedValue(
      new Response(JSON.stringify({ detail: 'Invalid filter expression: bad op' }), {
        status: 400,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    const error = await searchWith(fetch);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).detail).toBe('Invalid filter expression: bad op');
  });

  it('reports a connection that broke mid-answer as cut off', async () => {
    const text = JSON.stringify(page);
    const error = await searchWith(
      streamingFetch([
        ...pieces(text.slice(0, 40), 10),
        { wait: 20 },
        { fail: new TypeError('network error') },
      ]),
    );
    expect(error).toBeInstanceOf(TruncatedError);
  });

  it('times out after a pause as long as the time-out, not while bytes arrive', async () => {
    const text = JSON.stringify(page);
    const slow = pieces(text, Math.ceil(text.length / 6)).flatMap((step) => [step, { wait: 25 }]);
    expect(await searchWith(streamingFetch(slow), 60)).toMatchObject({ meta });
    const stalled = await searchWith(
      streamingFetch([...pieces(text, 20).slice(0, 3), { wait: 1_000 }]),
      60,
    );
    expect(stalled).toBeInstanceOf(TimeoutError);
  });

  it('stops reading when it is aborted', async () => {
    const controller = new AbortController();
    const loading = createApiClient({
      baseUrl: BASE,
      fetch: streamingFetch([...pieces(JSON.stringify(page), 20).slice(0, 2), { wait: 1_000 }]),
    })
      .searchTraces(search, controller.signal)
      .catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(((await loading) as Error).name).toBe('AbortError');
  });
});
