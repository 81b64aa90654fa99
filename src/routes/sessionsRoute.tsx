import { createRoute, stripSearchParams, type SearchSchemaInput } from '@tanstack/react-router';
import { useCallback } from 'react';
import {
  parseSessionsSearch,
  SESSIONS_DEFAULTS,
  type SessionsSearch,
} from '../features/sessions/sessionsSearch';
import { lazyPage } from './lazyPage';
import { RouteErrorPage } from '../app/RouteErrorPage';
import { rootRoute } from './rootRoute';

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

function SessionsRoute() {
  const search = sessionsRoute.useSearch();
  const navigate = sessionsRoute.useNavigate();
  const handleSearchChange = useCallback(
    (next: Partial<SessionsSearch>) =>
      void navigate({ search: (previous) => ({ ...previous, ...next }) }),
    [navigate],
  );
  return <SessionsPage search={search} onSearchChange={handleSearchChange} />;
}
