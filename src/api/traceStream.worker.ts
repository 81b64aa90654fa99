import { serveByteStreamWork } from './byteStreamWorker';
import { createBatchingTraceParser, transferablesOf } from './traceStreamParser';

/*
 * Scans one trace answer off the main thread: bytes in, each span's JSON text out in batches
 * (one message per chunk read), so the page only parses small texts in short tasks while a
 * 100 MB answer arrives. All the logic is in traceStreamParser.ts, which the tests run directly.
 */
serveByteStreamWork(createBatchingTraceParser(), transferablesOf);
