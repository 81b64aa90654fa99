import { isJsonContentType } from './contentType';
import { SchemaError } from './errors';

/*
 * One protocol for the workers that read an answer's bytes off the main thread (the trace
 * parser, the search page scanner): the bytes in, handed over, one message per chunk read;
 * batches out as they are ready, then the end or the first failure. Where there are no workers
 * (tests, old browsers) the same work runs in this thread behind the same interface.
 *
 * A worker can also make the request itself (`fetchInWorker`): then the answer's bytes go from
 * the network to the worker without passing through the page, which at 100 MB spent about a
 * second of its main thread on receiving them.
 */

/** The work on an answer's bytes: the same code runs in a worker or in this thread. */
export interface ByteStreamWork<End, Batch> {
  push(bytes: Uint8Array): void;
  /**
   * What is ready to hand over since the last call, if anything. Called until it gives null:
   * a large read may come in several batches, each handled in a task of its own on the page.
   */
  take(): Batch | null;
  /** The answer ended: what the work made of it. Throws when it is not what it should be. */
  end(): End;
  /**
   * A buffer of a batch the page is done with, handed back to be written again: in Chromium
   * a fresh buffer costs far more than writing into one that exists.
   */
  recycle?(buffer: ArrayBuffer): void;
}

/** The reading of one answer, as the page drives it. */
export interface ByteStreamDecoder<End> {
  /** The next bytes of the answer; the decoder may take ownership of them. */
  push(bytes: Uint8Array): void;
  /** The answer ended: resolves once every batch is out, or rejects with the first failure. */
  end(): Promise<End>;
  /** Rejects with the first failure, before the end if the work fails early. */
  readonly failed: Promise<never>;
  /** Stops the work (cancelled or failed elsewhere). */
  dispose(): void;
  /** Hands a batch's buffer back to the work once the page is done with it (see `recycle`). */
  recycle(buffer: ArrayBuffer): void;
}

export interface ByteStreamDecoderOptions<End, Batch> {
  /** The request's URL, for the errors' messages. */
  url: string;
  /** Starts the worker: `new Worker(new URL(…))` stays with the caller, where Vite finds it. */
  startWorker: () => Worker;
  /** The same work, for when there are no workers (may be loaded on demand). */
  createWork: () => ByteStreamWork<End, Batch> | Promise<ByteStreamWork<End, Batch>>;
  /** Each batch, in order, before the end resolves. May throw to stop the reading. */
  onBatch?: (batch: Batch) => void;
  /** Named when the worker stops without saying why (it could not start, or ran out of memory). */
  workerName: string;
}

/** A request for a worker to make: what `fetch` is given, as plain data. */
export interface WorkerRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * What the page sends a worker: the bytes, then the end; or a request to make, then (when its
 * answer is JSON) the order to read it.
 */
type ToStreamWorker =
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'end' }
  | { type: 'fetch'; request: WorkerRequest }
  | { type: 'read' }
  | { type: 'recycle'; buffer: ArrayBuffer };

/**
 * An answer's status and headers, as the worker received them. `text` is the whole body of an
 * answer the worker does not read itself (an error, or not JSON); `textFailure` says why it
 * could not be read.
 */
interface AnswerHead {
  status: number;
  statusText: string;
  headers: [string, string][];
  text: string | null;
  textFailure: StreamFailure | null;
}

/**
 * When the worker's request started, its answer's first byte arrived and its last was read:
 * milliseconds since the epoch (`performance.timeOrigin` differs between threads). The page has
 * no Resource Timing entry for a request a worker made; it records these instead.
 */
interface RequestTiming {
  start: number;
  firstByte: number;
  end: number;
}

/** What a worker answers: batches, then the end or the first failure. */
type FromStreamWorker<End, Batch> =
  | { type: 'batch'; batch: Batch }
  | { type: 'end'; end: End; timing?: RequestTiming }
  | { type: 'error'; error: StreamFailure }
  | { type: 'head'; head: AnswerHead }
  | { type: 'fetchFailed'; message: string };

/** A failure, as plain data: errors lose their class crossing to another thread. */
type StreamFailure =
  | { kind: 'schema'; path: string; expected: string }
  | { kind: 'syntax' | 'range' | 'other'; message: string };

export function createByteStreamDecoder<End, Batch>(
  options: ByteStreamDecoderOptions<End, Batch>,
): ByteStreamDecoder<End> {
  return typeof Worker === 'undefined' ? decodeInThread(options) : decodeInWorker(options);
}

/**
 * The worker's side: serves `work` over the protocol. `transferOf` names the buffers a batch
 * hands over rather than copies.
 */
export function serveByteStreamWork<End, Batch>(
  work: ByteStreamWork<End, Batch>,
  transferOf: (batch: Batch) => Transferable[] = () => [],
): void {
  // The app is typed with the DOM's globals; in a worker `self` is this much of them.
  const scope = self as unknown as {
    postMessage(message: FromStreamWorker<End, Batch>, transfer?: Transferable[]): void;
    onmessage: ((event: MessageEvent<ToStreamWorker>) => void) | null;
  };
  let failed = false;
  let body: ReadableStream<Uint8Array> | null = null;
  let timing: RequestTiming | undefined;
  const flush = () => {
    for (let batch = work.take(); batch !== null; batch = work.take()) {
      scope.postMessage({ type: 'batch', batch }, transferOf(batch));
    }
  };
  const fail = (error: unknown) => {
    failed = true;
    scope.postMessage({ type: 'error', error: failureOf(error) });
  };
  const finish = () => {
    const end = work.end();
    flush();
    if (timing) timing.end = epochNow();
    scope.postMessage({ type: 'end', end, timing });
  };
  scope.onmessage = (event) => {
    const message = event.data;
    if (failed) return;
    try {
      if (message.type === 'chunk') {
        work.push(message.bytes);
        flush();
      } else if (message.type === 'recycle') {
        work.recycle?.(message.buffer);
      } else if (message.type === 'end') {
        finish();
      } else if (message.type === 'fetch') {
        const start = epochNow();
        void fetchAnswer(message.request).then((answer) => {
          body = answer.body;
          timing = { start, firstByte: epochNow(), end: Number.NaN };
          scope.postMessage(answer.message);
        });
      } else if (body) {
        void readBody(body.getReader(), work, flush).then(finish).catch(fail);
      }
    } catch (error) {
      fail(error);
    }
  };
}

function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Makes `request`; keeps the body of a JSON answer to read, and reads any other whole (an
 * error's text, a web page): the page makes its error from it.
 */
async function fetchAnswer(request: WorkerRequest): Promise<{
  message: FromStreamWorker<never, never>;
  body: ReadableStream<Uint8Array> | null;
}> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
  } catch (error) {
    return { message: { type: 'fetchFailed', message: String(error) }, body: null };
  }
  const isRead = response.ok && isJsonContentType(response.headers.get('content-type'));
  let text: string | null = null;
  let textFailure: StreamFailure | null = null;
  if (!isRead) {
    try {
      text = await response.text();
    } catch (error) {
      textFailure = failureOf(error);
    }
  }
  const head: AnswerHead = {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    text,
    textFailure,
  };
  return { message: { type: 'head', head }, body: isRead ? response.body : null };
}

/**
 * Feeds the answer's bytes to `work` as they arrive. A connection that breaks mid-answer ends
 * the reading there: the work's end says what arrived (a cut-off answer says it was cut).
 */
async function readBody<End, Batch>(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  work: ByteStreamWork<End, Batch>,
  flush: () => void,
): Promise<void> {
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      return;
    }
    if (chunk.done) return;
    work.push(chunk.value);
    flush();
  }
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

function decodeInThread<End, Batch>({
  createWork,
  onBatch,
}: ByteStreamDecoderOptions<End, Batch>): ByteStreamDecoder<End> {
  const failure = deferredFailure();
  let error: Error | null = null;
  const fail = (caught: unknown): Error => {
    error ??= caught instanceof Error ? caught : new Error(String(caught));
    failure.reject(error);
    return error;
  };
  const flush = (work: ByteStreamWork<End, Batch>) => {
    for (let batch = work.take(); batch !== null; batch = work.take()) onBatch?.(batch);
  };
  // Each step waits for the work (which may still be loading) and the steps before it.
  let ready: Promise<ByteStreamWork<End, Batch> | null> = Promise.resolve()
    .then(createWork)
    .catch((caught: unknown) => {
      fail(caught);
      return null;
    });
  return {
    push(bytes) {
      ready = ready.then((work) => {
        if (!work || error) return work;
        try {
          work.push(bytes);
          flush(work);
        } catch (caught) {
          fail(caught);
        }
        return work;
      });
    },
    end() {
      return ready.then((work) => {
        if (!work || error) throw error ?? new Error('The work did not start');
        try {
          const end = work.end();
          flush(work);
          return end;
        } catch (caught) {
          throw fail(caught);
        }
      });
    },
    failed: failure.promise,
    dispose() {},
    recycle(buffer) {
      void ready.then((work) => work?.recycle?.(buffer));
    },
  };
}

/** The page's side of a worker's answers: batches to `onBatch`, then the end or a failure. */
function listenTo<End, Batch>(
  worker: Worker,
  {
    url,
    onBatch,
    workerName,
  }: Pick<ByteStreamDecoderOptions<End, Batch>, 'url' | 'onBatch' | 'workerName'>,
): { ended: Promise<End>; failure: Promise<never> } {
  const failure = deferredFailure();
  let resolveEnd: (end: End) => void = () => {};
  const ended = new Promise<End>((resolve) => {
    resolveEnd = resolve;
  });
  worker.onmessage = (event: MessageEvent<FromStreamWorker<End, Batch>>) => {
    const message = event.data;
    try {
      if (message.type === 'batch') onBatch?.(message.batch);
      else if (message.type === 'end') {
        if (message.timing) recordRequestTiming(url, message.timing);
        resolveEnd(message.end);
      } else if (message.type === 'error') failure.reject(errorOf(message.error, url));
    } catch (error) {
      // The page's part (checking each batch) failed: stop here.
      worker.terminate();
      failure.reject(error);
    }
  };
  worker.onerror = (event) => {
    // The worker could not start or crashed (out of memory): nothing more will come.
    event.preventDefault();
    failure.reject(new Error(event.message || `The ${workerName} stopped`));
  };
  return { ended, failure: failure.promise };
}

function decodeInWorker<End, Batch>(
  options: ByteStreamDecoderOptions<End, Batch>,
): ByteStreamDecoder<End> {
  const worker = options.startWorker();
  const { ended, failure } = listenTo<End, Batch>(worker, options);
  const send = (message: ToStreamWorker, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
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
      return Promise.race([ended, failure]).finally(() => worker.terminate());
    },
    failed: failure,
    dispose() {
      worker.terminate();
    },
    recycle: (buffer) => recycleIn(worker, buffer),
  };
}

/** Hands `buffer` back to `worker` (a no-op once it ended). */
function recycleIn(worker: Worker, buffer: ArrayBuffer): void {
  worker.postMessage({ type: 'recycle', buffer } satisfies ToStreamWorker, [buffer]);
}

/**
 * The timing of a request the worker made, as a User Timing measure `app:response <url>` from
 * its start to its last byte, with its first byte in `detail` (the benchmark reads it).
 */
function recordRequestTiming(url: string, timing: RequestTiming): void {
  try {
    const name = `app:response ${url}`;
    performance.clearMeasures(name);
    performance.measure(name, {
      start: timing.start - performance.timeOrigin,
      end: timing.end - performance.timeOrigin,
      detail: { firstByte: timing.firstByte - performance.timeOrigin },
    });
  } catch {
    // Without User Timing Level 3 only the figure is lost.
  }
}

/** An answer whose body stayed in the worker that made the request. */
export interface BodyInWorker<End, Batch> {
  /** Has the worker read the body through its work: the same decoder, without `push`. */
  read(options: Pick<ByteStreamDecoderOptions<End, Batch>, 'onBatch'>): ByteStreamDecoder<End>;
}

/**
 * Makes `request` in a worker started by `startWorker`. Resolves with the answer (its status,
 * headers and, unless the worker reads it, its body) as `fetch` would, and rejects as `fetch`
 * does: a TypeError when the request fails, the signal's reason when it is aborted. A JSON
 * answer's body is left in the worker, for `body.read`.
 */
export function fetchInWorker<End, Batch>(
  request: WorkerRequest,
  options: Pick<ByteStreamDecoderOptions<End, Batch>, 'startWorker' | 'workerName'> & {
    signal?: AbortSignal | null;
  },
): Promise<{ response: Response; body: BodyInWorker<End, Batch> | null }> {
  const { startWorker, workerName, signal } = options;
  const worker = startWorker();
  return new Promise((resolve, reject) => {
    const stop = (error: Error) => {
      worker.terminate();
      reject(error);
    };
    const onAbort = () => stop(abortReason(signal));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<FromStreamWorker<End, Batch>>) => {
      const message = event.data;
      signal?.removeEventListener('abort', onAbort);
      if (message.type === 'fetchFailed') return stop(new TypeError(message.message));
      if (message.type !== 'head') return stop(new Error(`The ${workerName} answered out of turn`));
      const { status, statusText, headers, text, textFailure } = message.head;
      const init = { status, statusText, headers };
      if (text === null && textFailure === null) {
        resolve({
          response: new Response(null, init),
          body: {
            read(readOptions) {
              const { ended, failure } = listenTo<End, Batch>(worker, {
                ...readOptions,
                url: request.url,
                workerName,
              });
              worker.postMessage({ type: 'read' } satisfies ToStreamWorker);
              return {
                push() {
                  throw new Error('The worker reads this answer itself');
                },
                end: () => Promise.race([ended, failure]).finally(() => worker.terminate()),
                failed: failure,
                dispose: () => worker.terminate(),
                recycle: (buffer) => recycleIn(worker, buffer),
              };
            },
          },
        });
        return;
      }
      worker.terminate();
      const body = textFailure ? failingStream(textFailure) : text || null;
      resolve({ response: new Response(body, init), body: null });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      signal?.removeEventListener('abort', onAbort);
      stop(new TypeError(event.message || `The ${workerName} stopped`));
    };
    worker.postMessage({ type: 'fetch', request } satisfies ToStreamWorker);
  });
}

/** Why `signal` aborted, as an Error: fetch rejects with its reason. */
export function abortReason(signal?: AbortSignal | null): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('Aborted', 'AbortError');
}

/** A body whose reading fails as it did in the worker: out of room, or cut off. */
function failingStream(failure: StreamFailure): ReadableStream<Uint8Array> {
  const message = 'message' in failure ? failure.message : 'The answer could not be read';
  const error = failure.kind === 'range' ? new RangeError(message) : new TypeError(message);
  return new ReadableStream({
    start(controller) {
      controller.error(error);
    },
  });
}

function failureOf(error: unknown): StreamFailure {
  if (error instanceof SchemaError) {
    return { kind: 'schema', path: error.path, expected: error.expected };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SyntaxError) return { kind: 'syntax', message };
  if (error instanceof RangeError) return { kind: 'range', message };
  return { kind: 'other', message };
}

/** The error a failure stood for, with its class back. */
function errorOf(failure: StreamFailure, url: string): Error {
  switch (failure.kind) {
    case 'schema':
      return new SchemaError(failure.path, failure.expected, url);
    case 'syntax':
      return new SyntaxError(failure.message);
    case 'range':
      return new RangeError(failure.message);
    default:
      return new Error(failure.message);
  }
}
