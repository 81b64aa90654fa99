import { Link } from '@tanstack/react-router';
import { useId, useMemo, type ReactNode } from 'react';
import type { TraceDetail } from '../../api/schemas';
import { CopyButton } from '../../components/CopyButton';
import { CopyLinkButton } from '../../components/CopyLinkButton';
import { StatusBadge } from '../../components/StatusBadge';
import type { TraceModel } from '../../domain/trace/traceModel';
import { countFailingSpans, traceStatus } from '../../domain/trace/traceStatus';
import { listReturnSearch } from '../../lib/listReturn';
import { durationProblem, formatDurationBetween, formatTimestamp } from '../../lib/time';
import styles from './TraceHeader.module.css';
import { useTraceView, useTraceViewContext } from './traceViewContext';
import type { TraceSource } from './TraceScreen';
import { TraceTextBlock } from './TraceTextBlock';
import { ErrorStepper } from './ErrorStepper';

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
  /** Shown at the top of the unfolded summary (the data notes). */
  notes?: ReactNode;
}

/**
 * One line that never grows: name, status, the trace's figures and the actions. The rest (times,
 * ids, input, output, the trace's error) folds into a summary below it, so the waterfall and the
 * span panel get the height.
 */
export function TraceHeader({ trace, tree, source, actions, notes }: TraceHeaderProps) {
  const dbId = source.kind === 'server' ? source.dbId : undefined;
  // The repeated calls, once found; null while they are being looked for.
  const { repeated, costs, store, flushUrl } = useTraceViewContext();
  const isSummaryOpen = useTraceView((state) => state.isSummaryOpen);
  const setSummaryOpen = useTraceView((state) => state.setSummaryOpen);
  const summaryId = useId();
  const onShowRepeated = () => store.getState().showRepeated(repeated?.groups[0]?.spans[0] ?? null);
  // The trace's own times, as the server reported them; the tokens by the model's one rule.
  const startUs = tree.reportedStartUs;
  const endUs = tree.reportedEndUs;
  const tokens = tree.tokenTotals;
  const status = useMemo(
    () => traceStatus(trace.status, countFailingSpans(tree.isError)),
    [trace.status, tree],
  );
  const missingSpans = trace.total_spans - tree.count;

  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <Link to="/traces" search={listReturnSearch(dbId)} className={styles.back}>
          ← Traces
        </Link>
        <h1 className={styles.title} title={trace.name}>
          {trace.name}
        </h1>
        <StatusBadge status={status.status} note={status.note} />
        <dl className={styles.figures}>
          {/* Where the trace came from matters first when it is not the server. */}
          {source.kind === 'file' && (
            <Figure label="File">
              <span title="Read in this browser: the file was not uploaded anywhere">
                <code>{source.fileName}</code>
              </span>
            </Figure>
          )}
          <Figure label="Duration">
            <span title={durationProblem(startUs, endUs)}>
              {formatDurationBetween(startUs, endUs)}
            </span>
          </Figure>
          <Figure label="Spans">
            {tree.count.toLocaleString()}
            {missingSpans > 0 && (
              <span className="warning-text" role="note">
                {' '}
                of {trace.total_spans.toLocaleString()}: {missingSpans.toLocaleString()} missing
                from the tree (dropped or late spans)
              </span>
            )}
          </Figure>
          <Figure label="Errors">
            <span className={trace.error_count > 0 ? 'error-text' : undefined}>
              {trace.error_count}
            </span>
          </Figure>
          {tokens.source !== 'none' && (
            <Figure label="Tokens">
              <span title={tokens.source === 'root' ? 'Trace totals' : 'Summed over LLM spans'}>
                {tokens.input.toLocaleString()} in · {tokens.output.toLocaleString()} out
              </span>
            </Figure>
          )}
          {costs !== null && costs.costs.pricedCalls + costs.costs.unpricedCalls > 0 && (
            <Figure label="Cost">
              <costs.kit.CostFigure
                usd={costs.costs.pricedCalls > 0 ? costs.costs.totalUsd : Number.NaN}
                unpricedCalls={costs.costs.unpricedCalls}
              />
            </Figure>
          )}
          {/* Said only when there are some: "none" is the usual case and the line is short. */}
          {repeated !== null && repeated.groups.length > 0 && (
            <Figure label="Repeated calls">
              <button
                type="button"
                className="link-button"
                title="Show only the repeated calls in the waterfall"
                onClick={onShowRepeated}
              >
                {repeated.groups.length.toLocaleString()} ({repeated.spanCount.toLocaleString()}{' '}
                spans)
              </button>
              {costs && <costs.kit.RepeatsCost groups={repeated.groups} costs={costs.costs} />}
            </Figure>
          )}
        </dl>
        <ErrorStepper />
        <button
          type="button"
          className={`button ${styles.summaryToggle}`}
          aria-expanded={isSummaryOpen}
          aria-controls={summaryId}
          aria-label="Trace details"
          onClick={() => setSummaryOpen(!isSummaryOpen)}
        >
          Details
          {trace.error != null && !isSummaryOpen && (
            <span className={styles.errorDot} role="img" aria-label="(has an error)" />
          )}
        </button>
        <div className={styles.actions}>
          {actions}
          {/* A file's trace is in this tab only: its address would show nothing to anyone else. */}
          {source.kind === 'server' && <CopyLinkButton beforeCopy={flushUrl} />}
        </div>
      </div>
      {notes}
      <div id={summaryId} className={styles.summary} hidden={!isSummaryOpen}>
        {isSummaryOpen && (
          <>
            {trace.error != null && (
              <section className={styles.error} aria-label="Trace error">
                <strong>Error</strong>
                <pre>{trace.error}</pre>
              </section>
            )}
            {/* The figures again, in words: on a narrow window the line above shows only some. */}
            <p className={styles.totals}>
              {formatDurationBetween(startUs, endUs)} · {tree.count.toLocaleString()}{' '}
              {tree.count === 1 ? 'span' : 'spans'} · {trace.error_count.toLocaleString()}{' '}
              {trace.error_count === 1 ? 'error' : 'errors'}
              {tokens.source !== 'none' &&
                ` · ${tokens.input.toLocaleString()} tokens in, ${tokens.output.toLocaleString()} out`}
              {status.note && ` · ${status.note}`}
              {costs !== null && costs.costs.pricedCalls + costs.costs.unpricedCalls > 0 && (
                <>
                  {' · cost '}
                  <costs.kit.CostFigure
                    usd={costs.costs.pricedCalls > 0 ? costs.costs.totalUsd : Number.NaN}
                    unpricedCalls={costs.costs.unpricedCalls}
                  />
                  <span className="muted"> ({costs.notes.estimate})</span>
                </>
              )}
            </p>
            <dl className={styles.facts}>
              <Figure label="Start">
                <span title={trace.start_time}>{formatTimestamp(startUs, { withMs: true })}</span>
              </Figure>
              <Figure label="End">
                <span title={trace.end_time}>{formatTimestamp(endUs, { withMs: true })}</span>
              </Figure>
              {ID_FIELDS.map(([field, label]) => {
                const value = trace[field];
                if (!value) return null;
                return (
                  <Figure key={field} label={label}>
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
                  </Figure>
                );
              })}
            </dl>
            {(trace.input != null || trace.output != null) && (
              <div className={styles.io}>
                {trace.input != null && <TraceTextBlock label="Input" text={trace.input} />}
                {trace.output != null && <TraceTextBlock label="Output" text={trace.output} />}
              </div>
            )}
          </>
        )}
      </div>
    </header>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.figure}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
