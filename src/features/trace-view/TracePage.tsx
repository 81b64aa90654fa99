import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiQueries } from '../../api/queries';
import { ApiErrorState } from '../../components/ApiErrorState';
import { EmptyState, LoadingState } from '../../components/PageState';
import { measure } from '../../lib/perf';
import { parseTimestampUs } from '../../lib/time';
import { MissingSpanNotice } from './MissingSpanNotice';
import { TraceHeader } from './TraceHeader';
import { TraceView } from './TraceView';
import { buildSpanTree } from './waterfall/buildSpanTree';

export interface TracePageProps {
  traceId: string;
  /** `?db_id=`: the database to read from, over the connection's default. */
  dbId?: string;
  /** `?span=` from the URL: the selected span, whose panel a shared link opens. */
  selectedSpanId: string | null;
  onSelectSpan: (spanId: string | null) => void;
}

export function TracePage({ traceId, dbId, selectedSpanId, onSelectSpan }: TracePageProps) {
  const queries = useApiQueries(dbId);
  const trace = useQuery(queries.traceDetail(traceId));
  // Built once per answer: every later interaction works on these arrays.
  const tree = useMemo(
    () => (trace.data ? measure('app:buildSpanTree', () => buildSpanTree(trace.data.tree)) : null),
    [trace.data],
  );

  if (trace.isPending) return <LoadingState label="Loading trace…" />;
  if (trace.isError || !tree) {
    return (
      <section className="page">
        <ApiErrorState
          error={trace.error}
          action="load this trace"
          notFoundTitle="Trace not found"
          onRetry={() => void trace.refetch()}
        />
      </section>
    );
  }

  const selectedIndex =
    selectedSpanId === null ? null : (tree.indexById.get(selectedSpanId) ?? null);
  const isMissing = selectedSpanId !== null && selectedIndex === null;

  return (
    <section className="page trace-page" aria-label={`Trace ${trace.data.name}`}>
      <TraceHeader trace={trace.data} tree={tree} dbId={dbId} />
      {isMissing && (
        <MissingSpanNotice.Banner spanId={selectedSpanId} onDismiss={() => onSelectSpan(null)} />
      )}
      {tree.count > 0 ? (
        <TraceView
          tree={tree}
          traceStartUs={parseTimestampUs(trace.data.start_time)}
          selectedIndex={selectedIndex}
          onSelectSpan={onSelectSpan}
          missingSpanPanel={
            isMissing ? (
              <MissingSpanNotice.Panel traceId={traceId} spanId={selectedSpanId} dbId={dbId} />
            ) : undefined
          }
        />
      ) : (
        <EmptyState title="This trace has no spans">
          <p className="muted">The server returned the trace without a span tree.</p>
        </EmptyState>
      )}
    </section>
  );
}
