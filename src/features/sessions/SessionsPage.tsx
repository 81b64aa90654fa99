import { useQuery } from '@tanstack/react-query';
import { useApiQueries } from '../../api/queries';
import { ApiErrorState } from '../../components/ApiErrorState';
import { Pagination } from '../../components/Pagination';
import { EmptyState, LoadingState } from '../../components/PageState';
import { PAGE_SIZES, type PageSize } from '../../lib/paginationSearch';
import { formatRelative, formatTimestamp, parseTimestampUs } from '../../lib/time';

export interface SessionsPageProps {
  page: number;
  limit: PageSize;
  onSearchChange: (next: { page?: number; limit?: PageSize }) => void;
}

export function SessionsPage({ page, limit, onSearchChange }: SessionsPageProps) {
  const queries = useApiQueries();
  const sessions = useQuery(queries.sessionStats({ page, limit }));
  return (
    <section className="page" aria-labelledby="sessions-heading">
      <header className="page-header">
        <h1 id="sessions-heading">Sessions</h1>
      </header>
      {sessions.isPending ? (
        <LoadingState label="Loading sessions…" />
      ) : sessions.isError && !sessions.data ? (
        <ApiErrorState
          error={sessions.error}
          action="load the sessions"
          onRetry={() => void sessions.refetch()}
        />
      ) : sessions.data && sessions.data.data.length === 0 ? (
        <EmptyState title="No sessions yet" />
      ) : sessions.data ? (
        <>
          <div className="table-scroll">
            <table className="data-table" aria-label="Sessions">
              <thead>
                <tr>
                  <th scope="col">Session</th>
                  <th scope="col">User</th>
                  <th scope="col">Agent / team / workflow</th>
                  <th scope="col">Traces</th>
                  <th scope="col">Last trace</th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.data.map((session) => {
                  const lastUs = parseTimestampUs(session.last_trace_at);
                  return (
                    <tr key={session.session_id}>
                      <td>
                        <code>{session.session_id}</code>
                      </td>
                      <td>{session.user_id ?? <span className="muted">–</span>}</td>
                      <td>{session.agent_id ?? session.team_id ?? session.workflow_id ?? '–'}</td>
                      <td className="numeric">{session.total_traces}</td>
                      <td title={formatTimestamp(lastUs, { withMs: true })}>
                        {formatRelative(lastUs)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination
            noun="sessions"
            page={page}
            totalPages={sessions.data.meta.total_pages}
            totalCount={sessions.data.meta.total_count}
            pageSize={limit}
            pageSizes={PAGE_SIZES}
            isFetching={sessions.isPlaceholderData}
            onPageChange={(next) => onSearchChange({ page: next })}
            onPageSizeChange={(size) => onSearchChange({ limit: size as PageSize, page: 1 })}
          />
        </>
      ) : null}
    </section>
  );
}
