import { createRoute, type SearchSchemaInput } from '@tanstack/react-router';
import { RouteErrorPage } from '../app/RouteErrorPage';
import { lazyPage } from './lazyPage';
import { rootRoute } from './rootRoute';

const SessionTranscriptPage = lazyPage(() =>
  import('../features/sessions/SessionTranscriptPage').then(
    (module) => module.SessionTranscriptPage,
  ),
);

interface SessionTranscriptSearch {
  db_id?: string;
}

/** `/sessions/<id>`: a session's runs read as one conversation. */
export const sessionTranscriptRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions/$sessionId',
  validateSearch: (raw: SessionTranscriptSearch & SearchSchemaInput): SessionTranscriptSearch => {
    // The router JSON-parses values: an id of digits arrives as a number, and is text again.
    const dbId: unknown = raw.db_id;
    return typeof dbId === 'string' || typeof dbId === 'number' ? { db_id: String(dbId) } : {};
  },
  component: SessionTranscriptRoute,
  errorComponent: RouteErrorPage,
});

function SessionTranscriptRoute() {
  const { sessionId } = sessionTranscriptRoute.useParams();
  const { db_id: dbId } = sessionTranscriptRoute.useSearch();
  return <SessionTranscriptPage sessionId={sessionId} dbId={dbId} />;
}
