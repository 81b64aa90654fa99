import { describe, expect, it } from 'vitest';
import { traceTokenTotals } from './traceTotals';
import { buildSpanTree } from '../../domain/trace/buildSpanTree';
import { makeSpan } from '../../test/testSpans';

describe('traceTokenTotals', () => {
  it('takes the root’s trace-wide totals when it has them', () => {
    const tree = buildSpanTree([
      makeSpan({
        metadata: { total_input_tokens: 2114, total_output_tokens: 187 },
        spans: [makeSpan({ metadata: { input_tokens: 1, output_tokens: 1 } })],
      }),
    ]);
    expect(traceTokenTotals(tree)).toEqual({ input: 2114, output: 187, source: 'root' });
  });

  it('sums LLM spans when the root has no totals', () => {
    const tree = buildSpanTree([
      makeSpan({
        spans: [
          makeSpan({ metadata: { input_tokens: 912, output_tokens: 64 } }),
          makeSpan({ metadata: { input_tokens: 1202, output_tokens: 123 } }),
        ],
      }),
      makeSpan({ metadata: { input_tokens: 10 } }),
    ]);
    expect(traceTokenTotals(tree)).toEqual({ input: 2124, output: 187, source: 'sum' });
  });

  it('says when there are no tokens at all', () => {
    expect(traceTokenTotals(buildSpanTree([makeSpan()])).source).toBe('none');
  });
});
