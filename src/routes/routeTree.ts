import { compareRoute } from './compareRoute';
import { fileRoute } from './fileRoute';
import { indexRoute } from './indexRoute';
import { rootRoute } from './rootRoute';
import { sessionsRoute } from './sessionsRoute';
import { sessionTranscriptRoute } from './sessionTranscriptRoute';
import { traceRoute } from './traceRoute';
import { tracesRoute } from './tracesRoute';

export const routeTree = rootRoute.addChildren([
  indexRoute,
  tracesRoute,
  traceRoute,
  sessionsRoute,
  sessionTranscriptRoute,
  fileRoute,
  compareRoute,
]);
