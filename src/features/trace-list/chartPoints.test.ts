import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../api/schemas';
import {
  durationAxis,
  formatTickDuration,
  groupByStatus,
  timeDomain,
  timeTicks,
  toChartPoints,
} from './chartPoints';

function makeTrace(overrides: Partial<TraceSummary> = {}): TraceSummary {
  return {
    trace_id: 't1',
    name: 'Agent.run',
    status: 'OK',
    duration: '1199.999999ms',
    start_time: '2025-11-19T10:30:00.000100Z',
    end_time: '2025-11-19T10:30:01.200100+00:00',
    created_at: '2025-11-19T10:30:01Z',
    total_spans: 3,
    error_count: 0,
    ...overrides,
  };
}

describe('toChartPoints', () => {
  it('places a trace at its start time with its duration from the two times', () => {
    const [point] = toChartPoints([makeTrace()]);
    expect(point).toMatchObject({
      traceId: 't1',
      x: Date.UTC(2025, 10, 19, 10, 30, 0) + 0.1,
      y: 1200,
      durationUs: 1_200_000,
    });
  });

  it('puts a trace that ends before it starts on the floor, with no duration', () => {
    const [point] = toChartPoints([makeTrace({ end_time: '2025-11-19T10:29:59Z' })]);
    expect(point?.y).toBe(1);
    expect(point?.durationUs).toBeNaN();
  });

  it('leaves out traces whose times do not parse', () => {
    expect(toChartPoints([makeTrace({ start_time: 'soon' })])).toEqual([]);
  });

  it('groups by status, with anything else than OK and ERROR together', () => {
    const groups = groupByStatus(
      toChartPoints([
        makeTrace({ trace_id: 'a' }),
        makeTrace({ trace_id: 'b', status: 'ERROR' }),
        makeTrace({ trace_id: 'c', status: 'UNSET' }),
      ]),
    );
    expect(groups.OK.map((p) => p.traceId)).toEqual(['a']);
    expect(groups.ERROR.map((p) => p.traceId)).toEqual(['b']);
    expect(groups.OTHER.map((p) => p.traceId)).toEqual(['c']);
  });
});

describe('axes', () => {
  it('pads the time range, even for a single point', () => {
    const [min, max] = timeDomain(toChartPoints([makeTrace()]));
    expect(max - min).toBeGreaterThan(0);
    expect(timeDomain([])).toEqual([0, 1]);
  });

  it('puts time ticks on round steps in the zone shown', () => {
    const min = Date.UTC(2025, 10, 19, 6, 53);
    const max = Date.UTC(2025, 10, 19, 13, 18);
    const utc = timeTicks([min, max], 0);
    expect(utc.stepMs).toBe(3_600_000);
    expect(utc.ticks[0]).toBe(Date.UTC(2025, 10, 19, 7, 0));
    expect(utc.ticks).toHaveLength(7);
    // In a +05:30 zone, ticks fall on its whole hours: 07:30 UTC is 13:00 there.
    const india = timeTicks([min, max], 5.5 * 3_600_000);
    expect(india.ticks[0]).toBe(Date.UTC(2025, 10, 19, 7, 30));
  });

  it('spans the durations with decade ticks on a log scale, never below 1ms', () => {
    const points = toChartPoints([
      makeTrace({ end_time: '2025-11-19T10:30:00.000300Z' }),
      makeTrace({ end_time: '2025-11-19T10:41:09Z' }),
    ]);
    expect(points[0]?.y).toBe(1);
    expect(durationAxis(points)).toEqual({
      domain: [1, 3_600_000],
      ticks: [1, 10, 100, 1_000, 10_000, 60_000, 600_000, 3_600_000],
    });
    expect(durationAxis(toChartPoints([makeTrace()])).domain).toEqual([1_000, 10_000]);
  });

  it('labels duration ticks briefly', () => {
    expect([1, 100, 1_000, 10_000, 60_000, 600_000, 3_600_000].map(formatTickDuration)).toEqual([
      '1ms',
      '100ms',
      '1s',
      '10s',
      '1m',
      '10m',
      '1h',
    ]);
  });
});
