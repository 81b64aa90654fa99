import { serveByteStreamWork } from './byteStreamWorker';
import { searchPageWork } from './searchPageScanner';

/*
 * Scans one advanced search page off the main thread: the answer's bytes in, the page without
 * its span trees out as one JSON text at the end. All the logic is in searchPageScanner.ts,
 * which the tests run directly.
 */
serveByteStreamWork(searchPageWork());
