import { Link } from '@tanstack/react-router';
import type { TraceDetail } from '../../api/schemas';
import { CopyButton } from '../../components/CopyButton';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDuration, formatTimestamp, parseTimestampUs } from '../../lib/time';

const ID_FIELDS = [
  ['run_id', 'Run'],
  ['session_id', 'Session'],
  ['user_id', 'User'],
  ['agent_id', 'Agent'],
  ['team_id', 'Team'],
  ['workflow_id', 'Workflow'],
] as const;

export interface TraceHeaderProps {
  trace: TraceDetail;
  spanCount: number;
}

export function TraceHeader({ trace, spanCount }: TraceHeaderProps) {
  const startUs = parseTimestampUs(trace.start_time);
  const endUs = parseTimestampUs(trace.end_time);
  const durationUs = endUs - startUs;
  return (
    <header className="trace-header">
      <div className="trace-title-row">
        <Link to="/traces" className="back-link">
          ← Traces
        </Link>
        <h1>{trace.name}</h1>
        <StatusBadge status={trace.status} />
      </div>
      <dl className="facts">
        <div>
          <dt>Duration</dt>
          <dd title={`Server: ${trace.duration}`}>
            {Number.isFinite(durationUs) ? formatDuration(durationUs) : trace.duration}
          </dd>
        </div>
        <div>
          <dt>Start</dt>
          <dd>{formatTimestamp(startUs, { withMs: true })}</dd>
        </div>
        <div>
          <dt>End</dt>
          <dd>{formatTimestamp(endUs, { withMs: true })}</dd>
        </div>
        <div>
          <dt>Spans</dt>
          <dd>
            {spanCount.toLocaleString()}
            {spanCount < trace.total_spans && (
              <span className="warning-text">
                {' '}
                (the server counts {trace.total_spans.toLocaleString()}; some spans are missing from
                the tree)
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd className={trace.error_count > 0 ? 'error-text' : undefined}>{trace.error_count}</dd>
        </div>
        {ID_FIELDS.map(([field, label]) => {
          const value = trace[field];
          if (!value) return null;
          return (
            <div key={field}>
              <dt>{label}</dt>
              <dd className="id-value">
                <code>{value}</code>
                <CopyButton text={value} label={`Copy ${label.toLowerCase()} id`} />
              </dd>
            </div>
          );
        })}
      </dl>
      {trace.error && (
        <div className="trace-error" role="note" aria-label="Trace error">
          <strong>Error</strong>
          <pre>{trace.error}</pre>
        </div>
      )}
      <div className="io-grid">
        {trace.input != null && <TextBlock label="Input" text={trace.input} />}
        {trace.output != null && <TextBlock label="Output" text={trace.output} />}
      </div>
    </header>
  );
}

const PREVIEW_CHARS = 2_000;

function TextBlock({ label, text }: { label: string; text: string }) {
  const isLong = text.length > PREVIEW_CHARS;
  return (
    <section className="text-block" aria-label={`Trace ${label.toLowerCase()}`}>
      <h2>{label}</h2>
      {isLong ? (
        <details>
          <summary>
            {text.slice(0, 200)}… ({text.length.toLocaleString()} characters, show all)
          </summary>
          <pre>{text}</pre>
        </details>
      ) : (
        <pre>{text}</pre>
      )}
    </section>
  );
}
