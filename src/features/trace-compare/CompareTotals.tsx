import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { TraceDetail } from '../../api/schemas';
import type { TraceCostsView } from '../../components/cost/useTraceCosts';
import { StatusBadge } from '../../components/StatusBadge';
import { traceStatus } from '../../domain/trace/traceStatus';
import { formatDuration } from '../../lib/time';
import type { TraceTotals } from './compareTotals';
import { deltaTone, formatCostDelta, formatCountDelta, formatDurationDelta } from './formatDelta';

export interface CompareTotalsProps {
  traceA: TraceDetail;
  traceB: TraceDetail;
  totalsA: TraceTotals;
  totalsB: TraceTotals;
  dbId?: string;
  /** Each trace's estimated costs, once the price tables have loaded. */
  costsA?: TraceCostsView | null;
  costsB?: TraceCostsView | null;
}

/** The two traces' totals side by side, with the difference. */
export function CompareTotals({
  traceA,
  traceB,
  totalsA,
  totalsB,
  dbId,
  costsA = null,
  costsB = null,
}: CompareTotalsProps) {
  const count = (value: number | null) => (value === null ? '–' : value.toLocaleString());
  // As users mean it: a trace whose root span is OK but with failing spans is failed.
  const statusA = traceStatus(traceA.status, totalsA.errors);
  const statusB = traceStatus(traceB.status, totalsB.errors);
  const rows: [string, ReactNode, ReactNode, ReactNode, 'worse' | 'better' | null][] = [
    [
      'Status',
      <StatusBadge key="a" status={statusA.status} note={statusA.note} />,
      <StatusBadge key="b" status={statusB.status} note={statusB.note} />,
      statusA.status === statusB.status ? 'same' : `${statusA.status} → ${statusB.status}`,
      statusA.status === statusB.status ? null : statusB.isFailed ? 'worse' : 'better',
    ],
    [
      'Duration',
      formatDuration(totalsA.durationUs),
      formatDuration(totalsB.durationUs),
      formatDurationDelta(totalsA.durationUs, totalsB.durationUs),
      deltaTone(totalsA.durationUs, totalsB.durationUs),
    ],
    [
      'Spans',
      count(totalsA.spans),
      count(totalsB.spans),
      formatCountDelta(totalsA.spans, totalsB.spans),
      null,
    ],
    [
      'Errors',
      count(totalsA.errors),
      count(totalsB.errors),
      formatCountDelta(totalsA.errors, totalsB.errors),
      deltaTone(totalsA.errors, totalsB.errors, 0),
    ],
    [
      'Input tokens',
      count(totalsA.inputTokens),
      count(totalsB.inputTokens),
      formatCountDelta(totalsA.inputTokens, totalsB.inputTokens),
      deltaTone(totalsA.inputTokens ?? 0, totalsB.inputTokens ?? 0),
    ],
    [
      'Output tokens',
      count(totalsA.outputTokens),
      count(totalsB.outputTokens),
      formatCountDelta(totalsA.outputTokens, totalsB.outputTokens),
      deltaTone(totalsA.outputTokens ?? 0, totalsB.outputTokens ?? 0),
    ],
  ];
  if (costsA && costsB) rows.push(costRow(costsA, costsB));
  return (
    <table className="data-table compact compare-totals" aria-label="Totals">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Measure</span>
          </th>
          <th scope="col">
            A ·{' '}
            <Link
              to="/traces/$traceId"
              params={{ traceId: traceA.trace_id }}
              search={{ db_id: dbId }}
            >
              {traceA.name}
            </Link>{' '}
            <code className="muted">{traceA.trace_id}</code>
          </th>
          <th scope="col">
            B ·{' '}
            <Link
              to="/traces/$traceId"
              params={{ traceId: traceB.trace_id }}
              search={{ db_id: dbId }}
            >
              {traceB.name}
            </Link>{' '}
            <code className="muted">{traceB.trace_id}</code>
          </th>
          <th scope="col">Difference (B − A)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, a, b, delta, tone]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="numeric">{a}</td>
            <td className="numeric">{b}</td>
            <td className={`numeric${tone ? ` delta-${tone}` : ''}`}>{delta}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The estimated costs, and their difference when neither leaves a call unpriced. */
function costRow(
  a: TraceCostsView,
  b: TraceCostsView,
): [string, ReactNode, ReactNode, ReactNode, 'worse' | 'better' | null] {
  const total = ({ costs }: TraceCostsView) =>
    costs.pricedCalls > 0 || costs.unpricedCalls === 0 ? costs.totalUsd : Number.NaN;
  const figure = (view: TraceCostsView) =>
    view.costs.pricedCalls + view.costs.unpricedCalls === 0 ? (
      '–'
    ) : (
      <view.kit.CostFigure usd={total(view)} unpricedCalls={view.costs.unpricedCalls} />
    );
  const isComparable = a.costs.unpricedCalls === 0 && b.costs.unpricedCalls === 0;
  const [usdA, usdB] = [total(a), total(b)];
  const tone =
    !isComparable || usdA === usdB
      ? null
      : usdA > 0 && (usdB - usdA) / usdA > 0.1
        ? 'worse'
        : usdA > 0 && (usdA - usdB) / usdA > 0.1
          ? 'better'
          : null;
  return [
    'Cost (est.)',
    figure(a),
    figure(b),
    isComparable ? formatCostDelta(usdA, usdB) : '– (some calls have no price)',
    tone,
  ];
}
