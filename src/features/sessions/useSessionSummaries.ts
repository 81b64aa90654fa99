import { useQueries } from '@tanstack/react-query';
import type { ApiQueries } from '../../api/queries';
import type { TraceSessionStats } from '../../api/schemas';
import { sessionTracesLimit, summarizeSession, type SessionSummary } from './sessionSummary';

/** Per session on screen: its summary once its traces are read, `null` while loading or failed. */
export function useSessionSummaries(
  queries: ApiQueries,
  sessions: readonly TraceSessionStats[],
): Map<string, SessionSummary | null> {
  return useQueries({
    queries: sessions.map((session) => ({
      ...queries.traceList({ session_id: session.session_id, limit: sessionTracesLimit(session) }),
      // Another session's rows must not stand in for this one's.
      placeholderData: undefined,
      select: (page: { data: Parameters<typeof summarizeSession>[0] }) =>
        summarizeSession(page.data, session.total_traces),
    })),
    combine: (results) =>
      new Map(sessions.map((session, i) => [session.session_id, results[i]?.data ?? null])),
  });
}
