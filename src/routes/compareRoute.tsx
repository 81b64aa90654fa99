import { createRoute, type SearchSchemaInput } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { RouteErrorPage } from '../app/RouteErrorPage';
import {
  parseCompareSearch,
  parseCompareSearchFields,
  type CompareOnly,
  type CompareSearch,
  type CompareSearchInput,
} from '../features/trace-compare/compareSearch';
import { withoutDropped } from '../lib/searchFields';
import { lazyPage } from './lazyPage';
import { rootRoute } from './rootRoute';

const ComparePage = lazyPage(() =>
  import('../features/trace-compare/ComparePage').then((module) => module.ComparePage),
);

export const compareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/compare',
  // Every parameter is optional; absent ones are the defaults, so they stay out of the URL. What
  // the parser cannot use is left as the link wrote it, for the page to report.
  validateSearch: (raw: CompareSearchInput & SearchSchemaInput): CompareSearch =>
    withoutDropped(parseCompareSearchFields(raw as Record<string, unknown>)),
  component: CompareRoute,
  errorComponent: RouteErrorPage,
});

function CompareRoute() {
  // Parsed again: the router lays the address bar's values under the validated ones, and what
  // the schema dropped is said on the page (see tracesRoute.tsx).
  const routeSearch = compareRoute.useSearch();
  const { search, dropped } = useMemo(
    () => parseCompareSearchFields(routeSearch as Record<string, unknown>),
    [routeSearch],
  );
  const { a, b, db_id: dbId, only } = search;
  const navigate = compareRoute.useNavigate();
  // Which spans show is how this comparison looks: the entry is replaced.
  const handleOnlyChange = useCallback(
    (next: CompareOnly | undefined) =>
      void navigate({
        search: (previous) => ({ ...parseCompareSearch(previous), only: next }),
        replace: true,
        resetScroll: false,
      }),
    [navigate],
  );
  const handleDismissDropped = useCallback(
    () =>
      void navigate({
        search: (previous) => parseCompareSearch(previous),
        replace: true,
        resetScroll: false,
      }),
    [navigate],
  );
  return (
    <ComparePage
      key={`${dbId ?? ''}/${a ?? ''}/${b ?? ''}`}
      traceIdA={a ?? null}
      traceIdB={b ?? null}
      dbId={dbId}
      only={only}
      dropped={dropped}
      onCompare={(next) => void navigate({ search: { ...next, db_id: dbId, only } })}
      onOnlyChange={handleOnlyChange}
      onDismissDropped={handleDismissDropped}
    />
  );
}
