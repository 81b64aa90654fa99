import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApiQueries } from '../../api/queries';
import { ApiErrorState } from '../../components/ApiErrorState';
import { Pagination } from '../../components/Pagination';
import { EmptyState, LoadingState } from '../../components/PageState';
import { TracesTable } from './TracesTable';
import { PAGE_SIZES, type PageSize } from '../../lib/paginationSearch';
import { toTraceListParams, type TraceListSearch } from './traceListSearch';

export interface TraceListPageProps {
  search: TraceListSearch;
  onSearchChange: (next: Partial<TraceListSearch>) => void;
}

export function TraceListPage({ search, onSearchChange }: TraceListPageProps) {
  const queries = useApiQueries();
  const queryClient = useQueryClient();
  const params = toTraceListParams(search);
  const traces = useQuery(queries.traceList(params));
  const totalPages = traces.data?.meta.total_pages ?? 0;

  // Prefetch the next page so "Next" feels instant; one page at a time, never the whole list.
  useEffect(() => {
    if (search.page < totalPages) {
      void queryClient.prefetchQuery(queries.traceList({ ...params, page: search.page + 1 }));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- params is derived from search
  }, [queryClient, queries, search.page, search.limit, totalPages]);

  return (
    <section className="page" aria-labelledby="traces-heading">
      <header className="page-header">
        <h1 id="traces-heading">Traces</h1>
        {traces.data && <span className="muted">Newest first, as the server orders them.</span>}
      </header>
      {traces.isPending ? (
        <LoadingState label="Loading traces…" />
      ) : traces.isError && !traces.data ? (
        <ApiErrorState
          error={traces.error}
          action="load the traces"
          onRetry={() => void traces.refetch()}
        />
      ) : traces.data && traces.data.data.length === 0 ? (
        <EmptyState title="No traces yet">
          <p className="muted">
            Run an agent, team or workflow with tracing on, and its traces appear here.
          </p>
        </EmptyState>
      ) : traces.data ? (
        <>
          <TracesTable traces={traces.data.data} />
          <Pagination
            noun="traces"
            page={search.page}
            totalPages={traces.data.meta.total_pages}
            totalCount={traces.data.meta.total_count}
            pageSize={search.limit}
            pageSizes={PAGE_SIZES}
            isFetching={traces.isPlaceholderData}
            onPageChange={(page) => onSearchChange({ page })}
            onPageSizeChange={(limit) => onSearchChange({ limit: limit as PageSize, page: 1 })}
          />
        </>
      ) : null}
    </section>
  );
}
