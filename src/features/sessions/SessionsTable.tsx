import { Link } from '@tanstack/react-router';
import type { TraceSessionStats } from '../../api/schemas';
import { Timestamp } from '../../components/Timestamp';
import { parseTimestampUs } from '../../lib/time';
import type { SessionFilterKey } from './sessionsSearch';

export interface SessionsTableProps {
  sessions: TraceSessionStats[];
  /** The database on screen, so the session's traces are read from the same one. */
  dbId: string | undefined;
  isLoadingNext?: boolean;
  onFilter: (key: SessionFilterKey, value: string) => void;
}

const ENTITY_KEYS = [
  ['agent_id', 'agent'],
  ['team_id', 'team'],
  ['workflow_id', 'workflow'],
] as const;

/** Sessions, newest activity first; a session opens the trace list filtered by it. */
export function SessionsTable({ sessions, dbId, isLoadingNext, onFilter }: SessionsTableProps) {
  return (
    <div className="table-scroll">
      <table
        className="data-table"
        aria-label="Sessions"
        aria-busy={isLoadingNext}
        data-loading={isLoadingNext || undefined}
      >
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">User</th>
            <th scope="col">Agent / team / workflow</th>
            <th scope="col">Traces</th>
            <th scope="col">First trace</th>
            <th scope="col">Last trace</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.session_id}>
              <td>
                <Link
                  to="/traces"
                  search={{ session_id: session.session_id, db_id: dbId }}
                  className="trace-link session-link"
                  title="Open the traces of this session"
                >
                  {session.session_id}
                </Link>
              </td>
              <td>
                {session.user_id ? (
                  <FilterButton
                    kind="user"
                    id={session.user_id}
                    onClick={() => onFilter('user_id', session.user_id!)}
                  />
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
              <td>
                <span className="entity-ids">
                  {ENTITY_KEYS.filter(([key]) => session[key]).map(([key, kind]) => (
                    <span key={key} className="entity-id">
                      <span className="entity-kind">{kind}</span>
                      <FilterButton
                        kind={kind}
                        id={session[key]!}
                        onClick={() => onFilter(key, session[key]!)}
                      />
                    </span>
                  ))}
                </span>
              </td>
              <td className="numeric">{session.total_traces.toLocaleString()}</td>
              <td>
                <Timestamp us={parseTimestampUs(session.first_trace_at)} />
              </td>
              <td>
                <Timestamp us={parseTimestampUs(session.last_trace_at)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FilterButton({ kind, id, onClick }: { kind: string; id: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="id-button"
      aria-label={`Filter sessions by ${kind} ${id}`}
      title={`${id}\nShow only sessions of this ${kind}`}
      onClick={onClick}
    >
      {id}
    </button>
  );
}
