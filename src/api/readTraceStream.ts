import { NotJsonError, TooLargeError, TruncatedError } from './errors';
import { measure } from '../lib/perf';
import type { TraceDetail } from './schemas';
import { TraceAssembler, type SpanPreview } from './traceAssembler';
import {
  abortReason,
  createByteStreamDecoder,
  fetchInWorker,
  type BodyInWorker,
} from './byteStreamWorker';
import type { TraceBatch, TraceStreamEnd } from './traceBatch';

/** How far the download of a trace is. */
export interface TraceLoadProgress {
  /** Bytes of the answer received (after any content decoding). */
  bytes: number;
  /** The answer's `Content-Length`, when the server sent one. */
  total: number | null;
  /** Spans read so far. */
  spans: number;
  /** The first spans in tree order (a screenful), as they arrive. */
  preview: readonly SpanPreview[];
}

export interface ReadTraceOptions {
  /** The request's own signal: aborted by Cancel, by leaving the page, or by the time-out. */
  signal: AbortSignal;
  /** Called whenever bytes arrive: the time-out counts from the last bytes, not the request. */
  onBytes: () => void;
  onProgress?: (progress: TraceLoadProgress) => void;
}

function startTraceParser(): Worker {
  return new Worker(new URL('./traceStream.worker.ts', import.meta.url), {
    type: 'module',
    name: 'trace-parser',
  });
}

let spareParser: Worker | undefined;

/**
 * Starts the trace parser's worker while the request is on its way, so that loading and
 * compiling its script is not between the answer's first byte and the first rows. The next
 * `readTraceStream` takes it; one that is not taken (the request failed) waits for the next.
 */
export function prestartTraceParser(): void {
  if (typeof Worker !== 'undefined') spareParser ??= startTraceParser();
}

function takeTraceParser(): Worker {
  const worker = spareParser ?? startTraceParser();
  spareParser = undefined;
  return worker;
}

const bodiesInWorker = new WeakMap<Response, BodyInWorker<TraceStreamEnd, TraceBatch>>();

/**
 * `fetch` for a trace, made by the trace parser's worker when the browser has workers: the
 * answer's bytes then go from the network to the parser without passing through the page
 * (receiving 100 MB cost the page's main thread about a second). `readTraceStream` has the
 * worker read such an answer's body.
 */
export async function fetchTrace(url: string, init: RequestInit = {}): Promise<Response> {
  if (typeof Worker === 'undefined') return fetch(url, init);
  const { response, body } = await fetchInWorker<TraceStreamEnd, TraceBatch>(
    {
      url,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers)),
      body: typeof init.body === 'string' ? init.body : undefined,
    },
    { startWorker: takeTraceParser, workerName: 'trace parser', signal: init.signal },
  );
  if (body) bodiesInWorker.set(response, body);
  return response;
}

/**
 * At most this often, so a fast download does not re-render the page for every chunk: each
 * render of the loading view is main-thread time the parse waits for (at 100, rather than 250,
 * about 0.4 s of a 100,000-span load's 3-4 s). The first screenful of rows is not held back.
 */
const PROGRESS_INTERVAL_MS = 250;

/**
 * Reads a trace answer as it arrives and parses it as it goes (in a worker when there is one),
 * so no step holds the whole answer as one string and the page is never blocked for long.
 * Fails as the whole-answer reader does (SchemaError with the JSON path, NotJsonError), plus
 * TruncatedError for an answer that stopped early and TooLargeError when the browser runs out
 * of room.
 */
export async function readTraceStream(
  response: Response,
  url: string,
  options: ReadTraceOptions,
): Promise<TraceDetail> {
  const { signal, onBytes, onProgress } = options;
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const assembler = new TraceAssembler(url);
  let bytes = 0;
  let lastReport = -Infinity;
  let previewReported = 0;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const report = (force = false) => {
    if (!onProgress) return;
    const wait = lastReport + PROGRESS_INTERVAL_MS - performance.now();
    const isPreviewGrown = assembler.preview.length > previewReported;
    if (!force && !isPreviewGrown && wait > 0) {
      // The last figures are shown even when nothing more arrives for a while.
      trailing ??= setTimeout(() => report(true), wait);
      return;
    }
    clearTimeout(trailing);
    trailing = undefined;
    lastReport = performance.now();
    previewReported = assembler.preview.length;
    onProgress({ bytes, total, spans: assembler.spans, preview: assembler.preview.slice() });
  };
  const inWorker = bodiesInWorker.get(response);
  const onBatch = (batch: TraceBatch) => {
    assembler.add(batch);
    // Its texts are parsed: the parser writes a later batch's into the same buffer.
    if (batch.texts.byteLength > 0) decoder.recycle(batch.texts.buffer);
    if (inWorker) {
      // The worker reads the bytes and counts them.
      bytes = batch.bytesRead;
      onBytes();
    }
    report();
  };
  // In a worker when the browser has them, so the page never parses for long.
  const decoder = inWorker
    ? inWorker.read({ onBatch })
    : createByteStreamDecoder<TraceStreamEnd, TraceBatch>({
        url,
        startWorker: takeTraceParser,
        // Only without workers: loaded then, so the page's first bundle does not carry it.
        createWork: () =>
          import('./traceStreamParser').then((parser) => parser.createBatchingTraceParser()),
        onBatch,
        workerName: 'trace parser',
      });
  const reader = inWorker ? undefined : response.body?.getReader();
  const aborted = new Promise<never>((_, reject) => {
    const onAbort = () => reject(abortReason(signal));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {}); // only raced below
  const notJson = (isEmpty: boolean) =>
    new NotJsonError(url, response.status, response.headers.get('content-type'), null, isEmpty);

  try {
    report(true);
    while (reader) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await Promise.race([reader.read(), decoder.failed]);
      } catch (error) {
        if (signal.aborted || !isReadFailure(error)) throw error;
        // The connection broke mid-answer: what arrived is kept.
        throw await cutOff(decoder.end(), assembler, url);
      }
      if (chunk.done) break;
      bytes += chunk.value.byteLength;
      onBytes();
      decoder.push(chunk.value);
      report();
    }
    const end = await Promise.race([decoder.end(), aborted]);
    report(true);
    clearTimeout(trailing);
    if (end.isEmpty) throw notJson(true);
    if (end.truncated) throw partialError(end.fieldsText, assembler, url);
    return measure('app:parseTraceDetail', () => assembler.finish(end.fieldsText));
  } catch (error) {
    clearTimeout(trailing);
    void reader?.cancel().catch(() => {});
    decoder.dispose();
    if (error instanceof SyntaxError) throw notJson(false);
    if (error instanceof RangeError) throw new TooLargeError(url, bytes);
    throw error;
  }
}

/** A read that failed (not the parser): the stream's own TypeError. */
function isReadFailure(error: unknown): boolean {
  return error instanceof TypeError;
}

async function cutOff(
  ending: Promise<TraceStreamEnd>,
  assembler: TraceAssembler,
  url: string,
): Promise<TruncatedError> {
  try {
    const end = await ending;
    return partialError(end.fieldsText, assembler, url);
  } catch {
    return new TruncatedError(url, assembler.spans, null);
  }
}

function partialError(
  fieldsText: string | null,
  assembler: TraceAssembler,
  url: string,
): TruncatedError {
  let partial: TraceDetail | null = null;
  try {
    partial = fieldsText === null ? null : assembler.finish(fieldsText);
  } catch {
    // The trace's own fields had not all arrived: there is nothing to show the spans in.
  }
  return new TruncatedError(url, assembler.spans, partial);
}
