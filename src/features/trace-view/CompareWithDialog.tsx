import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent, type RefObject } from 'react';
import { useApiQueries } from '../../api/queries';
import type { TraceDetail } from '../../api/schemas';
import { ModalDialog } from '../../components/ModalDialog';
import { ApiErrorState } from '../../components/ApiErrorState';
import { LoadingState } from '../../components/PageState';
import { StatusBadge } from '../../components/StatusBadge';
import { Timestamp } from '../../components/Timestamp';
import { parseTimestampUs } from '../../lib/time';
import { traceIdFromText } from '../../lib/traceIdFromText';

const RECENT_LIMIT = 10;

const OWNER_FIELDS = [
  ['agent_id', 'agent'],
  ['team_id', 'team'],
  ['workflow_id', 'workflow'],
] as const;

export interface CompareWithDialogProps {
  trace: TraceDetail;
  dbId?: string;
  returnFocusTo: RefObject<HTMLElement | null>;
  onOpenChange: (open: boolean) => void;
}

/**
 * Picks a second trace to compare this one with: recent traces of the same agent, team or
 * workflow (GET /traces), or any trace id or trace link pasted in.
 */
export function CompareWithDialog({
  trace,
  dbId,
  returnFocusTo,
  onOpenChange,
}: CompareWithDialogProps) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const owner = OWNER_FIELDS.find(([field]) => trace[field]);
  const queries = useApiQueries(dbId);
  const recent = useQuery(
    queries.traceList(
      owner
        ? { [owner[0]]: trace[owner[0]]!, limit: RECENT_LIMIT + 1 }
        : { limit: RECENT_LIMIT + 1 },
    ),
  );
  const others = (recent.data?.data ?? [])
    .filter((item) => item.trace_id !== trace.trace_id)
    .slice(0, RECENT_LIMIT);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const other = traceIdFromText(text);
    if (!other) return;
    onOpenChange(false);
    void navigate({ to: '/compare', search: { a: trace.trace_id, b: other, db_id: dbId } });
  };

  return (
    <ModalDialog
      title="Compare with another trace"
      open
      onOpenChange={onOpenChange}
      isWide
      returnFocusTo={returnFocusTo}
      description={
        <>
          The two span trees side by side, aligned by the names of the spans: durations, tokens and
          status, with the differences.
        </>
      }
    >
      <form className="compare-form" onSubmit={handleSubmit}>
        <label className="field">
          Trace id or link
          <input
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Paste a trace id, or the address of a trace page"
            spellCheck={false}
          />
        </label>
        <button type="submit" className="button primary" disabled={!traceIdFromText(text)}>
          Compare
        </button>
      </form>
      <section aria-label="Recent traces" className="compare-recent">
        <h3>
          Recent traces
          {owner && (
            <>
              {' '}
              of {owner[1]} <code>{trace[owner[0]]}</code>
            </>
          )}
        </h3>
        {recent.isPending ? (
          <LoadingState label="Loading recent traces…" />
        ) : recent.isError ? (
          <ApiErrorState error={recent.error} action="load recent traces" />
        ) : others.length === 0 ? (
          <p className="muted">No other trace found.</p>
        ) : (
          <ul className="compare-recent-list">
            {others.map((item) => (
              <li key={item.trace_id}>
                <Link
                  to="/compare"
                  search={{ a: trace.trace_id, b: item.trace_id, db_id: dbId }}
                  onClick={() => onOpenChange(false)}
                  aria-label={`Compare with ${item.name}, ${item.status}, started ${item.start_time}`}
                >
                  {item.name}
                </Link>
                <StatusBadge status={item.status} />
                <span className="muted">{item.duration}</span>
                <Timestamp us={parseTimestampUs(item.start_time)} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </ModalDialog>
  );
}
