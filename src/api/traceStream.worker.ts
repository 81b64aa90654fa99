import { createBatchingTraceParser } from './traceStreamParser';
import { failureOf, type FromTraceWorker, type ToTraceWorker } from './traceStreamMessages';

/*
 * Scans one trace answer off the main thread: bytes in, each span's JSON text out in batches
 * (one message per chunk read), so the page only parses small texts in short tasks while a
 * 100 MB answer arrives. All the logic is in traceStreamParser.ts, which the tests run directly.
 */

// The app is typed with the DOM's globals; in a worker `self` is this much of them.
const scope = self as unknown as {
  postMessage(message: FromTraceWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToTraceWorker>) => void) | null;
};
const parser = createBatchingTraceParser();
let failed = false;

function flush(): void {
  const batch = parser.take();
  // The long strings' bytes are handed over, not copied.
  if (batch)
    scope.postMessage({ type: 'batch', batch }, batch.lazyBytes ? [batch.lazyBytes.buffer] : []);
}

scope.onmessage = (event: MessageEvent<ToTraceWorker>) => {
  const message = event.data;
  if (failed) return;
  try {
    if (message.type === 'chunk') {
      parser.push(message.bytes);
      flush();
    } else {
      const end = parser.end();
      flush();
      scope.postMessage({ type: 'end', end });
    }
  } catch (error) {
    failed = true;
    scope.postMessage({ type: 'error', error: failureOf(error) });
  }
};
