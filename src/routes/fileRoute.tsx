import { createRoute, type SearchSchemaInput } from '@tanstack/react-router';
import { useCallback } from 'react';
import { RouteErrorPage } from '../app/RouteErrorPage';
import { lazyPage } from './lazyPage';
import { parseTraceSearch, type TraceSearch } from '../features/trace-view/traceSearch';
import type { ParsedSearch } from '../lib/searchSchema';
import { rootRoute } from './rootRoute';
import { useRouteSearch } from './useRouteSearch';

const TraceFilePage = lazyPage(() =>
  import('../features/trace-file/TraceFilePage').then((module) => module.TraceFilePage),
);
// From the trace page's module, so both routes share one chunk (see TracePage.tsx).
const TraceScreen = lazyPage(() =>
  import('../features/trace-view/TracePage').then((module) => module.TraceScreen),
);

/** The trace page's search, less `db_id`: a file has no database. */
function parseFileSearch(raw: Record<string, unknown>): ParsedSearch<TraceSearch> {
  const { search, dropped } = parseTraceSearch(raw);
  const { db_id: _ignored, ...valid } = search;
  return { search: valid, dropped };
}

export const fileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/file',
  // The view is in the URL as on a trace page; the file itself never is.
  validateSearch: (raw: TraceSearch & SearchSchemaInput): TraceSearch =>
    parseFileSearch(raw).search,
  component: FileRoute,
  errorComponent: RouteErrorPage,
});

/** A trace opened from a file: the full trace page, with no server. */
function FileRoute() {
  const { search, replaceSearch } = useRouteSearch(parseFileSearch);
  const handleSearchChange = useCallback(
    (next: TraceSearch) => replaceSearch(() => next),
    [replaceSearch],
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
