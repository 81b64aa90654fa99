import {
  createRootRoute,
  createRoute,
  redirect,
  stripSearchParams,
  type SearchSchemaInput,
} from '@tanstack/react-router';
import { AppShell } from '../app/AppShell';
import { NotFoundPage } from '../app/NotFoundPage';
import { SessionsPage } from '../features/sessions/SessionsPage';
import { TraceListPage } from '../features/trace-list/TraceListPage';
import {
  parseTraceListSearch,
  TRACE_LIST_DEFAULTS,
  type TraceListSearch,
} from '../features/trace-list/traceListSearch';
import {
  PAGINATION_DEFAULTS,
  parsePaginationSearch,
  type PaginationSearch,
} from '../lib/paginationSearch';
import { TracePage } from '../features/trace-view/TracePage';

const rootRoute = createRootRoute({
  component: AppShell,
  notFoundComponent: NotFoundPage,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/traces' });
  },
});

const tracesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/traces',
  // Every parameter is optional in links; the parser fills in defaults.
  validateSearch: (raw: Partial<TraceListSearch> & SearchSchemaInput) =>
    parseTraceListSearch(raw as Record<string, unknown>),
  // Defaults stay out of the URL, so links stay short and stable.
  search: { middlewares: [stripSearchParams(TRACE_LIST_DEFAULTS)] },
  component: function TracesRoute() {
    const search = tracesRoute.useSearch();
    const navigate = tracesRoute.useNavigate();
    return (
      <TraceListPage
        search={search}
        onSearchChange={(next: Partial<TraceListSearch>) =>
          void navigate({ search: (previous) => ({ ...previous, ...next }) })
        }
      />
    );
  },
});

const traceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/traces/$traceId',
  component: function TraceRoute() {
    const { traceId } = traceRoute.useParams();
    return <TracePage key={traceId} traceId={traceId} />;
  },
});

const sessionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions',
  validateSearch: (raw: Partial<PaginationSearch> & SearchSchemaInput) =>
    parsePaginationSearch(raw as Record<string, unknown>),
  search: { middlewares: [stripSearchParams(PAGINATION_DEFAULTS)] },
  component: function SessionsRoute() {
    const search = sessionsRoute.useSearch();
    const navigate = sessionsRoute.useNavigate();
    return (
      <SessionsPage
        page={search.page}
        limit={search.limit}
        onSearchChange={(next) =>
          void navigate({
            search: (previous) => ({ ...previous, ...next }),
          })
        }
      />
    );
  },
});

export const routeTree = rootRoute.addChildren([
  indexRoute,
  tracesRoute,
  traceRoute,
  sessionsRoute,
]);
