import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { TraceSummary } from '../../api/schemas';
import { EntityIds } from '../../components/EntityIds';
import { FilterIdButton } from '../../components/FilterIdButton';
import { StatusBadge } from '../../components/StatusBadge';
import { traceStatus, type TraceStatusView } from '../../domain/trace/traceStatus';
import { Timestamp } from '../../components/Timestamp';
import {
  durationBetweenUs,
  durationProblem,
  formatDuration,
  parseTimestampUs,
} from '../../lib/time';
import { InputPreview } from './InputPreview';
import type { IdFilterKey } from './traceListSearch';
import styles from './TracesTable.module.css';

export interface TraceColumnOptions {
  onFilter: (key: IdFilterKey, value: string) => void;
  expandedInputs: ReadonlySet<string>;
  onToggleInput: (traceId: string) => void;
  /** "UTC" or the local zone's short name, for the start time's header. */
  zoneLabel: string;
  /** The list's database, kept when a trace is opened from it. */
  dbId?: string;
}

/** Names for the column menu (the start header also names the zone). */
export const COLUMN_LABELS: Record<string, string> = {
  name: 'Name',
  status: 'Status',
  duration: 'Duration',
  start_time: 'Start time',
  total_spans: 'Spans',
  error_count: 'Errors',
  input: 'Input',
  entity: 'Agent / team / workflow',
  user_id: 'User',
  session_id: 'Session',
  run_id: 'Run',
};

const column = createColumnHelper<TraceSummary>();

/** Undefined when unknown (a time is not a date, or the end is before the start): sorted last. */
function durationUs(trace: TraceSummary): number | undefined {
  const us = durationBetweenUs(
    parseTimestampUs(trace.start_time),
    parseTimestampUs(trace.end_time),
  );
  return Number.isNaN(us) ? undefined : us;
}

export function createTraceColumns(options: TraceColumnOptions) {
  const { onFilter } = options;
  const idCell = (key: IdFilterKey, kind: string) => (value: string | null | undefined) =>
    value ? (
      <FilterIdButton kind={kind} id={value} onFilter={() => onFilter(key, value)} />
    ) : (
      <span className="muted">–</span>
    );
  const userCell = idCell('user_id', 'user');
  const sessionCell = idCell('session_id', 'session');
  const runCell = idCell('run_id', 'run');

  return [
    column.accessor('name', {
      header: COLUMN_LABELS.name,
      enableHiding: false,
      cell: (info) => (
        <Link
          to="/traces/$traceId"
          params={{ traceId: info.row.original.trace_id }}
          search={{ db_id: options.dbId }}
          className="trace-link"
          data-row-link
        >
          {info.getValue()}
        </Link>
      ),
    }),
    // A trace with failing spans is failed, whatever its root span says (the server's status).
    column.accessor((trace) => traceStatus(trace.status, trace.error_count), {
      id: 'status',
      header: COLUMN_LABELS.status,
      sortingFn: (a, b) =>
        a
          .getValue<TraceStatusView>('status')
          .status.localeCompare(b.getValue<TraceStatusView>('status').status),
      cell: (info) => {
        const { status, serverStatus, note } = info.getValue();
        if (!note) return <StatusBadge status={status} />;
        // The Errors column counts the failing spans: here only that the root span was OK.
        return (
          <span title={note}>
            <StatusBadge status={status} />
            <span className={`muted ${styles.statusNote}`} aria-hidden="true">
              root {serverStatus || '–'}
            </span>
            <span className="visually-hidden">{note}</span>
          </span>
        );
      },
    }),
    column.accessor(durationUs, {
      id: 'duration',
      header: COLUMN_LABELS.duration,
      sortUndefined: 'last',
      // From the two times: the server's text is rounded, or a float like "498.005747795105ms".
      cell: (info) => {
        const value = info.getValue();
        const trace = info.row.original;
        return (
          <span
            className="numeric"
            title={
              value === undefined
                ? durationProblem(
                    parseTimestampUs(trace.start_time),
                    parseTimestampUs(trace.end_time),
                  )
                : undefined
            }
          >
            {formatDuration(value ?? Number.NaN)}
          </span>
        );
      },
    }),
    column.accessor((trace) => parseTimestampUs(trace.start_time), {
      id: 'start_time',
      header: `Start (${options.zoneLabel})`,
      cell: (info) => <Timestamp us={info.getValue()} />,
    }),
    column.accessor('total_spans', {
      header: COLUMN_LABELS.total_spans,
      cell: (info) => <span className="numeric">{info.getValue().toLocaleString()}</span>,
    }),
    column.accessor('error_count', {
      header: COLUMN_LABELS.error_count,
      cell: (info) => (
        <span className={info.getValue() > 0 ? 'numeric error-text' : 'numeric muted'}>
          {info.getValue().toLocaleString()}
        </span>
      ),
    }),
    column.accessor('input', {
      header: COLUMN_LABELS.input,
      enableSorting: false,
      cell: (info) => (
        <InputPreview
          text={info.getValue()}
          isExpanded={options.expandedInputs.has(info.row.id)}
          onToggle={() => options.onToggleInput(info.row.id)}
        />
      ),
    }),
    column.display({
      id: 'entity',
      header: COLUMN_LABELS.entity,
      cell: ({ row }) => <EntityIds ids={row.original} onFilter={onFilter} />,
    }),
    column.accessor('user_id', {
      header: COLUMN_LABELS.user_id,
      enableSorting: false,
      cell: (info) => userCell(info.getValue()),
    }),
    column.accessor('session_id', {
      header: COLUMN_LABELS.session_id,
      enableSorting: false,
      cell: (info) => sessionCell(info.getValue()),
    }),
    column.accessor('run_id', {
      header: COLUMN_LABELS.run_id,
      enableSorting: false,
      cell: (info) => runCell(info.getValue()),
    }),
  ];
}
