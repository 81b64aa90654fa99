import type { TraceDetail, TraceNode } from '../api/schemas';
import { buildTraceModel, type TraceModel } from '../domain/trace/traceModel';

/**
 * A trace holding `roots`, for tests. Its own times are the first root's (or a fixed instant
 * when there is none), so the header's times match the spans unless a test says otherwise.
 */
export function testTrace(
  roots: readonly TraceNode[],
  overrides: Partial<TraceDetail> = {},
): TraceDetail {
  const first = roots[0];
  const start = first?.start_time ?? '2025-11-19T10:30:00.000000Z';
  return {
    trace_id: 'trace-1',
    name: first?.name ?? 'trace',
    status: first?.status ?? 'OK',
    duration: first?.duration ?? '0ms',
    start_time: start,
    end_time: first?.end_time ?? start,
    created_at: start,
    total_spans: countSpans(roots),
    error_count: 0,
    tree: [...roots],
    ...overrides,
  };
}

/** The trace model of a trace holding `roots` (see `testTrace`). */
export function testModel(
  roots: readonly TraceNode[],
  overrides: Partial<TraceDetail> = {},
): TraceModel {
  return buildTraceModel(testTrace(roots, overrides));
}

function countSpans(roots: readonly TraceNode[]): number {
  let count = 0;
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    count++;
    if (node.spans) stack.push(...node.spans);
  }
  return count;
}
