import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseSearchFields } from '../../lib/searchSchema';
import {
  colsField,
  colsParamFrom,
  HIDEABLE_COLUMNS,
  SORTABLE_COLUMNS,
  sortField,
  sortingFromParam,
  sortParamFrom,
  visibilityFromParam,
} from './tableView';
import { createTraceColumns } from './traceColumns';

describe('the column ids the URL knows', () => {
  it('are the ones the table sorts and the column menu hides', () => {
    const { result } = renderHook(() =>
      useReactTable({
        data: [],
        columns: createTraceColumns({
          onFilter: () => {},
          expandedInputs: new Set(),
          onToggleInput: () => {},
          zoneLabel: 'UTC',
        }),
        getCoreRowModel: getCoreRowModel(),
      }),
    );
    const columns = result.current.getAllLeafColumns();
    expect(columns.filter((c) => c.getCanSort()).map((c) => c.id)).toEqual([...SORTABLE_COLUMNS]);
    expect(columns.filter((c) => c.getCanHide()).map((c) => c.id)).toEqual([...HIDEABLE_COLUMNS]);
  });
});

describe('sort', () => {
  it('names one sortable column, `-` first for descending', () => {
    expect(sortingFromParam('-duration')).toEqual([{ id: 'duration', desc: true }]);
    expect(sortingFromParam('name')).toEqual([{ id: 'name', desc: false }]);
    expect(sortingFromParam(undefined)).toEqual([]);
    expect(sortParamFrom([{ id: 'total_spans', desc: true }])).toBe('-total_spans');
    expect(sortParamFrom([{ id: 'status', desc: false }])).toBe('status');
    expect(sortParamFrom([])).toBeUndefined();
  });

  it('round-trips every column both ways', () => {
    for (const id of SORTABLE_COLUMNS) {
      for (const desc of [false, true]) {
        const sort = sortParamFrom([{ id, desc }]);
        expect(sortField.parse(sort)).toBe(sort);
        expect(sortingFromParam(sort)).toEqual([{ id, desc }]);
      }
    }
  });

  it('refuses a column that cannot be sorted, or none', () => {
    for (const value of ['input', '-entity', 'bogus', '--duration', 'Duration', 42]) {
      expect(sortField.safeParse(value).success).toBe(false);
    }
  });
});

describe('cols', () => {
  it('is the difference from the default columns (run id hidden)', () => {
    expect(visibilityFromParam(undefined)).toEqual({ run_id: false });
    expect(visibilityFromParam('-input.run_id')).toEqual({ run_id: true, input: false });
    expect(colsParamFrom({ run_id: false })).toBeUndefined();
    expect(colsParamFrom({})).toBeUndefined();
    expect(colsParamFrom({ input: false, run_id: true, status: true })).toBe('-input.run_id');
  });

  it('round-trips through the URL value', () => {
    const visibility = { status: false, entity: false, run_id: true, user_id: false };
    const cols = colsParamFrom(visibility);
    expect(cols).toBe('-status.-entity.-user_id.run_id');
    expect(colsField.parse(cols)).toEqual({ cols, unknown: [] });
    expect(visibilityFromParam(cols)).toEqual({ ...visibility });
  });

  it('is normalized: table order, repeats and defaults left out', () => {
    expect(colsField.parse('run_id.-input.-input.-run_id.-duration')).toEqual({
      cols: '-duration.-input',
      unknown: [],
    });
    expect(colsField.parse('-run_id.input')).toEqual({ unknown: [] });
  });

  it('keeps the columns it knows and lists the others', () => {
    expect(colsField.parse('-input.-cost.tokens.-name')).toEqual({
      cols: '-input',
      unknown: ['-cost', 'tokens', '-name'],
    });
    expect(parseSearchFields({ cols: colsField }, { cols: 7 }).dropped).toHaveLength(1);
  });
});
