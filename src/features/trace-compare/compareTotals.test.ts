import { describe, expect, it } from 'vitest';
import { buildTraceModel } from '../../domain/trace/traceModel';
import { testModel } from '../../test/testModel';
import { makeSpan } from '../../test/testSpans';
import { at, timedSpan } from '../../test/testTraces';
import { realTrace } from '../../test/testTree';
import { compareTotals } from './compareTotals';

describe('compareTotals', () => {
  it('counts tokens sent as numeric strings, as the trace page’s header does', () => {
    const model = testModel(
      [
        timedSpan(0, 4000, {
          type: 'AGENT',
          spans: [
            makeSpan({ type: 'LLM', status: 'ERROR', metadata: { input_tokens: '912' } }),
            makeSpan({ type: 'LLM', metadata: { input_tokens: 912, output_tokens: '64' } }),
          ],
        }),
      ],
      { start_time: at(1000), end_time: at(3500) },
    );
    expect(compareTotals(model)).toEqual({
      // The trace's own times, as the header gives them: 3.5ms − 1ms.
      durationUs: 2500,
      spans: 3,
      errors: 1,
      inputTokens: 1824,
      outputTokens: 64,
    });
    expect(model.tokenTotals).toEqual({ input: 1824, output: 64, source: 'sum' });
  });

  it('has no token counts for a trace that records none', () => {
    const totals = compareTotals(testModel([makeSpan()]));
    expect(totals.inputTokens).toBeNull();
    expect(totals.outputTokens).toBeNull();
  });

  it('reads the real team trace’s root totals', () => {
    const totals = compareTotals(buildTraceModel(realTrace('trace-team-delegation.json')));
    // 20:09:12.482826 to 20:09:14.019959; 15 spans, one failed (a fetch_page call); the root's
    // 1331 and 299.
    expect(totals).toEqual({
      durationUs: 1_537_133,
      spans: 15,
      errors: 1,
      inputTokens: 1331,
      outputTokens: 299,
    });
  });
});
