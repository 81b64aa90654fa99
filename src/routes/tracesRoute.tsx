import { createRoute, stripSearchParams, type SearchSchemaInput } from '@tanstack/react-router';
import { useCallback } from 'react';
import {
  parseTraceListSearch,
  TRACE_LIST_DEFAULTS,
  type TraceListSearch,
} from '../features/trace-list/traceListSearch';
import { lazyPage } from './lazyPage';
import { RouteErrorPage } from '../app/RouteErrorPage';
import { rootRoute } from './rootRoute';

const TraceListPage = lazyPage(() =>
  import('../features/trace-list/TraceListPage').then((module) => module.TraceListPage),
);

export const tracesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/traces',
  // Every parameter is optional in links; the parser fills in defaults and drops nonsense.
  validateSearch: (raw: Partial<TraceListSearch> & SearchSchemaInput) =>
    parseTraceListSearch(raw as Record<string, unknown>),
  // Defaults stay out of the URL, so links stay short and stable.
  search: { middlewares: [stripSearchParams(TRACE_LIST_DEFAULTS)] },
  component: TracesRoute,
  // Its own error boundary: a crash here leaves the header and navigation working.
  errorComponent: RouteErrorPage,
});

function TracesRoute() {
  const search = tracesRoute.useSearch();
  const navigate = tracesRoute.useNavigate();
  // Each change is a history entry, so back and forward walk through filter changes.
  const handleSearchChange = useCallback(
    (next: Partial<TraceListSearch>) =>
      void navigate({ search: (previous) => ({ ...previous, ...next }) }),
    [navigate],
  );
  return <TraceListPage search={search} onSearchChange={handleSearchChange} />;
}
