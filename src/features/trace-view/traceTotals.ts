import type { SpanTree } from '../../domain/trace/buildSpanTree';

export interface TokenTotals {
  input: number;
  output: number;
  /** Where the numbers came from: the root's trace-wide totals, or a sum over LLM spans. */
  source: 'root' | 'sum' | 'none';
}

function tokenValue(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The trace's input/output tokens. The root span carries trace-wide totals; when it does not
 * (older servers, orphan roots), LLM spans' own counts are summed.
 */
export function traceTokenTotals(tree: SpanTree): TokenTotals {
  let rootInput = 0;
  let rootOutput = 0;
  let rootHasTotals = false;
  for (let i = 0; i < tree.count; i += tree.subtreeSize[i]!) {
    const metadata = tree.nodes[i]!.metadata;
    const input = tokenValue(metadata?.total_input_tokens);
    const output = tokenValue(metadata?.total_output_tokens);
    if (input !== null || output !== null) rootHasTotals = true;
    rootInput += input ?? 0;
    rootOutput += output ?? 0;
  }
  if (rootHasTotals) return { input: rootInput, output: rootOutput, source: 'root' };

  let input = 0;
  let output = 0;
  let found = false;
  for (const node of tree.nodes) {
    const spanInput = tokenValue(node.metadata?.input_tokens);
    const spanOutput = tokenValue(node.metadata?.output_tokens);
    if (spanInput !== null || spanOutput !== null) found = true;
    input += spanInput ?? 0;
    output += spanOutput ?? 0;
  }
  return found ? { input, output, source: 'sum' } : { input: 0, output: 0, source: 'none' };
}
