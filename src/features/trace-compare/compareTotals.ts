import type { TraceDetail, TraceNode } from '../../api/schemas';
import { durationBetweenUs, parseTimestampUs } from '../../lib/time';

export interface TraceTotals {
  durationUs: number;
  spans: number;
  errors: number;
  inputTokens: number | null;
  outputTokens: number | null;
}

/**
 * A trace's totals for the top of the comparison: duration from its times, spans and ERROR
 * spans counted in the tree, tokens from the roots' trace-wide totals, else summed over spans.
 * Iterative.
 */
export function compareTotals(trace: TraceDetail): TraceTotals {
  let spans = 0;
  let errors = 0;
  let spanInput: number | null = null;
  let spanOutput: number | null = null;
  const stack: TraceNode[] = [...trace.tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    spans++;
    if (node.status === 'ERROR') errors++;
    spanInput = add(spanInput, node.metadata?.input_tokens);
    spanOutput = add(spanOutput, node.metadata?.output_tokens);
    if (node.spans) for (const child of node.spans) stack.push(child);
  }
  let rootInput: number | null = null;
  let rootOutput: number | null = null;
  for (const root of trace.tree) {
    rootInput = add(rootInput, root.metadata?.total_input_tokens);
    rootOutput = add(rootOutput, root.metadata?.total_output_tokens);
  }
  const hasRootTotals = rootInput !== null || rootOutput !== null;
  return {
    durationUs: durationBetweenUs(
      parseTimestampUs(trace.start_time),
      parseTimestampUs(trace.end_time),
    ),
    spans,
    errors,
    inputTokens: hasRootTotals ? rootInput : spanInput,
    outputTokens: hasRootTotals ? rootOutput : spanOutput,
  };
}

function add(sum: number | null, value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return sum;
  return (sum ?? 0) + n;
}
