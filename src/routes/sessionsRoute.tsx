import { createRoute, stripSearchParams, type SearchSchemaInput } from '@tanstack/react-router';
import { useCallback } from 'react';
import {
  parseSessionsSearch,
  SESSIONS_DEFAULTS,
  type SessionsSearch,
} from '../features/sessions/sessionsSearch';
import { lazyPage } from './lazyPage';
import { RouteErrorPage } from '../app/RouteErrorPage';
import type { ParsedSearch } from '../lib/searchSchema';
import { rootRoute } from './rootRoute';
import { useRouteSearch } from './useRouteSearch';

const SessionsPage = lazyPage(() =>
  import('../features/sessions/SessionsPage').then((module) => module.SessionsPage),
);

export const sessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions',
  validateSearch: (raw: Partial<SessionsSearch> & SearchSchemaInput) =>
    parseSessionsSearch(raw as Record<string, unknown>),
  search: { middlewares: [stripSearchParams(SESSIONS_DEFAULTS)] },
  component: SessionsRoute,
  // Its own error boundary: a crash here leaves the header and navigation working.
  errorComponent: RouteErrorPage,
});

/** Sessions fall back to defaults silently: the page has no note of what a link lost. */
function parseSessionsRouteSearch(raw: Record<string, unknown>): ParsedSearch<SessionsSearch> {
  return { search: parseSessionsSearch(raw), dropped: [] };
}

function SessionsRoute() {
  const { search, pushSearch } = useRouteSearch(parseSessionsRouteSearch);
  const handleSearchChange = useCallback(
    (next: Partial<SessionsSearch>) => pushSearch((current) => ({ ...current, ...next })),
    [pushSearch],
  );
  return <SessionsPage search={search} onSearchChange={handleSearchChange} />;
}
