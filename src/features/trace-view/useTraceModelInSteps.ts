import { useEffect, useState } from 'react';
import type { TraceDetail } from '../../api/schemas';
import { buildSpanTree } from '../../domain/trace/buildSpanTree';
import { buildTraceModel, type TraceModel } from '../../domain/trace/traceModel';
import { measure } from '../../lib/perf';

interface Built {
  trace: TraceDetail;
  model: TraceModel;
}

/**
 * The model of `trace` built in two tasks of their own, its span tree and then the facts derived
 * from it, so that the page can paint and answer input between them; null until both are done,
 * or when `trace` is undefined. For a big trace (300,000 spans: 60-170 ms in one task when the
 * screen built it in its first render).
 */
export function useTraceModelInSteps(trace: TraceDetail | undefined): TraceModel | null {
  const [built, setBuilt] = useState<Built | null>(null);
  useEffect(() => {
    if (trace === undefined) return;
    let timer = window.setTimeout(() => {
      const tree = measure('app:buildSpanTree', () => buildSpanTree(trace.tree));
      timer = window.setTimeout(() => {
        setBuilt({
          trace,
          model: measure('app:buildTraceModel', () => buildTraceModel(trace, tree)),
        });
      }, 0);
    }, 0);
    return () => window.clearTimeout(timer);
  }, [trace]);
  return built !== null && built.trace === trace ? built.model : null;
}
