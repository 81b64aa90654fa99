import { createRoute, type SearchSchemaInput } from '@tanstack/react-router';
import { useCallback } from 'react';
import { RouteErrorPage } from '../app/RouteErrorPage';
import {
  parseCompareSearchFields,
  type CompareOnly,
  type CompareSearch,
  type CompareSearchInput,
} from '../features/trace-compare/compareSearch';
import { withoutDropped } from '../lib/searchFields';
import { lazyPage } from './lazyPage';
import { rootRoute } from './rootRoute';
import { useRouteSearch } from './useRouteSearch';

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
  const { search, dropped, dismissDropped, replaceSearch, pushSearch } =
    useRouteSearch(parseCompareSearchFields);
  const { a, b, db_id: dbId, only } = search;
  // Which spans show is how this comparison looks: the entry is replaced.
  const handleOnlyChange = useCallback(
    (next: CompareOnly | undefined) => replaceSearch((current) => ({ ...current, only: next })),
    [replaceSearch],
  );
  return (
    <ComparePage
      key={`${dbId ?? ''}/${a ?? ''}/${b ?? ''}`}
      traceIdA={a ?? null}
      traceIdB={b ?? null}
      dbId={dbId}
      only={only}
      dropped={dropped}
      onCompare={(next) => pushSearch(() => ({ ...next, db_id: dbId, only }))}
      onOnlyChange={handleOnlyChange}
      onDismissDropped={dismissDropped}
    />
  );
}
