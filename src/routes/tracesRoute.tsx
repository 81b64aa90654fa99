import {
  createRoute,
  defaultStringifySearch,
  type SearchSchemaInput,
} from '@tanstack/react-router';
import { useCallback, useEffect } from 'react';
import {
  parseTraceListSearchFields,
  withoutDefaults,
  type TraceListSearch,
  type TraceListSearchInput,
} from '../features/trace-list/traceListSearch';
import { rememberListSearch } from '../lib/listReturn';
import { withoutDropped } from '../lib/searchFields';
import { lazyPage } from './lazyPage';
import { RouteErrorPage } from '../app/RouteErrorPage';
import { rootRoute } from './rootRoute';
import { useRouteSearch } from './useRouteSearch';

const TraceListPage = lazyPage(() =>
  import('../features/trace-list/TraceListPage').then((module) => module.TraceListPage),
);

export const tracesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/traces',
  // Every parameter is optional in links; the parser fills in defaults. What it cannot use is
  // left as the link wrote it, for the page to report (see withoutDropped).
  validateSearch: (raw: TraceListSearchInput & SearchSchemaInput) =>
    withoutDropped(parseTraceListSearchFields(raw as Record<string, unknown>)),
  // Defaults stay out of the URL, so links stay short and stable. The default page size depends
  // on the search (smaller for advanced search), so it is not a fixed value to strip.
  search: { middlewares: [({ search, next }) => withoutDefaults(next(search))] },
  component: TracesRoute,
  // Its own error boundary: a crash here leaves the header and navigation working.
  errorComponent: RouteErrorPage,
});

type ViewChange = Pick<TraceListSearch, 'sort' | 'cols'>;

function TracesRoute() {
  const { search, dropped, dismissDropped, replaceSearch, pushSearch } = useRouteSearch(
    parseTraceListSearchFields,
  );
  // Each filter or page change is a history entry, so back and forward walk through them.
  const handleSearchChange = useCallback(
    (next: Partial<TraceListSearch>) => pushSearch((current) => ({ ...current, ...next })),
    [pushSearch],
  );
  // Sort and columns are how this view looks, not where the reader went.
  const handleViewChange = useCallback(
    (next: ViewChange) => replaceSearch((current) => ({ ...current, ...next })),
    [replaceSearch],
  );
  // For "← Traces" on a trace page (lib/listReturn.ts).
  useEffect(() => {
    rememberListSearch(defaultStringifySearch(withoutDefaults(search)));
  }, [search]);
  return (
    <TraceListPage
      search={search}
      dropped={dropped}
      onSearchChange={handleSearchChange}
      onViewChange={handleViewChange}
      onDismissDropped={dismissDropped}
    />
  );
}
