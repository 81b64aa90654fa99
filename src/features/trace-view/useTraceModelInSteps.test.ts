import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TraceDetail } from '../../api/schemas';
import { testTrace } from '../../test/testModel';
import { timedSpan } from '../../test/testTraces';
import { useTraceModelInSteps } from './useTraceModelInSteps';

describe('useTraceModelInSteps', () => {
  it('builds a trace’s model after its render, and never answers with another trace’s', async () => {
    const first = testTrace([
      timedSpan(0, 1000, { spans: [timedSpan(100, 300, { status: 'ERROR' })] }),
    ]);
    const initialProps: { trace: TraceDetail | undefined } = { trace: first };
    const { result, rerender } = renderHook(({ trace }) => useTraceModelInSteps(trace), {
      initialProps,
    });
    // Not in the render that asks: in tasks after it.
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current).not.toBeNull());
    // The tree and the facts derived from it.
    expect(result.current!.count).toBe(2);
    expect(result.current!.isError[1]).toBe(1);
    expect(result.current!.durationUs[1]).toBe(200);

    const second = testTrace([timedSpan(0, 10)]);
    rerender({ trace: second });
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current?.count).toBe(1));

    rerender({ trace: undefined });
    expect(result.current).toBeNull();
  });
});
