import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Updater,
} from '@tanstack/react-table';
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import type { TraceSummary } from '../../api/schemas';
import { LinkRow } from '../../components/LinkRow';
import { timeZoneLabel, useTimeZone } from '../../lib/timeZone';
import { ColumnMenu } from './ColumnMenu';
import {
  colsParamFrom,
  sortingFromParam,
  sortParamFrom,
  visibilityFromParam,
  type TraceSort,
} from './tableView';
import { COLUMN_LABELS, createTraceColumns } from './traceColumns';
import type { IdFilterKey } from './traceListSearch';
import styles from './TracesTable.module.css';

export interface TracesTableProps {
  traces: TraceSummary[];
  /** The next page is loading; this one stays on screen meanwhile. */
  isLoadingNext?: boolean;
  onFilter: (key: IdFilterKey, value: string) => void;
  /** The list's database, kept when a trace is opened. */
  dbId?: string;
  /** The sort and the columns, as the URL has them (tableView.ts). */
  sort?: TraceSort;
  cols?: string;
  onViewChange: (next: { sort?: TraceSort; cols?: string }) => void;
  /** Controls at the start and end of the toolbar above the table (advanced search, chart). */
  toolbarStart?: ReactNode;
  toolbarEnd?: ReactNode;
  /** What sits between the toolbar and the table (the advanced search panel, the chart). */
  aboveTable?: ReactNode;
}

/** Cells with a layout of their own; the others take the table's. */
const CELL_CLASSES: Record<string, string | undefined> = {
  name: styles.nameCell,
  status: styles.statusCell,
  input: styles.inputCell,
  user_id: styles.idCell,
  session_id: styles.idCell,
  run_id: styles.idCell,
};

const apply = <T,>(updater: Updater<T>, current: T): T =>
  typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;

/** Longest input shown when a row is expanded; the rest is on the trace page. */
const EXPANDED_INPUT_CHARS = 20_000;

export function TracesTable({
  traces,
  isLoadingNext,
  onFilter,
  dbId,
  sort,
  cols,
  onViewChange,
  toolbarStart,
  toolbarEnd,
  aboveTable,
}: TracesTableProps) {
  const zone = useTimeZone();
  // Both live in the URL, so a copied link shows the same order and columns.
  const sorting = useMemo(() => sortingFromParam(sort), [sort]);
  const visibility = useMemo(() => visibilityFromParam(cols), [cols]);
  // Keyed by trace id, so a live refresh keeps what the reader opened.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const columns = useMemo(
    () =>
      createTraceColumns({
        onFilter,
        dbId,
        expandedInputs: expanded,
        onToggleInput: (id) =>
          setExpanded((current) => {
            const next = new Set(current);
            if (!next.delete(id)) next.add(id);
            return next;
          }),
        zoneLabel: timeZoneLabel(zone),
      }),
    [onFilter, expanded, zone, dbId],
  );
  const table = useReactTable({
    data: traces,
    columns,
    state: { sorting, columnVisibility: visibility },
    // One column at a time: that is what the URL names.
    enableMultiSort: false,
    onSortingChange: (updater) =>
      onViewChange({ sort: sortParamFrom(apply(updater, sorting)), cols }),
    onColumnVisibilityChange: (updater) =>
      onViewChange({ sort, cols: colsParamFrom(apply(updater, visibility)) }),
    getCoreRowModel: getCoreRowModel(),
    // Sorting reorders the page on screen only: the server has no sort parameter.
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.trace_id,
  });
  const sorted = sorting[0];
  const visibleCount = table.getVisibleLeafColumns().length;

  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        {toolbarStart}
        <p className={`muted ${styles.note}`} id="traces-order-note">
          {sorted ? (
            <>
              Sorted by {COLUMN_LABELS[sorted.id]?.toLowerCase() ?? sorted.id} within this page
              only; the server orders traces by start time, newest first.{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => onViewChange({ sort: undefined, cols })}
              >
                Restore server order
              </button>
            </>
          ) : (
            'Newest first, as the server orders them; sorting a column reorders this page only.'
          )}
        </p>
        {toolbarEnd}
        <ColumnMenu columns={table.getAllLeafColumns()} />
      </div>
      {aboveTable}
      <div className="table-scroll">
        <table
          className={`data-table ${styles.table}`}
          aria-label="Traces"
          aria-describedby="traces-order-note"
          aria-busy={isLoadingNext}
          data-loading={isLoadingNext || undefined}
        >
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const direction = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={CELL_CLASSES[header.column.id]}
                      aria-sort={
                        direction === 'asc'
                          ? 'ascending'
                          : direction === 'desc'
                            ? 'descending'
                            : undefined
                      }
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          className={styles.sortButton}
                          onClick={header.column.getToggleSortingHandler()}
                          title="Sort this page"
                        >
                          {label}
                          <span aria-hidden="true" className={styles.sortIndicator}>
                            {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <Fragment key={row.id}>
                <LinkRow>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={CELL_CLASSES[cell.column.id]}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </LinkRow>
                {expanded.has(row.id) && row.original.input && (
                  <tr className={`input-row ${styles.inputRow}`}>
                    <td colSpan={visibleCount}>
                      <pre className="text-block">
                        {row.original.input.slice(0, EXPANDED_INPUT_CHARS)}
                        {row.original.input.length > EXPANDED_INPUT_CHARS &&
                          `\n… ${(row.original.input.length - EXPANDED_INPUT_CHARS).toLocaleString()} more characters on the trace page`}
                      </pre>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
