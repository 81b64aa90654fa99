import { describe, expect, it } from 'vitest';
import { buildSpanTree } from '../../../domain/trace/buildSpanTree';
import { testModel } from '../../../test/testModel';
import { makeSpan } from '../../../test/testSpans';
import { timedSpan as span } from '../../../test/testTraces';
import { computeSelfTimes, summarizeTimeByType, summarizeTokensByModel } from './selfTime';

describe('summarizeTimeByType', () => {
  it('sums self time per type without double counting nested spans', () => {
    const tree = buildSpanTree([
      span(0, 10_000, {
        type: 'AGENT',
        spans: [
          span(0, 4000, { type: 'LLM' }),
          span(4000, 8000, { type: 'AGENT', spans: [span(4000, 6000, { type: 'LLM' })] }),
        ],
      }),
    ]);
    const summary = summarizeTimeByType(tree, computeSelfTimes(tree));
    expect(summary).toEqual([
      { type: 'LLM', count: 2, selfTimeUs: 6000 },
      { type: 'AGENT', count: 2, selfTimeUs: 4000 },
    ]);
    const total = summary.reduce((sum, row) => sum + row.selfTimeUs, 0);
    expect(total).toBe(10_000);
  });
});

describe('summarizeTokensByModel', () => {
  it('sums tokens of LLM spans per model and ignores the root totals', () => {
    const tree = testModel([
      makeSpan({
        type: 'AGENT',
        metadata: { total_input_tokens: 999, total_output_tokens: 999 },
        spans: [
          makeSpan({
            type: 'LLM',
            metadata: { model: 'gpt-4o-mini', input_tokens: 912, output_tokens: 64 },
          }),
          makeSpan({
            type: 'LLM',
            metadata: { model: 'gpt-4o-mini', input_tokens: 1202, output_tokens: 123 },
          }),
          makeSpan({ type: 'LLM', metadata: { model: 'claude-sonnet-4', input_tokens: '10' } }),
          makeSpan({ type: 'LLM' }),
        ],
      }),
    ]);
    expect(summarizeTokensByModel(tree)).toEqual([
      { model: 'gpt-4o-mini', calls: 2, inputTokens: 2114, outputTokens: 187 },
      { model: 'claude-sonnet-4', calls: 1, inputTokens: 10, outputTokens: 0 },
      { model: 'unknown', calls: 1, inputTokens: 0, outputTokens: 0 },
    ]);
  });
});

describe('summarizeTokensByModel without model ids', () => {
  it('groups a model call that lost its model id under the model class in its name', () => {
    const tree = testModel([
      makeSpan({
        type: 'AGENT',
        spans: [
          makeSpan({ type: 'LLM', name: 'AwsBedrock.invoke', metadata: { input_tokens: 5 } }),
          makeSpan({ type: 'LLM', name: 'AwsBedrock.invoke', metadata: { output_tokens: '7' } }),
        ],
      }),
    ]);
    expect(summarizeTokensByModel(tree)).toEqual([
      { model: 'AwsBedrock', calls: 2, inputTokens: 5, outputTokens: 7 },
    ]);
  });
});
