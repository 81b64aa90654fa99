import type { StatusSeries, TracePoint } from './chartPoints';
import { formatDuration } from '../../lib/time';

export interface TracePointShapeProps {
  cx?: number;
  cy?: number;
  payload?: TracePoint;
  series: StatusSeries;
  onOpen: (point: TracePoint) => void;
}

const R = 5;

/**
 * One point: a circle for OK, a diamond for ERROR, a square otherwise, so status does not
 * depend on colour alone. It is a link to its trace for assistive technology; keyboard users
 * reach the same traces through the table's name links, so points stay out of the tab order.
 */
export function TracePointShape({ cx, cy, payload, series, onOpen }: TracePointShapeProps) {
  if (cx === undefined || cy === undefined || !payload) return <g />;
  const common = {
    className: `chart-point chart-point-${series.toLowerCase()}`,
    role: 'link',
    tabIndex: -1,
    'aria-label': `${payload.name}, ${payload.status}, ${formatDuration(payload.durationUs)}`,
    onClick: () => onOpen(payload),
  };
  if (series === 'ERROR') {
    const d = R + 1.5;
    return (
      <path {...common} d={`M${cx} ${cy - d}L${cx + d} ${cy}L${cx} ${cy + d}L${cx - d} ${cy}Z`} />
    );
  }
  if (series === 'OTHER') {
    return <rect {...common} x={cx - R} y={cy - R} width={R * 2} height={R * 2} />;
  }
  return <circle {...common} cx={cx} cy={cy} r={R} />;
}
