import { countFailingSpans } from '../../domain/trace/traceStatus';
import type { TraceModel } from '../../domain/trace/traceModel';
import { durationBetweenUs } from '../../lib/time';

export interface TraceTotals {
  durationUs: number;
  spans: number;
  errors: number;
  /** Null when the trace records no tokens at all. */
  inputTokens: number | null;
  outputTokens: number | null;
}

/**
 * A trace's totals for the top of the comparison, as the trace page's header gives them: the
 * duration from the trace's own times, spans and ERROR spans counted in the tree, tokens by the
 * model's rule (the roots' trace-wide totals, else the spans' sum).
 */
export function compareTotals(model: TraceModel): TraceTotals {
  const { input, output, source } = model.tokenTotals;
  return {
    durationUs: durationBetweenUs(model.reportedStartUs, model.reportedEndUs),
    spans: model.count,
    errors: countFailingSpans(model.isError),
    inputTokens: source === 'none' ? null : input,
    outputTokens: source === 'none' ? null : output,
  };
}
