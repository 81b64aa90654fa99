import { hashKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { TruncatedError } from '../../api/errors';
import { useApiQueries } from '../../api/queries';
import type { TraceLoadProgress } from '../../api/readTraceStream';
import { useTraceLoadProgress } from '../../api/traceLoadProgress';
import { ApiErrorState } from '../../components/ApiErrorState';
import type { DroppedParam } from '../../lib/searchSchema';
import type { TraceSearch } from './traceSearch';
import { TraceLoadCancelled, TraceLoading } from './TraceLoading';
import { TraceScreen } from './TraceScreen';
import { useTraceModelInSteps } from './useTraceModelInSteps';

export interface TracePageProps {
  traceId: string;
  /** The view the URL describes; its `db_id` is the database to read from. */
  search: TraceSearch;
  onSearchChange: (search: TraceSearch) => Promise<void> | void;
  droppedParams?: readonly DroppedParam[];
}

/** A trace from the server: progress, Cancel and error states, then the trace screen. */
export function TracePage({ traceId, search, onSearchChange, droppedParams }: TracePageProps) {
  const dbId = search.db_id;
  const queries = useApiQueries(dbId);
  const queryClient = useQueryClient();
  const [isCancelled, setIsCancelled] = useState(false);
  const options = queries.traceDetail(traceId);
  const trace = useQuery({ ...options, enabled: !isCancelled });
  const progress = useTraceLoadProgress(options.queryKey);
  // The screen's first render of a big trace (its model, notes and rows) is long. Its model is
  // built first, in two tasks; then the screen's render is deferred, and React renders it in
  // slices, between which the page paints and answers input. The loading view, with this load's
  // last progress and preview rows, stays up meanwhile. A small trace is shown at once: the
  // tasks, slices and frames between them would only make it later.
  const isBig = (trace.data?.total_spans ?? 0) >= DEFERRED_RENDER_SPANS;
  const model = useTraceModelInSteps(isBig ? trace.data : undefined);
  const deferredTrace = useDeferredValue(model === null ? undefined : trace.data);
  const screenTrace = isBig ? deferredTrace : trace.data;
  const [lastProgress, setLastProgress] = useState<LastProgress | null>(null);
  if (progress && progress !== lastProgress?.progress) {
    setLastProgress({ key: hashKey(options.queryKey), progress });
  }
  const isRendering = trace.data !== undefined && screenTrace !== trace.data;

  if (isCancelled) return <TraceLoadCancelled onLoadAgain={() => setIsCancelled(false)} />;
  if (trace.isPending || isRendering) {
    const handleCancel = () => {
      setIsCancelled(true);
      // Aborts the request (and the parse): the query goes back to having nothing.
      void queryClient.cancelQueries({ queryKey: options.queryKey });
    };
    const shown =
      progress ?? (lastProgress?.key === hashKey(options.queryKey) ? lastProgress.progress : null);
    return <TraceLoading progress={shown} onCancel={handleCancel} />;
  }
  if (trace.isError) {
    const error = trace.error;
    if (error instanceof TruncatedError && error.partial) {
      // What arrived stays readable, under a notice that it is not all.
      return (
        <>
          <div className="notice" role="alert">
            {error.message}: showing the spans that arrived.{' '}
            <button type="button" className="button" onClick={() => void trace.refetch()}>
              Load again
            </button>
          </div>
          <TraceScreen
            trace={error.partial}
            source={{ kind: 'server', dbId }}
            search={search}
            onSearchChange={onSearchChange}
            droppedParams={droppedParams}
          />
        </>
      );
    }
    return (
      <section className="page">
        <ApiErrorState
          error={error}
          action="load this trace"
          notFoundTitle="Trace not found"
          onRetry={() => void trace.refetch()}
        />
      </section>
    );
  }
  return (
    <TraceScreen
      trace={screenTrace ?? trace.data}
      model={model ?? undefined}
      source={{ kind: 'server', dbId }}
      search={search}
      onSearchChange={onSearchChange}
      droppedParams={droppedParams}
    />
  );
}

/**
 * From this many spans (as the server counts them) the screen's first render is deferred. At
 * 10,000 spans deferring took the load's longest task from a median of 261 to 134 ms, with the
 * waterfall as soon (5 alternated runs each); at 1,000 it made the waterfall 90 ms later.
 */
const DEFERRED_RENDER_SPANS = 5_000;

/** The last progress of a load, by its query key's hash. */
interface LastProgress {
  key: string;
  progress: TraceLoadProgress;
}

// The /file route shows a trace from a file with the same screen: taking it from this module
// keeps the trace page in one chunk rather than splitting the screen into a shared one.
export { TraceScreen } from './TraceScreen';
