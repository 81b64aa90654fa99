import { createSearchPageScanner } from './searchPageScanner';
import { failureOf, type StreamFailure } from './traceStreamMessages';

/*
 * Scans one advanced search page off the main thread: the answer's bytes in (transferred, one
 * message per chunk read), the page without its span trees out as one JSON text at the end. All
 * the logic is in searchPageScanner.ts, which the tests run directly.
 */

/** What the page sends the search worker: the bytes, then the end. */
export type ToSearchWorker = { type: 'chunk'; bytes: Uint8Array } | { type: 'end' };

/** What the search worker answers: the page's text (null when empty), or the first failure. */
export type FromSearchWorker =
  { type: 'end'; text: string | null } | { type: 'error'; error: StreamFailure };

// The app is typed with the DOM's globals; in a worker `self` is this much of them.
const scope = self as unknown as {
  postMessage(message: FromSearchWorker): void;
  onmessage: ((event: MessageEvent<ToSearchWorker>) => void) | null;
};
const scanner = createSearchPageScanner();
let failed = false;

scope.onmessage = (event: MessageEvent<ToSearchWorker>) => {
  const message = event.data;
  if (failed) return;
  try {
    if (message.type === 'chunk') scanner.push(message.bytes);
    else scope.postMessage({ type: 'end', text: scanner.end() });
  } catch (error) {
    failed = true;
    scope.postMessage({ type: 'error', error: failureOf(error) });
  }
};
