/**
 * The trace parser's worker (traceStream.worker.ts), started ahead of need. A module of its own,
 * with no imports, so that main.tsx can start it at boot without loading the reading code.
 */

function startTraceParser(): Worker {
  return new Worker(new URL('./traceStream.worker.ts', import.meta.url), {
    type: 'module',
    name: 'trace-parser',
  });
}

let spareParser: Worker | undefined;

/**
 * Starts the trace parser's worker now, so that loading and compiling its script, and starting
 * its thread, are not between the trace's request and its first byte (on a busy page that took
 * 100–300 ms). The next `takeTraceParser` takes it.
 */
export function prestartTraceParser(): void {
  if (typeof Worker !== 'undefined') spareParser ??= startTraceParser();
}

/** The spare worker if there is one (one that was not taken waits for the next), or a new one. */
export function takeTraceParser(): Worker {
  const worker = spareParser ?? startTraceParser();
  spareParser = undefined;
  return worker;
}
