import { Link } from '@tanstack/react-router';
import type { TraceSessionStats } from '../../api/schemas';
import { EntityIds } from '../../components/EntityIds';
import { FilterIdButton } from '../../components/FilterIdButton';
import { LinkRow } from '../../components/LinkRow';
import { Timestamp } from '../../components/Timestamp';
import { formatDuration, parseTimestampUs } from '../../lib/time';
import type { SessionSummary } from './sessionSummary';
import type { SessionFilterKey } from './sessionsSearch';
import styles from './SessionsTable.module.css';

export interface SessionsTableProps {
  sessions: TraceSessionStats[];
  /** From each session's traces; absent (null) while they load or when they could not be read. */
  summaries: Map<string, SessionSummary | null>;
  /** The database on screen, so the session's traces are read from the same one. */
  dbId: string | undefined;
  isLoadingNext?: boolean;
  onFilter: (key: SessionFilterKey, value: string) => void;
}

const PREVIEW_CHARS = 120;

function preview(text: string): string {
  const line = text.trim().split('\n', 1)[0] ?? '';
  return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS)}…` : line;
}

const absent = <span className="muted">–</span>;

/**
 * Sessions, newest activity first; a row opens the trace list filtered by its session. Ids,
 * trace count and first/last times come from GET /trace_session_stats; the first input, the
 * failures and the duration from the session's traces (GET /traces?session_id=…).
 */
export function SessionsTable({
  sessions,
  summaries,
  dbId,
  isLoadingNext,
  onFilter,
}: SessionsTableProps) {
  return (
    <div className="table-scroll">
      <table
        className={`data-table ${styles.table}`}
        aria-label="Sessions"
        aria-describedby="sessions-note"
        aria-busy={isLoadingNext}
        data-loading={isLoadingNext || undefined}
      >
        <thead>
          <tr>
            <th scope="col" className={styles.sessionCell}>
              Session
            </th>
            <th scope="col">First input</th>
            <th scope="col">User</th>
            <th scope="col">Agent / team / workflow</th>
            <th scope="col">Traces</th>
            <th scope="col">Failed</th>
            <th scope="col">First trace → last trace</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const summary = summaries.get(session.session_id) ?? null;
            const firstUs = parseTimestampUs(session.first_trace_at);
            const lastUs = parseTimestampUs(session.last_trace_at);
            return (
              <LinkRow key={session.session_id}>
                <td className={styles.sessionCell}>
                  <Link
                    to="/traces"
                    search={{ session_id: session.session_id, db_id: dbId }}
                    className={`trace-link ${styles.sessionLink}`}
                    title={`${session.session_id}\nOpen the traces of this session`}
                    data-row-link
                  >
                    {session.session_id}
                  </Link>{' '}
                  <Link
                    to="/sessions/$sessionId"
                    params={{ sessionId: session.session_id }}
                    search={{ db_id: dbId }}
                    className={styles.transcriptLink}
                    aria-label={`Read session ${session.session_id} as a conversation`}
                    title="Read this session's runs as one conversation"
                  >
                    Transcript
                  </Link>
                </td>
                <td className={styles.inputCell}>
                  {summary?.firstInput ? (
                    <span title={summary.firstInput.slice(0, 1_500)}>
                      {preview(summary.firstInput)}
                    </span>
                  ) : summary ? (
                    absent
                  ) : (
                    <span className="muted">…</span>
                  )}
                </td>
                <td>
                  {session.user_id ? (
                    <FilterIdButton
                      kind="user"
                      id={session.user_id}
                      noun="sessions"
                      onFilter={() => onFilter('user_id', session.user_id!)}
                    />
                  ) : (
                    absent
                  )}
                </td>
                <td>
                  <EntityIds ids={session} noun="sessions" onFilter={onFilter} />
                </td>
                <td className="numeric">{session.total_traces.toLocaleString()}</td>
                <td className="numeric">
                  <FailedCount summary={summary} />
                </td>
                <td>
                  <span className={styles.span}>
                    <Timestamp us={firstUs} withRelative={false} />
                    {lastUs !== firstUs && (
                      <>
                        {' → '}
                        <Timestamp us={lastUs} withRelative={false} />
                      </>
                    )}
                    {summary && Number.isFinite(summary.endUs - summary.startUs) && (
                      <span
                        className="muted"
                        title="From the start of its first trace to the end of its last"
                      >
                        {' · '}
                        {summary.isComplete ? '' : '≥ '}
                        {formatDuration(summary.endUs - summary.startUs)}
                      </span>
                    )}
                  </span>
                </td>
              </LinkRow>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function FailedCount({ summary }: { summary: SessionSummary | null }) {
  if (!summary) return <span className="muted">…</span>;
  const text = `${summary.failedTraces.toLocaleString()}${summary.isComplete ? '' : '+'}`;
  return (
    <span
      className={summary.failedTraces > 0 ? 'error-text' : 'muted'}
      title={summary.isComplete ? undefined : 'Among its newest 100 traces'}
    >
      {text}
    </span>
  );
}
