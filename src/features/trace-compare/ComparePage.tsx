import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiQueries } from '../../api/queries';
import type { TraceDetail } from '../../api/schemas';
import { ApiErrorState } from '../../components/ApiErrorState';
import { CopyLinkButton } from '../../components/CopyLinkButton';
import { DroppedParamsNotice } from '../../components/DroppedParamsNotice';
import { EmptyState, LoadingState } from '../../components/PageState';
import { useTraceCosts } from '../../components/cost/useTraceCosts';
import { buildTraceModel } from '../../domain/trace/traceModel';
import type { DroppedParam } from '../../lib/searchSchema';
import { alignTraces, type Alignment } from './alignTraces';
import { CompareForm } from './CompareForm';
import { CompareInputs } from './CompareInputs';
import type { CompareOnly } from './compareSearch';
import { CompareTable } from './CompareTable';
import { compareTotals } from './compareTotals';
import { CompareTotals } from './CompareTotals';
import { EntryPointNote } from './EntryPointNote';

export interface ComparePageProps {
  traceIdA: string | null;
  traceIdB: string | null;
  dbId?: string;
  /** Which aligned spans show; all of them when undefined. */
  only?: CompareOnly;
  /** What the page's link carried that could not be used. */
  dropped?: readonly DroppedParam[];
  onCompare: (ids: { a: string; b: string }) => void;
  onOnlyChange: (only: CompareOnly | undefined) => void;
  onDismissDropped?: () => void;
}

/** /compare?a=&b=: two traces' span trees aligned by the names of their spans. */
export function ComparePage({
  traceIdA,
  traceIdB,
  dbId,
  only,
  dropped = [],
  onCompare,
  onOnlyChange,
  onDismissDropped,
}: ComparePageProps) {
  return (
    <section className="page compare-page" aria-label="Compare traces">
      <header className="compare-header">
        <h1>Compare traces</h1>
        <CompareForm traceIdA={traceIdA} traceIdB={traceIdB} onCompare={onCompare} />
        <span className="spacer" />
        <CopyLinkButton />
      </header>
      <DroppedParamsNotice dropped={dropped} onDismiss={onDismissDropped} />
      {traceIdA && traceIdB ? (
        <LoadedComparison
          traceIdA={traceIdA}
          traceIdB={traceIdB}
          dbId={dbId}
          only={only}
          onOnlyChange={onOnlyChange}
        />
      ) : (
        <EmptyState title="Choose two traces">
          <p className="muted">
            Enter two trace ids (or paste two trace page addresses) above, or use “Compare with…” on
            a trace page.
          </p>
        </EmptyState>
      )}
    </section>
  );
}

interface ShowProps {
  only?: CompareOnly;
  onOnlyChange: (only: CompareOnly | undefined) => void;
}

function LoadedComparison({
  traceIdA,
  traceIdB,
  dbId,
  only,
  onOnlyChange,
}: {
  traceIdA: string;
  traceIdB: string;
  dbId?: string;
} & ShowProps) {
  const queries = useApiQueries(dbId);
  const traceA = useQuery(queries.traceDetail(traceIdA));
  const traceB = useQuery(queries.traceDetail(traceIdB));
  if (traceA.isError || traceB.isError) {
    return (
      <>
        {traceA.isError && (
          <ApiErrorState
            error={traceA.error}
            action={`load trace A (${traceIdA})`}
            notFoundTitle={`Trace A (${traceIdA}) not found`}
            onRetry={() => void traceA.refetch()}
          />
        )}
        {traceB.isError && (
          <ApiErrorState
            error={traceB.error}
            action={`load trace B (${traceIdB})`}
            notFoundTitle={`Trace B (${traceIdB}) not found`}
            onRetry={() => void traceB.refetch()}
          />
        )}
      </>
    );
  }
  if (traceA.isPending || traceB.isPending) return <LoadingState label="Loading both traces…" />;
  return (
    <Comparison
      traceA={traceA.data}
      traceB={traceB.data}
      dbId={dbId}
      only={only}
      onOnlyChange={onOnlyChange}
    />
  );
}

/** The choices of the "Show" menu; `all` is the URL without `only`. */
type Show = 'all' | CompareOnly;

const SHOW_CHOICES: [Show, string][] = [
  ['all', 'All spans'],
  ['one-trace', 'Only in one trace'],
  ['another-status', 'Another status'],
];

function Comparison({
  traceA,
  traceB,
  dbId,
  only,
  onOnlyChange,
}: {
  traceA: TraceDetail;
  traceB: TraceDetail;
  dbId?: string;
} & ShowProps) {
  const show: Show = only ?? 'all';
  // Each trace's model, as the trace page builds it, so both pages count the same.
  const modelA = useMemo(() => buildTraceModel(traceA), [traceA]);
  const modelB = useMemo(() => buildTraceModel(traceB), [traceB]);
  const alignment = useMemo(() => alignTraces(modelA, modelB), [modelA, modelB]);
  const totalsA = useMemo(() => compareTotals(modelA), [modelA]);
  const totalsB = useMemo(() => compareTotals(modelB), [modelB]);
  const costsA = useTraceCosts(modelA);
  const costsB = useTraceCosts(modelB);
  const shown = useMemo(() => rowsToShow(alignment, show), [alignment, show]);

  return (
    <>
      <CompareTotals
        traceA={traceA}
        traceB={traceB}
        totalsA={totalsA}
        totalsB={totalsB}
        dbId={dbId}
        costsA={costsA}
        costsB={costsB}
      />
      <CompareInputs traceA={traceA} traceB={traceB} />
      <EntryPointNote nameA={traceA.name} nameB={traceB.name} alignment={alignment} />
      <div className="compare-bar">
        <p className="compare-summary" role="status">
          {alignment.matched.toLocaleString()} spans in both ·{' '}
          <span className="side-badge side-a">{alignment.onlyA.toLocaleString()} only in A</span> ·{' '}
          <span className="side-badge side-b">{alignment.onlyB.toLocaleString()} only in B</span> ·{' '}
          {alignment.statusChanged.toLocaleString()} with another status
        </p>
        <label className="inline-field">
          Show
          <select
            value={show}
            onChange={(event) => {
              const next = event.target.value as Show;
              onOnlyChange(next === 'all' ? undefined : next);
            }}
          >
            {SHOW_CHOICES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          Spans are matched by their path of names (<code>.arun</code> as <code>.run</code>); the
          second call of a name with the second.
        </span>
      </div>
      {shown.length === 0 ? (
        <EmptyState title="No span to show">
          <p className="muted">No span matches this choice.</p>
        </EmptyState>
      ) : (
        <CompareTable rows={alignment.rows} shown={shown} />
      )}
    </>
  );
}

/** Row positions for a choice; "only in one trace" keeps the ancestors of what it shows. */
function rowsToShow(alignment: Alignment, show: Show): Int32Array {
  const { rows } = alignment;
  if (show === 'all') return Int32Array.from(rows, (_, i) => i);
  const keep = new Uint8Array(rows.length);
  // Children come after their parent: a reverse sweep marks the ancestors of kept rows.
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    const isMatch =
      show === 'one-trace'
        ? row.a === null || row.b === null
        : row.a !== null && row.b !== null && row.a.status !== row.b.status;
    if (isMatch) keep[i] = 1;
    if (keep[i] === 1 && row.parent >= 0) keep[row.parent] = 1;
  }
  const result: number[] = [];
  for (let i = 0; i < rows.length; i++) if (keep[i] === 1) result.push(i);
  return Int32Array.from(result);
}
