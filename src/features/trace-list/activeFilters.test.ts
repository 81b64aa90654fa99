import { describe, expect, it } from 'vitest';
import { activeFilters } from './activeFilters';
import { parseTraceListSearch } from './traceListSearch';

const format = (iso: string) => iso;

describe('activeFilters', () => {
  it('lists nothing without filters', () => {
    expect(activeFilters(parseTraceListSearch({ page: 2, db_id: 'x' }), format)).toEqual([]);
  });

  it('names each filter and how to remove it', () => {
    const filters = activeFilters(
      parseTraceListSearch({
        status: 'ERROR',
        agent_id: 'stock_agent',
        range: '1h',
        filter: { op: 'GT', key: 'duration_ms', value: 1000 },
      }),
      format,
    );
    expect(filters.map(({ label, value }) => `${label}: ${value}`)).toEqual([
      'Status: ERROR',
      'Agent: stock_agent',
      'Time: Last hour',
      'Advanced search: duration_ms > 1000',
    ]);
    expect(filters[2]?.remove).toEqual({
      range: undefined,
      start_time: undefined,
      end_time: undefined,
    });
  });
});
