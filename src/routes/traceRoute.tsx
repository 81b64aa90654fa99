import { createRoute, type SearchSchemaInput } from '@tanstack/react-router';
import { useCallback } from 'react';
import { lazyPage } from './lazyPage';
import { RouteErrorPage } from '../app/RouteErrorPage';
import { getConnection } from '../api/connection';
import { apiQueriesFor } from '../api/queries';
import { rootRoute } from './rootRoute';

const TracePage = lazyPage(() =>
  import('../features/trace-view/TracePage').then((module) => module.TracePage),
);

export interface TraceSearch {
  /** The selected span: a deep link opens it. */
  span?: string;
  /** The database the trace lives in, when not the connection's default. */
  db_id?: string;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export const traceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/traces/$traceId',
  validateSearch: (raw: TraceSearch & SearchSchemaInput): TraceSearch => {
    const search: TraceSearch = {};
    const span = optionalText(raw.span);
    const dbId = optionalText(raw.db_id);
    if (span) search.span = span;
    if (dbId) search.db_id = dbId;
    return search;
  },
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
  const { span, db_id: dbId } = traceRoute.useSearch();
  const navigate = traceRoute.useNavigate();
  // Selecting a span replaces the history entry: Back leaves the trace, not the last click.
  const handleSelectSpan = useCallback(
    (spanId: string | null) =>
      void navigate({
        search: (previous) => ({ ...previous, span: spanId ?? undefined }),
        replace: true,
        resetScroll: false,
      }),
    [navigate],
  );
  return (
    <TracePage
      key={`${dbId ?? ''}/${traceId}`}
      traceId={traceId}
      dbId={dbId}
      selectedSpanId={span ?? null}
      onSelectSpan={handleSelectSpan}
    />
  );
}
