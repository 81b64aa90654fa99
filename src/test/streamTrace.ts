import { TraceAssembler } from '../api/traceAssembler';
import type { TraceDetail } from '../api/schemas';
import { createBatchingTraceParser } from '../api/traceStreamParser';
import { networkChunks } from './networkChunks';

/**
 * Streams an answer's `text` (cut at `cuts`, see networkChunks) through the trace parser and
 * assembles it batch by batch, as the page does with the worker's batches.
 */
export function streamed(text: string, cuts: readonly number[] = []) {
  const assembler = new TraceAssembler();
  const parser = createBatchingTraceParser();
  const take = () => {
    for (let batch = parser.take(); batch !== null; batch = parser.take()) assembler.add(batch);
  };
  for (const chunk of networkChunks(text, cuts)) {
    parser.push(chunk);
    take();
  }
  const end = parser.end();
  take();
  return { end, assembler };
}

/** The trace, streamed and assembled from `text`. */
export function streamTrace(text: string, cuts: readonly number[] = []): TraceDetail {
  const { end, assembler } = streamed(text, cuts);
  return assembler.finish(end.fieldsText);
}
