import { describe, expect, it } from 'vitest';
import { realTrace } from '../../../test/testTree';
import { buildSpanTree } from '../../../domain/trace/buildSpanTree';
import { firstErrorOrigin } from './firstError';
import { timedSpan as span } from '../../../test/testTraces';

const names = (roots: Parameters<typeof buildSpanTree>[0]) => {
  const tree = buildSpanTree(roots);
  const index = firstErrorOrigin(tree);
  return index === null ? null : tree.nodes[index]!.name;
};

describe('firstErrorOrigin', () => {
  it('finds the failed tool call of a real trace that the server calls OK', () => {
    // The root span is OK: the agent answered after refund_order failed.
    expect(names(realTrace('trace-agent-tool-error.json').tree)).toBe('refund_order');
  });

  it('skips ancestors that only failed because a span below them did', () => {
    const root = span(0, 100, {
      name: 'agent',
      status: 'ERROR',
      spans: [
        span(10, 20, { name: 'ok' }),
        span(30, 60, { name: 'late-failure', status: 'ERROR' }),
        span(20, 70, {
          name: 'team',
          status: 'ERROR',
          spans: [span(25, 40, { name: 'early-failure', status: 'ERROR' })],
        }),
      ],
    });
    expect(names([root])).toBe('early-failure');
  });

  it('picks a failing span with no failing child, by start time', () => {
    const root = span(0, 100, {
      name: 'agent',
      spans: [
        span(50, 60, { name: 'second', status: 'ERROR' }),
        span(40, 90, { name: 'first', status: 'ERROR', spans: [span(45, 50, { name: 'fine' })] }),
      ],
    });
    expect(names([root])).toBe('first');
  });

  it('breaks ties by end time, and puts unparsable times last', () => {
    const roots = [
      { ...span(0, 10, { name: 'no-time', status: 'ERROR' }), start_time: 'never' },
      span(5, 30, { name: 'longer', status: 'ERROR' }),
      span(5, 20, { name: 'shorter', status: 'ERROR' }),
    ];
    expect(names(roots)).toBe('shorter');
  });

  it('is null when nothing failed', () => {
    expect(names([span(0, 10, { spans: [span(1, 2)] })])).toBeNull();
  });
});
