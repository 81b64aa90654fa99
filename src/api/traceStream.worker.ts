import {
  createTraceStreamParser,
  type StreamedNode,
  type TraceStreamParser,
} from './traceStreamParser';
import { failureOf, type FromTraceWorker, type ToTraceWorker } from './traceStreamMessages';

/*
 * Parses one trace answer off the main thread: bytes in, spans out in batches (one message per
 * chunk read), so the page stays responsive while a 100 MB answer arrives. All the logic is in
 * traceStreamParser.ts, which the tests run directly.
 */

// The app is typed with the DOM's globals; in a worker `self` is this much of them.
const scope = self as unknown as {
  postMessage(message: FromTraceWorker): void;
  onmessage: ((event: MessageEvent<ToTraceWorker>) => void) | null;
};
let parser: TraceStreamParser | null = null;
let batch: StreamedNode[] = [];
let failed = false;

function post(message: FromTraceWorker): void {
  scope.postMessage(message);
}

function flush(): void {
  if (batch.length === 0) return;
  post({ type: 'nodes', records: batch });
  batch = [];
}

scope.onmessage = (event: MessageEvent<ToTraceWorker>) => {
  const message = event.data;
  if (failed) return;
  try {
    switch (message.type) {
      case 'start':
        parser = createTraceStreamParser({ url: message.url, onNode: (node) => batch.push(node) });
        break;
      case 'chunk':
        parser?.push(message.bytes);
        flush();
        break;
      case 'end': {
        const end = parser?.end();
        flush();
        if (end) post({ type: 'end', end });
        break;
      }
    }
  } catch (error) {
    failed = true;
    post({ type: 'error', error: failureOf(error) });
  }
};
