import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent, type RefObject } from 'react';
import { useApiQueries } from '../../api/queries';
import type { TraceDetail } from '../../api/schemas';
import { ModalDialog } from '../../components/ModalDialog';
import { ApiErrorState } from '../../components/ApiErrorState';
import { LoadingState } from '../../components/PageState';
import { StatusBadge } from '../../components/StatusBadge';
import { traceStatus } from '../../domain/trace/traceStatus';
import { Timestamp } from '../../components/Timestamp';
import { formatDurationBetween, formatTimestamp, parseTimestampUs } from '../../lib/time';
import { traceIdFromText } from '../../lib/traceIdFromText';
import {
  BY_NAME_SCAN_LIMIT,
  candidatesRequest,
  compareCandidates,
  ownerOf,
  type CompareCandidate,
} from './compareCandidates';

export interface CompareWithDialogProps {
  trace: TraceDetail;
  dbId?: string;
  returnFocusTo: RefObject<HTMLElement | null>;
  onOpenChange: (open: boolean) => void;
}

/**
 * Picks a second trace to compare this one with: recent traces of the same agent, team or
 * workflow (GET /traces), or of the same name when the trace has no such id, or any trace id or
 * trace link pasted in. A run started through AgentOS (`.arun`) and a direct one (`.run`) are
 * offered alike, and the difference is said.
 */
export function CompareWithDialog({
  trace,
  dbId,
  returnFocusTo,
  onOpenChange,
}: CompareWithDialogProps) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const owner = ownerOf(trace);
  const queries = useApiQueries(dbId);
  const recent = useQuery(queries.traceList(candidatesRequest(trace)));
  const candidates = compareCandidates(trace, recent.data?.data ?? []);
  const otherEntryPoint = candidates.find((candidate) => candidate.entryPoints)?.entryPoints;

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
          {owner ? (
            <>
              Recent traces of {owner.kind} <code>{owner.id}</code>
            </>
          ) : (
            <>
              Recent traces named <code>{trace.name}</code>
            </>
          )}
        </h3>
        {otherEntryPoint && (
          <p className="compare-entry-points" role="note">
            This trace was started with <code>{otherEntryPoint.a}</code>, some of these with{' '}
            <code>{otherEntryPoint.b}</code>: their spans are matched all the same.
          </p>
        )}
        {recent.isPending ? (
          <LoadingState label="Loading recent traces…" />
        ) : recent.isError ? (
          <ApiErrorState error={recent.error} action="load recent traces" />
        ) : candidates.length === 0 ? (
          <p className="muted">
            {owner
              ? 'No other trace found.'
              : `No other trace of this name among the ${BY_NAME_SCAN_LIMIT} most recent.`}
          </p>
        ) : (
          <ul className="compare-recent-list">
            {candidates.map((candidate) => (
              <CandidateItem
                key={candidate.trace.trace_id}
                candidate={candidate}
                traceId={trace.trace_id}
                dbId={dbId}
                onChoose={() => onOpenChange(false)}
              />
            ))}
          </ul>
        )}
      </section>
    </ModalDialog>
  );
}

interface CandidateItemProps {
  candidate: CompareCandidate;
  traceId: string;
  dbId?: string;
  onChoose: () => void;
}

function CandidateItem({ candidate, traceId, dbId, onChoose }: CandidateItemProps) {
  const { trace: item, entryPoints } = candidate;
  const startUs = parseTimestampUs(item.start_time);
  const duration = formatDurationBetween(startUs, parseTimestampUs(item.end_time));
  const status = traceStatus(item.status, item.error_count);
  return (
    <li>
      <Link
        to="/compare"
        search={{ a: traceId, b: item.trace_id, db_id: dbId }}
        onClick={onChoose}
        aria-label={`Compare with ${item.name}, ${status.status}, ${duration}, started ${formatTimestamp(startUs)}`}
      >
        {item.name}
      </Link>
      <StatusBadge status={status.status} note={status.note} />
      <span className="muted numeric">{duration}</span>
      <Timestamp us={startUs} />
      {entryPoints && (
        <span
          className="side-badge side-b"
          title={`Started with ${entryPoints.b}, this trace with ${entryPoints.a}`}
        >
          started with {entryPoints.b}
        </span>
      )}
    </li>
  );
}
