import { Link } from '@tanstack/react-router';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
} from '@tanstack/react-table';
import type { TraceSummary } from '../../api/schemas';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDuration, formatRelative, formatTimestamp, parseTimestampUs } from '../../lib/time';

const column = createColumnHelper<TraceSummary>();

const columns = [
  column.accessor('name', {
    header: 'Name',
    cell: (info) => (
      <Link
        to="/traces/$traceId"
        params={{ traceId: info.row.original.trace_id }}
        className="trace-link"
      >
        {info.getValue()}
      </Link>
    ),
  }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => <StatusBadge status={info.getValue()} />,
  }),
  column.display({
    id: 'duration',
    header: 'Duration',
    // Computed from the two times; the server's own text is kept as the tooltip.
    cell: ({ row }) => {
      const us =
        parseTimestampUs(row.original.end_time) - parseTimestampUs(row.original.start_time);
      return (
        <span title={`Server: ${row.original.duration}`} className="numeric">
          {Number.isFinite(us) ? formatDuration(us) : row.original.duration}
        </span>
      );
    },
  }),
  column.accessor('start_time', {
    header: 'Start time',
    cell: (info) => {
      const us = parseTimestampUs(info.getValue());
      return (
        <span title={formatTimestamp(us, { withMs: true })}>
          {formatTimestamp(us)} <span className="muted">({formatRelative(us)})</span>
        </span>
      );
    },
  }),
  column.accessor('total_spans', {
    header: 'Spans',
    cell: (info) => <span className="numeric">{info.getValue().toLocaleString()}</span>,
  }),
  column.accessor('error_count', {
    header: 'Errors',
    cell: (info) => (
      <span className={info.getValue() > 0 ? 'numeric error-text' : 'numeric muted'}>
        {info.getValue().toLocaleString()}
      </span>
    ),
  }),
];

export interface TracesTableProps {
  traces: TraceSummary[];
}

export function TracesTable({ traces }: TracesTableProps) {
  const table = useReactTable({
    data: traces,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.trace_id,
  });
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Traces">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
