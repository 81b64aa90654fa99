import { errorOf, type FromTraceWorker, type ToTraceWorker } from './traceStreamMessages';
import {
  createBatchingTraceParser,
  type TraceBatch,
  type TraceStreamEnd,
} from './traceStreamParser';

/**
 * Turns the bytes of a trace answer into spans: in a Web Worker when the browser has them, so
 * the page never parses for long; in this thread otherwise (tests, old browsers).
 */
export interface TraceDecoder {
  /** The next bytes of the answer; the decoder may take ownership of them. */
  push(bytes: Uint8Array): void;
  /** The answer ended: resolves once every span is out, or rejects with the first failure. */
  end(): Promise<TraceStreamEnd>;
  /** Rejects with the first failure, before the end if the parse fails early. */
  readonly failed: Promise<never>;
  /** Stops the work (cancelled or failed elsewhere). */
  dispose(): void;
}

export function createTraceDecoder(
  url: string,
  onBatch: (batch: TraceBatch) => void,
): TraceDecoder {
  return typeof Worker === 'undefined'
    ? createInThreadDecoder(onBatch)
    : createWorkerDecoder(url, onBatch);
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

function createInThreadDecoder(onBatch: (batch: TraceBatch) => void): TraceDecoder {
  const failure = deferredFailure();
  const parser = createBatchingTraceParser();
  const flush = () => {
    const batch = parser.take();
    if (batch) onBatch(batch);
  };
  let error: Error | null = null;
  const fail = (caught: unknown): Error => {
    error = caught instanceof Error ? caught : new Error(String(caught));
    failure.reject(error);
    return error;
  };
  return {
    push(bytes) {
      if (error) return;
      try {
        parser.push(bytes);
        flush();
      } catch (caught) {
        fail(caught);
      }
    },
    end() {
      if (error) return Promise.reject(error);
      try {
        const end = parser.end();
        flush();
        return Promise.resolve(end);
      } catch (caught) {
        return Promise.reject(fail(caught));
      }
    },
    failed: failure.promise,
    dispose() {},
  };
}

function createWorkerDecoder(url: string, onBatch: (batch: TraceBatch) => void): TraceDecoder {
  const worker = new Worker(new URL('./traceStream.worker.ts', import.meta.url), {
    type: 'module',
    name: 'trace-parser',
  });
  const failure = deferredFailure();
  let resolveEnd: (end: TraceStreamEnd) => void = () => {};
  const ended = new Promise<TraceStreamEnd>((resolve) => {
    resolveEnd = resolve;
  });
  const send = (message: ToTraceWorker, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  worker.onmessage = (event: MessageEvent<FromTraceWorker>) => {
    const message = event.data;
    try {
      if (message.type === 'batch') onBatch(message.batch);
      else if (message.type === 'end') resolveEnd(message.end);
      else failure.reject(errorOf(message.error, url));
    } catch (error) {
      // The page's part (parsing and checking each span) failed: stop here.
      worker.terminate();
      failure.reject(error);
    }
  };
  worker.onerror = (event) => {
    // The worker could not start or crashed (out of memory): nothing more will come.
    event.preventDefault();
    failure.reject(new Error(event.message || 'The trace parser stopped'));
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
