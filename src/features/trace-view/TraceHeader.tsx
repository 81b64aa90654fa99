import { Link } from '@tanstack/react-router';
import { useMemo, type ReactNode } from 'react';
import type { TraceDetail } from '../../api/schemas';
import { CopyButton } from '../../components/CopyButton';
import { CopyLinkButton } from '../../components/CopyLinkButton';
import { StatusBadge } from '../../components/StatusBadge';
import { countFailingSpans, traceStatus } from '../../domain/trace/traceStatus';
import { listReturnSearch } from '../../lib/listReturn';
import { durationProblem, formatDurationBetween, formatTimestamp } from '../../lib/time';
import { useTraceViewContext } from './traceViewContext';
import type { TraceSource } from './TraceScreen';
import { TraceTextBlock } from './TraceTextBlock';
import type { TraceModel } from '../../domain/trace/traceModel';

/** Ids a trace can carry, under the API's names, which are also the list's filter parameters. */
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
  tree: TraceModel;
  source: TraceSource;
  /** Header actions (download, copy, compare …). */
  actions?: ReactNode;
}

export function TraceHeader({ trace, tree, source, actions }: TraceHeaderProps) {
  const dbId = source.kind === 'server' ? source.dbId : undefined;
  // The repeated calls, once found; null while they are being looked for.
  const { repeated, store, flushUrl } = useTraceViewContext();
  const onShowRepeated = () => store.getState().showRepeated(repeated?.groups[0]?.spans[0] ?? null);
  // The trace's own times, as the server reported them; the tokens by the model's one rule.
  const startUs = tree.reportedStartUs;
  const endUs = tree.reportedEndUs;
  const tokens = tree.tokenTotals;
  const status = useMemo(
    () => traceStatus(trace.status, countFailingSpans(tree.isError)),
    [trace.status, tree],
  );
  return (
    <header className="trace-header">
      <div className="trace-title-row">
        <Link to="/traces" search={listReturnSearch(dbId)} className="back-link">
          ← Traces
        </Link>
        <h1>{trace.name}</h1>
        <StatusBadge status={status.status} note={status.note} />
        <span className="spacer" />
        {actions}
        {/* A file's trace is in this tab only: its address would show nothing to anyone else. */}
        {source.kind === 'server' && <CopyLinkButton beforeCopy={flushUrl} />}
      </div>
      <dl className="facts">
        {source.kind === 'file' && (
          <Fact label="File">
            <span title="Read in this browser: the file was not uploaded anywhere">
              <code>{source.fileName}</code>
            </span>
          </Fact>
        )}
        <Fact label="Duration">
          <span title={durationProblem(startUs, endUs)}>
            {formatDurationBetween(startUs, endUs)}
          </span>
        </Fact>
        <Fact label="Start">
          <span title={trace.start_time}>{formatTimestamp(startUs, { withMs: true })}</span>
        </Fact>
        <Fact label="End">
          <span title={trace.end_time}>{formatTimestamp(endUs, { withMs: true })}</span>
        </Fact>
        <Fact label="Spans">
          {tree.count.toLocaleString()}
          {tree.count < trace.total_spans && (
            <span className="warning-text" role="note">
              {' '}
              of {trace.total_spans.toLocaleString()}:{' '}
              {(trace.total_spans - tree.count).toLocaleString()} missing from the tree (dropped or
              late spans)
            </span>
          )}
        </Fact>
        <Fact label="Errors">
          <span className={trace.error_count > 0 ? 'error-text' : undefined}>
            {trace.error_count}
          </span>
        </Fact>
        {repeated !== null && (
          <Fact label="Repeated calls">
            {repeated.groups.length === 0 ? (
              <span className="muted">none</span>
            ) : (
              <button
                type="button"
                className="link-button"
                title="Show only the repeated calls in the waterfall"
                onClick={onShowRepeated}
              >
                {repeated.groups.length.toLocaleString()} ({repeated.spanCount.toLocaleString()}{' '}
                spans)
              </button>
            )}
          </Fact>
        )}
        {tokens.source !== 'none' && (
          <Fact label="Tokens">
            <span title={tokens.source === 'root' ? 'Trace totals' : 'Summed over LLM spans'}>
              {tokens.input.toLocaleString()} in · {tokens.output.toLocaleString()} out
            </span>
          </Fact>
        )}
        {ID_FIELDS.map(([field, label]) => {
          const value = trace[field];
          if (!value) return null;
          return (
            <Fact key={field} label={label}>
              <span className="id-value">
                <Link
                  to="/traces"
                  search={{ [field]: value, db_id: dbId }}
                  title={`All traces with this ${label.toLowerCase()}`}
                >
                  <code>{value}</code>
                </Link>
                <CopyButton text={value} label={`Copy ${label.toLowerCase()} id`} />
              </span>
            </Fact>
          );
        })}
      </dl>
      {trace.error != null && (
        <section className="trace-error" aria-label="Trace error">
          <strong>Error</strong>
          <pre>{trace.error}</pre>
        </section>
      )}
      {(trace.input != null || trace.output != null) && (
        <div className="io-grid">
          {trace.input != null && <TraceTextBlock label="Input" text={trace.input} />}
          {trace.output != null && <TraceTextBlock label="Output" text={trace.output} />}
        </div>
      )}
    </header>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
