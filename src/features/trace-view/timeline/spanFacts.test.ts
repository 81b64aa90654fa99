import { describe, expect, it } from 'vitest';
import { testModel } from '../../../test/testModel';
import { timedSpan } from '../../../test/testTraces';
import { spanDescription, spanFacts } from './spanFacts';

const tree = testModel([
  timedSpan(0, 1_200_000, {
    name: 'support_agent',
    type: 'AGENT',
    spans: [timedSpan(100_000, 400_000, { name: 'get_price', status: 'ERROR' })],
  }),
]);

const llmTree = testModel([
  timedSpan(0, 1_200_000, {
    name: 'agent',
    type: 'AGENT',
    spans: [
      timedSpan(100_000, 400_000, {
        name: 'gpt',
        type: 'LLM',
        status: 'ERROR',
        metadata: { input_tokens: 1204 },
      }),
    ],
  }),
]);

describe('span facts', () => {
  it('gives a span’s type, duration and self time', () => {
    expect(spanFacts(tree, 0)).toEqual({
      name: 'support_agent',
      type: 'AGENT',
      start: '0',
      duration: '1.20s',
      selfTime: '900ms',
      tokens: null,
      status: 'OK',
      isError: false,
    });
  });

  it('gives a child’s start from the trace’s start, its tokens and its failure', () => {
    expect(spanFacts(llmTree, 1)).toMatchObject({
      start: '+100ms',
      tokens: '1,204 → ?',
      status: 'Error',
      isError: true,
    });
  });

  it('describes the selection for a screen reader', () => {
    expect(spanDescription(tree, 0)).toBe(
      'AGENT support_agent, 1.20s, self time 900ms, level 1, 1 child',
    );
    expect(spanDescription(tree, 1)).toBe(
      'TOOL get_price, 300ms, self time 300ms, level 2, no children, failed',
    );
  });
});
