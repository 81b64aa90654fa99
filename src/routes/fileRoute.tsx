import { createRoute, type SearchSchemaInput } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { RouteErrorPage } from '../app/RouteErrorPage';
import { lazyPage } from './lazyPage';
import { parseTraceSearch, type TraceSearch } from '../features/trace-view/traceSearch';
import { rootRoute } from './rootRoute';

const TraceFilePage = lazyPage(() =>
  import('../features/trace-file/TraceFilePage').then((module) => module.TraceFilePage),
);
// From the trace page's module, so both routes share one chunk (see TracePage.tsx).
const TraceScreen = lazyPage(() =>
  import('../features/trace-view/TracePage').then((module) => module.TraceScreen),
);

export const fileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/file',
  // The view is in the URL as on a trace page; the file itself never is.
  validateSearch: (raw: TraceSearch & SearchSchemaInput): TraceSearch => {
    const { db_id: _ignored, ...search } = parseTraceSearch(raw).search;
    return search;
  },
  component: FileRoute,
  errorComponent: RouteErrorPage,
});

/** A trace opened from a file: the full trace page, with no server. */
function FileRoute() {
  // Parsed again: the router lays the address bar's raw values under the validated ones.
  const routeSearch = fileRoute.useSearch();
  const search = useMemo(() => {
    const { db_id: _ignored, ...valid } = parseTraceSearch(routeSearch).search;
    return valid;
  }, [routeSearch]);
  const navigate = fileRoute.useNavigate();
  const handleSearchChange = useCallback(
    (next: TraceSearch) => navigate({ search: next, replace: true, resetScroll: false }),
    [navigate],
  );
  return (
    <TraceFilePage
      renderTrace={(file) => (
        <TraceScreen
          key={file.id}
          trace={file.trace}
          source={{ kind: 'file', fileName: file.fileName }}
          search={search}
          onSearchChange={handleSearchChange}
        />
      )}
    />
  );
}
