import { describe, expect, it } from 'vitest';
import type { TraceSessionStats, TraceSummary } from '../../api/schemas';
import { sessionTracesLimit, summarizeSession } from './sessionSummary';

function makeTrace(overrides: Partial<TraceSummary>): TraceSummary {
  return {
    trace_id: 't',
    name: 'Support_Agent.arun',
    status: 'OK',
    duration: '1.00s',
    start_time: '2026-11-28T20:00:00Z',
    end_time: '2026-11-28T20:00:01Z',
    created_at: '2026-11-28T20:00:01Z',
    total_spans: 3,
    error_count: 0,
    ...overrides,
  };
}

describe('summarizeSession', () => {
  // Newest first, as GET /traces answers.
  const traces = [
    makeTrace({
      input: 'And the other order?',
      start_time: '2026-11-28T20:10:07.841481Z',
      end_time: '2026-11-28T20:10:09.812338Z',
      error_count: 1,
    }),
    makeTrace({
      input: 'Where is my order A-1001?',
      start_time: '2026-11-28T20:10:06.319641Z',
      end_time: '2026-11-28T20:10:06.680000Z',
      status: 'ERROR',
    }),
    makeTrace({
      input: 'Thanks',
      start_time: '2026-11-28T20:10:08Z',
      end_time: '2026-11-28T20:10:08.5Z',
    }),
  ];

  it('takes the input of the earliest trace, whatever the order', () => {
    expect(summarizeSession(traces, 3).firstInput).toBe('Where is my order A-1001?');
  });

  it('counts traces whose root or any span failed', () => {
    expect(summarizeSession(traces, 3).failedTraces).toBe(2);
  });

  it('spans from the earliest start to the latest end', () => {
    const summary = summarizeSession(traces, 3);
    expect(summary.startUs).toBe(Date.UTC(2026, 10, 28, 20, 10, 6) * 1000 + 319_641);
    expect(summary.endUs).toBe(Date.UTC(2026, 10, 28, 20, 10, 9) * 1000 + 812_338);
  });

  it('says when only the newest traces were read', () => {
    expect(summarizeSession(traces, 3).isComplete).toBe(true);
    expect(summarizeSession(traces, 250).isComplete).toBe(false);
  });

  it('leaves the first input absent when the first trace has none', () => {
    const summary = summarizeSession(
      [makeTrace({ input: 'later' }), makeTrace({ start_time: '2026-11-28T19:00:00Z' })],
      2,
    );
    expect(summary.firstInput).toBeUndefined();
  });

  it('has no times when none parse', () => {
    const summary = summarizeSession(
      [makeTrace({ start_time: 'x', end_time: 'y', input: 'a' })],
      1,
    );
    expect(summary.startUs).toBeNaN();
    expect(summary.endUs).toBeNaN();
    expect(summary.firstInput).toBe('a');
  });
});

describe('sessionTracesLimit', () => {
  const session = (total: number) => ({ total_traces: total }) as TraceSessionStats;
  it('asks for all traces up to 100', () => {
    expect(sessionTracesLimit(session(3))).toBe(3);
    expect(sessionTracesLimit(session(100))).toBe(100);
    expect(sessionTracesLimit(session(4000))).toBe(100);
    expect(sessionTracesLimit(session(0))).toBe(1);
  });
});
