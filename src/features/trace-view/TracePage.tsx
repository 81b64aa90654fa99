import { useQuery } from '@tanstack/react-query';
import { useApiQueries } from '../../api/queries';
import { ApiErrorState } from '../../components/ApiErrorState';
import { LoadingState } from '../../components/PageState';
import type { DroppedParam } from '../../lib/searchSchema';
import type { TraceSearch } from './traceSearch';
import { TraceScreen } from './TraceScreen';

export interface TracePageProps {
  traceId: string;
  /** The view the URL describes; its `db_id` is the database to read from. */
  search: TraceSearch;
  onSearchChange: (search: TraceSearch) => Promise<void> | void;
  droppedParams?: readonly DroppedParam[];
}

/** A trace from the server: loading and error states, then the trace screen. */
export function TracePage({ traceId, search, onSearchChange, droppedParams }: TracePageProps) {
  const dbId = search.db_id;
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
      search={search}
      onSearchChange={onSearchChange}
      droppedParams={droppedParams}
    />
  );
}

// The /file route shows a trace from a file with the same screen: taking it from this module
// keeps the trace page in one chunk rather than splitting the screen into a shared one.
export { TraceScreen } from './TraceScreen';
