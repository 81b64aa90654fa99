import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../api/schemas';
import { runsInTimeOrder } from './sessionRuns';

const trace = (trace_id: string, start_time: string) =>
  ({ trace_id, start_time }) as unknown as TraceSummary;

describe('runsInTimeOrder', () => {
  it('reads a session oldest first, whatever order the list came in', () => {
    const runs = runsInTimeOrder([
      trace('c', '2026-11-28T10:00:02Z'),
      trace('a', '2026-11-28T10:00:00Z'),
      trace('b', '2026-11-28T10:00:01.500000+00:00'),
      trace('broken', 'not a time'),
      trace('a2', '2026-11-28T10:00:00Z'),
    ]);
    expect(runs.map((run) => run.trace_id)).toEqual(['a', 'a2', 'b', 'c', 'broken']);
  });
});
