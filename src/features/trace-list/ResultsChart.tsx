import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { CartesianGrid, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TraceSummary } from '../../api/schemas';
import { ChartFrame } from '../../components/chart/ChartFrame';
import { useTimeZone } from '../../lib/timeZone';
import {
  durationAxis,
  formatTickDuration,
  groupByStatus,
  timeDomain,
  timeTicks,
  toChartPoints,
  type StatusSeries,
  type TracePoint,
} from './chartPoints';
import { PointTooltip } from './PointTooltip';
import { TracePointShape } from './TracePointShape';

export interface ResultsChartProps {
  traces: readonly TraceSummary[];
  /** The list's database, kept when a trace is opened from the chart. */
  dbId?: string;
}

const SERIES: { key: StatusSeries; label: string }[] = [
  { key: 'OK', label: 'OK' },
  { key: 'ERROR', label: 'Error' },
  { key: 'OTHER', label: 'Other status' },
];

/** Plot height: low enough that ten rows of the table still fit under it on a laptop. */
const CHART_HEIGHT = 100;

/** The traces of the page on screen: start time across, duration up, colour and shape by status. */
export function ResultsChart({ traces, dbId }: ResultsChartProps) {
  const navigate = useNavigate();
  const utc = useTimeZone() === 'utc';
  const points = useMemo(() => toChartPoints(traces), [traces]);
  const groups = useMemo(() => groupByStatus(points), [points]);
  const domain = timeDomain(points);
  // The zone's offset at the chart's start aligns ticks to its whole hours and days.
  const offsetMs = utc ? 0 : -new Date(domain[0]).getTimezoneOffset() * 60_000;
  const { ticks, stepMs } = timeTicks(domain, offsetMs);
  const yAxis = useMemo(() => durationAxis(points), [points]);
  const spansDays = domain[1] - domain[0] > 20 * 3_600_000;
  const tickFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(undefined, {
        ...(stepMs >= 86_400_000
          ? { month: 'short', day: 'numeric' }
          : spansDays
            ? {
                month: 'short',
                day: 'numeric',
                hour: '2-digit',
                minute: '2-digit',
                hourCycle: 'h23',
              }
            : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
        timeZone: utc ? 'UTC' : undefined,
      }),
    [stepMs, spansDays, utc],
  );
  const handleOpen = (point: TracePoint) =>
    void navigate({
      to: '/traces/$traceId',
      params: { traceId: point.traceId },
      search: { db_id: dbId },
    });

  return (
    <ChartFrame
      title="Duration over time"
      description="Each trace of this page; duration on a log scale. Hover for details, click to open."
      height={CHART_HEIGHT}
      aside={
        <span className="chart-legend" aria-hidden="true">
          {SERIES.filter((s) => groups[s.key].length > 0).map((s) => (
            <span key={s.key} className={`legend-item legend-${s.key.toLowerCase()}`}>
              {s.label}
            </span>
          ))}
        </span>
      }
    >
      <ScatterChart margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="x"
          name="Start time"
          domain={domain}
          ticks={ticks}
          tickFormatter={(ms: number) => tickFormat.format(new Date(ms))}
        />
        <YAxis
          type="number"
          dataKey="y"
          name="Duration"
          scale="log"
          domain={yAxis.domain}
          ticks={yAxis.ticks}
          allowDataOverflow
          width={44}
          tickFormatter={formatTickDuration}
        />
        <Tooltip content={PointTooltip} cursor={false} isAnimationActive={false} />
        {SERIES.map((s) => (
          <Scatter
            key={s.key}
            name={s.label}
            data={groups[s.key]}
            isAnimationActive={false}
            shape={(props: { cx?: number; cy?: number; payload?: TracePoint }) => (
              <TracePointShape {...props} series={s.key} onOpen={handleOpen} />
            )}
          />
        ))}
      </ScatterChart>
    </ChartFrame>
  );
}
