import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';
import { NotJsonError, SchemaError, TimeoutError, TooLargeError, TruncatedError } from './errors';
import type { TraceLoadProgress } from './readTraceStream';

const BASE = 'http://agentos.test:7777';

const node = {
  id: 'a',
  name: 'Agent.run',
  type: 'AGENT',
  duration: '1.00s',
  start_time: '2025-11-19T10:30:00.000000Z',
  end_time: '2025-11-19T10:30:01.000000Z',
  status: 'OK',
};

const trace = {
  trace_id: 't1',
  name: 'Agent.run',
  status: 'OK',
  duration: '1.00s',
  start_time: node.start_time,
  end_time: node.end_time,
  created_at: node.end_time,
  total_spans: 3,
  error_count: 0,
  tree: [
    {
      ...node,
      spans: [
        { ...node, id: 'b' },
        { ...node, id: 'c', input: 'é😀' },
      ],
    },
  ],
};

type Step = { bytes: Uint8Array } | { wait: number } | { fail: Error };

/**
 * A fetch whose answer's body arrives in `steps`: bytes, pauses and failures. Aborting the
 * request errors the body, as the browser's fetch does.
 */
function streamingFetch(steps: Step[], headers: Record<string, string> = {}) {
  return vi.fn((_url: string, init?: RequestInit) => {
    const signal = init?.signal;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        signal?.addEventListener('abort', () =>
          controller.error(new DOMException('aborted', 'AbortError')),
        );
        for (const step of steps) {
          if (signal?.aborted) return;
          if ('bytes' in step) controller.enqueue(step.bytes);
          else if ('wait' in step) await new Promise((resolve) => setTimeout(resolve, step.wait));
          else {
            controller.error(step.fail);
            return;
          }
        }
        if (!signal?.aborted) controller.close();
      },
    });
    return Promise.resolve(
      new Response(body, {
        status: 200,
        headers: { 'Content-Type': 'application/json', ...headers },
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

describe('getTrace, streamed', () => {
  it('reads a trace that arrives in pieces, and reports its progress', async () => {
    const text = JSON.stringify(trace);
    const length = new TextEncoder().encode(text).length;
    const fetch = streamingFetch(pieces(text, 7), { 'Content-Length': String(length) });
    const progress: TraceLoadProgress[] = [];
    const result = await createApiClient({ baseUrl: BASE, fetch }).getTrace('t1', undefined, (p) =>
      progress.push(p),
    );
    expect(result).toEqual(trace);
    expect(progress.at(-1)).toMatchObject({ bytes: length, total: length, spans: 3 });
    expect(progress.at(-1)?.preview).toHaveLength(3);
    expect(progress[0]).toEqual({ bytes: 0, total: length, spans: 0, preview: [] });
  });

  it('gives the JSON path of a bad span', async () => {
    const bad = { ...trace, tree: [{ ...node, spans: [node, { ...node, end_time: 5 }] }] };
    const error = await createApiClient({
      baseUrl: BASE,
      fetch: streamingFetch(pieces(JSON.stringify(bad), 16)),
    })
      .getTrace('t1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).path).toBe('$.tree[0].spans[1].end_time');
    expect((error as SchemaError).url).toBe(`${BASE}/traces/t1`);
  });

  it('says an answer that ends early was cut off, and keeps the spans that arrived', async () => {
    const text = JSON.stringify(trace);
    // "c" has its required fields, not yet its input.
    const cut = text.indexOf('"input"') + 5;
    const error = await createApiClient({
      baseUrl: BASE,
      fetch: streamingFetch(pieces(text.slice(0, cut), 10)),
    })
      .getTrace('t1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TruncatedError);
    expect((error as TruncatedError).message).toBe('The answer was cut off after 3 spans');
    const partial = (error as TruncatedError).partial;
    expect(partial?.trace_id).toBe('t1');
    expect(partial?.tree[0]?.spans?.map((span) => span.id)).toEqual(['b', 'c']);
  });

  it('says a broken connection cut the answer off', async () => {
    const text = JSON.stringify(trace);
    const error = await createApiClient({
      baseUrl: BASE,
      fetch: streamingFetch([
        ...pieces(text.slice(0, text.indexOf('"c"')), 10),
        // Erroring a stream drops what is queued: let the reader take the pieces first.
        { wait: 20 },
        { fail: new TypeError('network error') },
      ]),
    })
      .getTrace('t1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TruncatedError);
    expect((error as TruncatedError).spans).toBe(2);
  });

  it('reports broken JSON as not JSON, and an empty answer as empty', async () => {
    const client = (steps: Step[]) =>
      createApiClient({ baseUrl: BASE, fetch: streamingFetch(steps) });
    const broken = await client(pieces('{"tree": [} ', 3))
      .getTrace('t1')
      .catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(NotJsonError);
    expect((broken as NotJsonError).isEmpty).toBe(false);
    const empty = await client([])
      .getTrace('t1')
      .catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(NotJsonError);
    expect((empty as NotJsonError).isEmpty).toBe(true);
  });

  it('keeps waiting while bytes arrive, and times out after a pause as long as the time-out', async () => {
    const text = JSON.stringify(trace);
    const slow = pieces(text, Math.ceil(text.length / 6)).flatMap((step) => [step, { wait: 25 }]);
    // Six pauses of 25 ms: longer than the 60 ms time-out in all, never that long at once.
    const ok = await createApiClient({
      baseUrl: BASE,
      fetch: streamingFetch(slow),
      timeoutMs: 60,
    }).getTrace('t1');
    expect(ok).toEqual(trace);
    const stalled = await createApiClient({
      baseUrl: BASE,
      fetch: streamingFetch([...pieces(text, 20).slice(0, 3), { wait: 1_000 }]),
      timeoutMs: 60,
    })
      .getTrace('t1')
      .catch((e: unknown) => e);
    expect(stalled).toBeInstanceOf(TimeoutError);
  });

  it('stops reading when it is cancelled, without calling it a cut-off', async () => {
    const text = JSON.stringify(trace);
    const controller = new AbortController();
    const loading = createApiClient({
      baseUrl: BASE,
      fetch: streamingFetch([...pieces(text, 20).slice(0, 2), { wait: 1_000 }]),
    })
      .getTrace('t1', controller.signal)
      .catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const error = await loading;
    expect(error).not.toBeInstanceOf(TruncatedError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('says a trace too large for the browser is too large', async () => {
    const text = JSON.stringify(trace);
    const decode = vi.spyOn(TextDecoder.prototype, 'decode').mockImplementation(() => {
      throw new RangeError('Invalid string length');
    });
    try {
      const error = await createApiClient({
        baseUrl: BASE,
        fetch: streamingFetch(pieces(text, 50)),
      })
        .getTrace('t1')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TooLargeError);
      expect((error as Error).message).toBe('This trace is too large for the browser to hold');
    } finally {
      decode.mockRestore();
    }
  });
});
