import { SchemaError } from './errors';

/*
 * One protocol for the workers that read an answer's bytes off the main thread (the trace
 * parser, the search page scanner): the bytes in, handed over, one message per chunk read;
 * batches out as they are ready, then the end or the first failure. Where there are no workers
 * (tests, old browsers) the same work runs in this thread behind the same interface.
 */

/** The work on an answer's bytes: the same code runs in a worker or in this thread. */
export interface ByteStreamWork<End, Batch> {
  push(bytes: Uint8Array): void;
  /** What is ready to hand over since the last call, if anything. */
  take(): Batch | null;
  /** The answer ended: what the work made of it. Throws when it is not what it should be. */
  end(): End;
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

/** What the page sends a worker: the bytes, then the end. */
type ToStreamWorker = { type: 'chunk'; bytes: Uint8Array } | { type: 'end' };

/** What a worker answers: batches, then the end or the first failure. */
type FromStreamWorker<End, Batch> =
  | { type: 'batch'; batch: Batch }
  | { type: 'end'; end: End }
  | { type: 'error'; error: StreamFailure };

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
  const flush = () => {
    const batch = work.take();
    if (batch !== null) scope.postMessage({ type: 'batch', batch }, transferOf(batch));
  };
  scope.onmessage = (event) => {
    const message = event.data;
    if (failed) return;
    try {
      if (message.type === 'chunk') {
        work.push(message.bytes);
        flush();
      } else {
        const end = work.end();
        flush();
        scope.postMessage({ type: 'end', end });
      }
    } catch (error) {
      failed = true;
      scope.postMessage({ type: 'error', error: failureOf(error) });
    }
  };
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
    const batch = work.take();
    if (batch !== null) onBatch?.(batch);
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
  };
}

function decodeInWorker<End, Batch>({
  url,
  startWorker,
  onBatch,
  workerName,
}: ByteStreamDecoderOptions<End, Batch>): ByteStreamDecoder<End> {
  const worker = startWorker();
  const failure = deferredFailure();
  let resolveEnd: (end: End) => void = () => {};
  const ended = new Promise<End>((resolve) => {
    resolveEnd = resolve;
  });
  const send = (message: ToStreamWorker, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  worker.onmessage = (event: MessageEvent<FromStreamWorker<End, Batch>>) => {
    const message = event.data;
    try {
      if (message.type === 'batch') onBatch?.(message.batch);
      else if (message.type === 'end') resolveEnd(message.end);
      else failure.reject(errorOf(message.error, url));
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
