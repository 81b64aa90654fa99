import { NotJsonError, TooLargeError, TruncatedError } from './errors';
import { createByteStreamDecoder } from './byteStreamWorker';
import { searchPageWork } from './searchPageScanner';

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
 * page of whole traces, as one string or as objects. Fails with NotJsonError for an answer that
 * is not JSON, TruncatedError for one that stops before its end or whose connection breaks,
 * TooLargeError when the browser runs out of room, and the abort's own error when aborted.
 */
export async function readSearchPage(
  response: Response,
  url: string,
  options: ReadSearchPageOptions,
): Promise<unknown> {
  const { signal, onBytes } = options;
  const decoder = createByteStreamDecoder({
    url,
    startWorker: () =>
      new Worker(new URL('./searchPage.worker.ts', import.meta.url), {
        type: 'module',
        name: 'search-page-scanner',
      }),
    createWork: searchPageWork,
    workerName: 'search page scanner',
  });
  const reader = response.body?.getReader();
  const notJson = (isEmpty: boolean) =>
    new NotJsonError(url, response.status, response.headers.get('content-type'), null, isEmpty);
  let bytes = 0;
  try {
    while (reader) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await Promise.race([reader.read(), decoder.failed]);
      } catch (error) {
        // The stream's own TypeError: the connection broke mid-answer.
        if (!signal.aborted && error instanceof TypeError)
          throw new TruncatedError(url, null, null);
        throw error;
      }
      if (chunk.done) break;
      bytes += chunk.value.byteLength;
      onBytes();
      decoder.push(chunk.value);
    }
    const end = await decoder.end();
    if ('isCutOff' in end) throw new TruncatedError(url, null, null);
    if (end.text === null) throw notJson(true);
    return JSON.parse(end.text) as unknown;
  } catch (error) {
    void reader?.cancel().catch(() => {});
    decoder.dispose();
    if (signal.aborted) throw error;
    if (error instanceof SyntaxError) throw notJson(false);
    if (error instanceof RangeError) throw new TooLargeError(url, bytes);
    throw error;
  }
}
