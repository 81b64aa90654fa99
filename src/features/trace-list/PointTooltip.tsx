import { StatusBadge } from '../../components/StatusBadge';
import { Timestamp } from '../../components/Timestamp';
import { formatDuration } from '../../lib/time';
import type { TracePoint } from './chartPoints';

export interface PointTooltipProps {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
}

/** What hovering a point shows: the trace's name, status, duration and start. */
export function PointTooltip({ active, payload }: PointTooltipProps) {
  const point = payload?.[0]?.payload as TracePoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-name">{point.name}</div>
      <div>
        <StatusBadge status={point.status} />{' '}
        <span className="numeric">{formatDuration(point.durationUs)}</span>
      </div>
      <Timestamp us={point.startUs} />
    </div>
  );
}
