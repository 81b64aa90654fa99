import { useQuery } from '@tanstack/react-query';
import { useApiQueries } from '../../api/queries';
import { ApiErrorState } from '../../components/ApiErrorState';
import { LoadingState } from '../../components/PageState';
import { TraceScreen } from './TraceScreen';

export interface TracePageProps {
  traceId: string;
  /** `?db_id=`: the database to read from, over the connection's default. */
  dbId?: string;
  /** `?span=` from the URL: the selected span, whose panel a shared link opens. */
  selectedSpanId: string | null;
  onSelectSpan: (spanId: string | null) => void;
}

/** A trace from the server: loading and error states, then the trace screen. */
export function TracePage({ traceId, dbId, selectedSpanId, onSelectSpan }: TracePageProps) {
  const queries = useApiQueries(dbId);
  const trace = useQuery(queries.traceDetail(traceId));

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
    <TraceScreen
      trace={trace.data}
      source={{ kind: 'server', dbId }}
      selectedSpanId={selectedSpanId}
      onSelectSpan={onSelectSpan}
    />
  );
}

// The /file route shows a trace from a file with the same screen: taking it from this module
// keeps the trace page in one chunk rather than splitting the screen into a shared one.
export { TraceScreen } from './TraceScreen';
