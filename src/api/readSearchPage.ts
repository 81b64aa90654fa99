import { NotJsonError, TooLargeError } from './errors';
import type { FromSearchWorker, ToSearchWorker } from './searchPage.worker';
import { createSearchPageScanner } from './searchPageScanner';
import { errorOf } from './traceStreamMessages';

export interface ReadSearchPageOptions {
  /** The request's own signal: aborted by leaving the page, a new search, or the time-out. */
  signal: AbortSignal;
  /** Called whenever bytes arrive: the time-out counts from the last bytes, not the request. */
  onBytes: () => void;
}

/**
 * Reads an advanced search page (POST /traces/search, group_by "run") as it arrives and returns
 * it parsed, without the rows' span trees: the bytes go to a worker (in this thread when there
 * is none) that skips each `tree` as it streams past (searchPageScanner.ts), so no step holds a
 * page of whole traces, as one string or as objects. Fails as `response.json()` did: NotJsonError
 * for an answer that is not JSON or stops before its end, TooLargeError when the browser runs out
 * of room, and the stream's own error when the connection breaks or the request is aborted.
 */
export async function readSearchPage(
  response: Response,
  url: string,
  options: ReadSearchPageOptions,
): Promise<unknown> {
  const { signal, onBytes } = options;
  const decoder = createSearchPageDecoder(url);
  const reader = response.body?.getReader();
  const notJson = (isEmpty: boolean) =>
    new NotJsonError(url, response.status, response.headers.get('content-type'), null, isEmpty);
  let bytes = 0;
  try {
    while (reader) {
      const chunk = await Promise.race([reader.read(), decoder.failed]);
      if (chunk.done) break;
      bytes += chunk.value.byteLength;
      onBytes();
      decoder.push(chunk.value);
    }
    const text = await decoder.end();
    if (text === null) throw notJson(true);
    return JSON.parse(text) as unknown;
  } catch (error) {
    void reader?.cancel().catch(() => {});
    decoder.dispose();
    if (signal.aborted) throw error;
    if (error instanceof SyntaxError) throw notJson(false);
    if (error instanceof RangeError) throw new TooLargeError(url, bytes);
    throw error;
  }
}

interface SearchPageDecoder {
  /** The next bytes of the answer; the decoder may take ownership of them. */
  push(bytes: Uint8Array): void;
  /** The answer ended: the page's text without the trees (null when empty), or the failure. */
  end(): Promise<string | null>;
  /** Rejects with the first failure, before the end if the scan fails early. */
  readonly failed: Promise<never>;
  /** Stops the work (cancelled or failed elsewhere). */
  dispose(): void;
}

function createSearchPageDecoder(url: string): SearchPageDecoder {
  return typeof Worker === 'undefined' ? createInThreadDecoder() : createWorkerDecoder(url);
}

function deferredFailure(): { promise: Promise<never>; reject: (error: unknown) => void } {
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<never>((_, rejectWith) => {
    reject = rejectWith;
  });
  // Observed by whoever awaits it; never an unhandled rejection on its own.
  promise.catch(() => {});
  return { promise, reject };
}

function createInThreadDecoder(): SearchPageDecoder {
  const failure = deferredFailure();
  const scanner = createSearchPageScanner();
  let error: Error | null = null;
  const fail = (caught: unknown): Error => {
    error ??= caught instanceof Error ? caught : new Error(String(caught));
    failure.reject(error);
    return error;
  };
  return {
    push(bytes) {
      if (error) return;
      try {
        scanner.push(bytes);
      } catch (caught) {
        fail(caught);
      }
    },
    end() {
      if (error) return Promise.reject(error);
      try {
        return Promise.resolve(scanner.end());
      } catch (caught) {
        return Promise.reject(fail(caught));
      }
    },
    failed: failure.promise,
    dispose() {},
  };
}

function createWorkerDecoder(url: string): SearchPageDecoder {
  const worker = new Worker(new URL('./searchPage.worker.ts', import.meta.url), {
    type: 'module',
    name: 'search-page-scanner',
  });
  const failure = deferredFailure();
  let resolveEnd: (text: string | null) => void = () => {};
  const ended = new Promise<string | null>((resolve) => {
    resolveEnd = resolve;
  });
  const send = (message: ToSearchWorker, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  worker.onmessage = (event: MessageEvent<FromSearchWorker>) => {
    const message = event.data;
    if (message.type === 'end') resolveEnd(message.text);
    else failure.reject(errorOf(message.error, url));
  };
  worker.onerror = (event) => {
    // The worker could not start or crashed (out of memory): nothing more will come.
    event.preventDefault();
    failure.reject(new Error(event.message || 'The search page scanner stopped'));
  };
  return {
    push(bytes) {
      // Handed over, not copied: the page does not need the bytes again.
      const own =
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
          ? bytes
          : bytes.slice();
      send({ type: 'chunk', bytes: own }, [own.buffer]);
    },
    end() {
      send({ type: 'end' });
      return Promise.race([ended, failure.promise]).finally(() => worker.terminate());
    },
    failed: failure.promise,
    dispose() {
      worker.terminate();
    },
  };
}
