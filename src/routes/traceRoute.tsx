import { createRoute, type SearchSchemaInput } from '@tanstack/react-router';
import { useCallback } from 'react';
import { lazyPage } from './lazyPage';
import { RouteErrorPage } from '../app/RouteErrorPage';
import { getConnection } from '../api/connection';
import { apiQueriesFor } from '../api/queries';
import { parseTraceSearch, type TraceSearch } from '../features/trace-view/traceSearch';
import { rootRoute } from './rootRoute';
import { useRouteSearch } from './useRouteSearch';

const TracePage = lazyPage(() =>
  import('../features/trace-view/TracePage').then((module) => module.TracePage),
);

export const traceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/traces/$traceId',
  // The whole view is in the URL (see traceSearch.ts); a value that cannot be read is dropped.
  validateSearch: (raw: TraceSearch & SearchSchemaInput): TraceSearch =>
    parseTraceSearch(raw as Record<string, unknown>).search,
  loaderDeps: ({ search }) => ({ dbId: search.db_id }),
  // Starts the trace download at once, while the page's code is still loading; not awaited,
  // so the page shows its own loading and error states.
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchQuery(
      apiQueriesFor(getConnection(), deps.dbId).traceDetail(params.traceId),
    );
  },
  component: TraceRoute,
  // Its own error boundary: a crash here leaves the header and navigation working.
  errorComponent: RouteErrorPage,
});

function TraceRoute() {
  const { traceId } = traceRoute.useParams();
  const { search, dropped, replaceSearch } = useRouteSearch(parseTraceSearch);
  // View changes replace the history entry: Back leaves the trace, not the last click.
  const handleSearchChange = useCallback(
    (next: TraceSearch) => replaceSearch(() => next),
    [replaceSearch],
  );
  return (
    <TracePage
      key={`${search.db_id ?? ''}/${traceId}`}
      traceId={traceId}
      search={search}
      onSearchChange={handleSearchChange}
      droppedParams={dropped}
    />
  );
}
