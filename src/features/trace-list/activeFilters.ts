import { describeTimeRange, timeRangeKind } from '../../lib/timeRange';
import { describeFilterExpr } from './filterExpression';
import { ID_FILTER_KEYS, ID_FILTER_LABELS, type TraceListSearch } from './traceListSearch';

/** A filter in force, in words, with the URL change that removes it. */
export interface ActiveFilter {
  id: string;
  label: string;
  value: string;
  remove: Partial<TraceListSearch>;
}

export function activeFilters(
  search: TraceListSearch,
  formatTime: (iso: string) => string,
): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  if (search.status) {
    filters.push({
      id: 'status',
      label: 'Status',
      value: search.status,
      remove: { status: undefined },
    });
  }
  for (const key of ID_FILTER_KEYS) {
    const value = search[key];
    if (value !== undefined) {
      filters.push({ id: key, label: ID_FILTER_LABELS[key], value, remove: { [key]: undefined } });
    }
  }
  if (timeRangeKind(search) !== 'any') {
    filters.push({
      id: 'time',
      label: 'Time',
      value: describeTimeRange(search, formatTime),
      remove: { range: undefined, start_time: undefined, end_time: undefined },
    });
  }
  if (search.filter !== undefined) {
    filters.push({
      id: 'filter',
      label: 'Advanced search',
      value: describeFilterExpr(search.filter),
      remove: { filter: undefined },
    });
  }
  return filters;
}
