import { SchemaError } from './errors';
import type { TraceBatch, TraceStreamEnd } from './traceStreamParser';

/** What the page sends the trace worker: the URL (for error messages), then the bytes. */
export type ToTraceWorker =
  { type: 'start'; url: string } | { type: 'chunk'; bytes: Uint8Array } | { type: 'end' };

/** What the trace worker answers: spans in batches, then the end or the first failure. */
export type FromTraceWorker =
  | { type: 'batch'; batch: TraceBatch }
  | { type: 'end'; end: TraceStreamEnd }
  | { type: 'error'; error: StreamFailure };

/** A failure, as plain data: errors lose their class crossing to another thread. */
export type StreamFailure =
  | { kind: 'schema'; path: string; expected: string }
  | { kind: 'syntax' | 'range' | 'other'; message: string };

export function failureOf(error: unknown): StreamFailure {
  if (error instanceof SchemaError) {
    return { kind: 'schema', path: error.path, expected: error.expected };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SyntaxError) return { kind: 'syntax', message };
  if (error instanceof RangeError) return { kind: 'range', message };
  return { kind: 'other', message };
}

/** The error a failure stood for, with its class back. */
export function errorOf(failure: StreamFailure, url: string): Error {
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
