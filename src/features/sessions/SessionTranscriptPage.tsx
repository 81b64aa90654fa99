import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useApiQueries } from '../../api/queries';
import type { TraceSummary } from '../../api/schemas';
import { ApiErrorState } from '../../components/ApiErrorState';
import { LazyMarkdownText } from '../../components/LazyMarkdownText';
import { EmptyState, LoadingState } from '../../components/PageState';
import { useMarkdownPreference } from '../../lib/markdownPreference';
import { StatusBadge } from '../../components/StatusBadge';
import { formatShortTimestamp } from '../../lib/shortTimestamp';
import { formatDurationBetween, parseTimestampUs } from '../../lib/time';
import { useTimeZone } from '../../lib/timeZone';
import { MAX_SPANS_FOR_ANSWER, runsInTimeOrder } from './sessionRuns';
import styles from './SessionTranscriptPage.module.css';

export interface SessionTranscriptPageProps {
  sessionId: string;
  dbId: string | undefined;
}

/** A session's runs the server lists at most; a longer session says so and links the list. */
const RUNS_LIMIT = 100;

/**
 * A session read as one conversation: each run (trace) in time order, what the user asked and
 * what the run answered, each card linking to its trace.
 */
export function SessionTranscriptPage({ sessionId, dbId }: SessionTranscriptPageProps) {
  const queries = useApiQueries(dbId);
  const list = useQuery(queries.traceList({ session_id: sessionId, limit: RUNS_LIMIT }));
  const runs = list.data ? runsInTimeOrder(list.data.data) : [];
  const total = list.data?.meta.total_count ?? runs.length;

  return (
    <section className="page" aria-labelledby="session-transcript-heading">
      <header className={`page-header ${styles.header}`}>
        <Link to="/sessions" search={{ db_id: dbId }} className={styles.back}>
          ← Sessions
        </Link>
        <h1 id="session-transcript-heading" className={styles.title} title={sessionId}>
          Session {sessionId}
        </h1>
        <Link to="/traces" search={{ session_id: sessionId, db_id: dbId }} className="button">
          Its traces
        </Link>
      </header>
      {list.isPending ? (
        <LoadingState label="Loading the session…" />
      ) : list.isError ? (
        <ApiErrorState
          error={list.error}
          action="load the runs of this session"
          onRetry={() => void list.refetch()}
        />
      ) : runs.length === 0 ? (
        <EmptyState title="No runs in this session">
          <p className="muted">The server lists no trace with this session id.</p>
        </EmptyState>
      ) : (
        <>
          {total > runs.length && (
            <p className="notice" role="note">
              The first {runs.length.toLocaleString()} of {total.toLocaleString()} runs by the
              server’s order; the list of its traces has them all.
            </p>
          )}
          <ol className={styles.runs} aria-label="Runs of this session, oldest first">
            {runs.map((run, i) => (
              <RunCard key={run.trace_id} run={run} position={i + 1} dbId={dbId} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** One run: when, which agent, the user's input, the run's answer (read from its trace). */
function RunCard({
  run,
  position,
  dbId,
}: {
  run: TraceSummary;
  position: number;
  dbId: string | undefined;
}) {
  const utc = useTimeZone() === 'utc';
  const queries = useApiQueries(dbId);
  // The answer is on the trace, not in the list: read for runs of a readable size only.
  const isSmall = run.total_spans <= MAX_SPANS_FOR_ANSWER;
  const detail = useQuery({ ...queries.traceDetail(run.trace_id), enabled: isSmall });
  const startUs = parseTimestampUs(run.start_time);
  const answer = detail.data?.output;
  return (
    <li className={styles.run} aria-label={`Run ${position}: ${run.name}`}>
      <header className={styles.runHeader}>
        <Link
          to="/traces/$traceId"
          params={{ traceId: run.trace_id }}
          search={{ db_id: dbId }}
          className="trace-link"
        >
          {run.name}
        </Link>
        <StatusBadge status={run.status} />
        <span className={styles.meta}>
          {formatShortTimestamp(startUs, utc)} ·{' '}
          {formatDurationBetween(startUs, parseTimestampUs(run.end_time))}
        </span>
      </header>
      <section className={styles.turn} aria-label="User">
        <h2 className={styles.who}>User</h2>
        {run.input ? (
          <p className={styles.text}>{run.input}</p>
        ) : (
          <p className="muted">No input recorded.</p>
        )}
      </section>
      <section className={`${styles.turn} ${styles.answer}`} aria-label="Answer">
        <h2 className={styles.who}>Answer</h2>
        {!isSmall ? (
          <p className="muted">
            A run of {run.total_spans.toLocaleString()} spans: open its trace to read the answer.
          </p>
        ) : detail.isPending ? (
          <p className="muted">Loading…</p>
        ) : detail.isError ? (
          <p className="muted">The trace could not be read: open it to see why.</p>
        ) : answer ? (
          <AnswerText text={answer} />
        ) : (
          <p className="muted">No output recorded.</p>
        )}
      </section>
    </li>
  );
}

/** Longer answers stay plain: parsing megabytes of Markdown would hold the page. */
const MARKDOWN_MAX_CHARS = 50_000;

/** A run's answer: Markdown when the reader has it on (the span panel's toggle), else text. */
function AnswerText({ text }: { text: string }) {
  const isMarkdown = useMarkdownPreference();
  if (!isMarkdown || text.length > MARKDOWN_MAX_CHARS) return <p className={styles.text}>{text}</p>;
  return (
    <div className={`model-text ${styles.text}`}>
      <LazyMarkdownText text={text} />
    </div>
  );
}
