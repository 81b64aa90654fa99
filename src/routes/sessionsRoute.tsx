import { createRoute, stripSearchParams, type SearchSchemaInput } from '@tanstack/react-router';
import { useCallback } from 'react';
import { SessionsPage } from '../features/sessions/SessionsPage';
import {
  parseSessionsSearch,
  SESSIONS_DEFAULTS,
  type SessionsSearch,
} from '../features/sessions/sessionsSearch';
import { rootRoute } from './rootRoute';

export const sessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions',
  validateSearch: (raw: Partial<SessionsSearch> & SearchSchemaInput) =>
    parseSessionsSearch(raw as Record<string, unknown>),
  search: { middlewares: [stripSearchParams(SESSIONS_DEFAULTS)] },
  component: SessionsRoute,
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
