import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiQueries } from '../../api/queries';
import { ApiErrorState } from '../../components/ApiErrorState';
import { EmptyState, LoadingState } from '../../components/PageState';
import { TraceHeader } from './TraceHeader';
import { buildSpanTree } from './waterfall/buildSpanTree';
import { SpanTreeView } from './waterfall/SpanTreeView';

export interface TracePageProps {
  traceId: string;
}

export function TracePage({ traceId }: TracePageProps) {
  const queries = useApiQueries();
  const trace = useQuery(queries.traceDetail(traceId));
  const tree = useMemo(() => (trace.data ? buildSpanTree(trace.data.tree) : null), [trace.data]);

  if (trace.isPending) return <LoadingState label="Loading trace…" />;
  if (trace.isError) {
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
  return (
    <section className="page trace-page">
      <TraceHeader trace={trace.data} spanCount={tree?.count ?? 0} />
      {tree && tree.count > 0 ? (
        <SpanTreeView tree={tree} />
      ) : (
        <EmptyState title="This trace has no spans" />
      )}
    </section>
  );
}
