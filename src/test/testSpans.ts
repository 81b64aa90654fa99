import type { TraceNode } from '../api/schemas';

let nextId = 0;

/** A span with sensible defaults, for tests: `makeSpan({ type: 'LLM', spans: [...] })`. */
export function makeSpan(overrides: Partial<TraceNode> = {}): TraceNode {
  nextId += 1;
  return {
    id: `span-${nextId}`,
    name: `span ${nextId}`,
    type: 'TOOL',
    duration: '1ms',
    start_time: '2025-11-19T10:30:00.000000Z',
    end_time: '2025-11-19T10:30:00.001000Z',
    status: 'OK',
    ...overrides,
  };
}
