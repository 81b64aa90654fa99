import { describe, expect, it } from 'vitest';
import type { FilterField } from '../../api/schemas';
import {
  andAll,
  buildFilterExpr,
  describeFilterExpr,
  clausesFromFilterExpr,
  isClauseComplete,
  splitList,
  type FilterClause,
} from './filterExpression';

const FIELDS: FilterField[] = [
  { key: 'status', type: 'enum', operators: ['EQ', 'NEQ', 'IN'], values: ['OK', 'ERROR'] },
  { key: 'agent_id', type: 'string', operators: ['EQ', 'NEQ', 'IN', 'CONTAINS', 'STARTSWITH'] },
  { key: 'duration_ms', type: 'number', operators: ['EQ', 'GT', 'GTE', 'LT', 'LTE'] },
  { key: 'start_time', type: 'datetime', operators: ['GT', 'GTE', 'LT', 'LTE'] },
];

function clause(key: string, op: string, value: string, join: 'AND' | 'OR' = 'AND'): FilterClause {
  return { key, op, value, join };
}

describe('buildFilterExpr', () => {
  it('gives null when there is no complete clause', () => {
    expect(buildFilterExpr([], FIELDS)).toBeNull();
    expect(buildFilterExpr([clause('agent_id', 'EQ', '  ')], FIELDS)).toBeNull();
  });

  it('sends a single clause as a bare condition', () => {
    expect(buildFilterExpr([clause('status', 'EQ', 'ERROR')], FIELDS)).toEqual({
      op: 'EQ',
      key: 'status',
      value: 'ERROR',
    });
  });

  it('sends IN with a plural `values` list, split on commas and trimmed', () => {
    expect(buildFilterExpr([clause('agent_id', 'IN', 'stock_agent, web_agent,,')], FIELDS)).toEqual(
      { op: 'IN', key: 'agent_id', values: ['stock_agent', 'web_agent'] },
    );
  });

  it('never sends a singular `value` on IN', () => {
    const expr = buildFilterExpr([clause('status', 'IN', 'OK')], FIELDS);
    expect(expr).toEqual({ op: 'IN', key: 'status', values: ['OK'] });
    expect(expr).not.toHaveProperty('value');
  });

  it('turns numbers into numbers for number fields, and leaves other text for the server', () => {
    expect(buildFilterExpr([clause('duration_ms', 'GT', ' 1500 ')], FIELDS)).toEqual({
      op: 'GT',
      key: 'duration_ms',
      value: 1500,
    });
    expect(buildFilterExpr([clause('duration_ms', 'GT', 'abc')], FIELDS)).toEqual({
      op: 'GT',
      key: 'duration_ms',
      value: 'abc',
    });
    // A string field keeps digits as text: ids can look like numbers.
    expect(buildFilterExpr([clause('agent_id', 'EQ', '42')], FIELDS)).toEqual({
      op: 'EQ',
      key: 'agent_id',
      value: '42',
    });
  });

  it('ands clauses joined by AND', () => {
    expect(
      buildFilterExpr(
        [clause('status', 'EQ', 'ERROR'), clause('agent_id', 'EQ', 'stock_agent', 'AND')],
        FIELDS,
      ),
    ).toEqual({
      op: 'AND',
      conditions: [
        { op: 'EQ', key: 'status', value: 'ERROR' },
        { op: 'EQ', key: 'agent_id', value: 'stock_agent' },
      ],
    });
  });

  it('ors clauses joined by OR', () => {
    expect(
      buildFilterExpr([clause('agent_id', 'EQ', 'a'), clause('agent_id', 'EQ', 'b', 'OR')], FIELDS),
    ).toEqual({
      op: 'OR',
      conditions: [
        { op: 'EQ', key: 'agent_id', value: 'a' },
        { op: 'EQ', key: 'agent_id', value: 'b' },
      ],
    });
  });

  it('binds AND tighter than OR', () => {
    const expr = buildFilterExpr(
      [
        clause('status', 'EQ', 'ERROR'),
        clause('agent_id', 'EQ', 'a', 'AND'),
        clause('duration_ms', 'GT', '1000', 'OR'),
      ],
      FIELDS,
    );
    expect(expr).toEqual({
      op: 'OR',
      conditions: [
        {
          op: 'AND',
          conditions: [
            { op: 'EQ', key: 'status', value: 'ERROR' },
            { op: 'EQ', key: 'agent_id', value: 'a' },
          ],
        },
        { op: 'GT', key: 'duration_ms', value: 1000 },
      ],
    });
  });

  it('skips incomplete clauses without breaking the joins of the others', () => {
    expect(
      buildFilterExpr([clause('status', 'EQ', ''), clause('agent_id', 'EQ', 'a', 'OR')], FIELDS),
    ).toEqual({ op: 'EQ', key: 'agent_id', value: 'a' });
  });
});

describe('isClauseComplete and splitList', () => {
  it('needs a field, an operator and a value (IN: at least one item)', () => {
    expect(isClauseComplete(clause('', 'EQ', 'x'))).toBe(false);
    expect(isClauseComplete(clause('agent_id', '', 'x'))).toBe(false);
    expect(isClauseComplete(clause('agent_id', 'IN', ' , '))).toBe(false);
    expect(isClauseComplete(clause('agent_id', 'IN', 'a'))).toBe(true);
  });

  it('splits lists on commas', () => {
    expect(splitList(' a ,b,, c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('clausesFromFilterExpr', () => {
  it('reads back what buildFilterExpr writes', () => {
    const clauses = [
      clause('status', 'EQ', 'ERROR'),
      clause('agent_id', 'IN', 'a, b', 'AND'),
      clause('duration_ms', 'GT', '1000', 'OR'),
      clause('start_time', 'GTE', '2025-11-19T10:00:00.000Z', 'AND'),
    ];
    const expr = buildFilterExpr(clauses, FIELDS);
    expect(clausesFromFilterExpr(expr)).toEqual(clauses);
  });

  it('reads a bare condition and a plain AND', () => {
    expect(clausesFromFilterExpr({ op: 'NEQ', key: 'status', value: 'OK' })).toEqual([
      clause('status', 'NEQ', 'OK'),
    ]);
    expect(
      clausesFromFilterExpr({
        op: 'AND',
        conditions: [
          { op: 'EQ', key: 'a', value: 1 },
          { op: 'EQ', key: 'b', value: true },
        ],
      }),
    ).toEqual([clause('a', 'EQ', '1'), clause('b', 'EQ', 'true')]);
  });

  it('gives null for what the bar cannot show', () => {
    expect(
      clausesFromFilterExpr({ op: 'NOT', condition: { op: 'EQ', key: 'a', value: 1 } }),
    ).toBeNull();
    // AND over OR needs brackets the bar does not have.
    expect(
      clausesFromFilterExpr({
        op: 'AND',
        conditions: [
          { op: 'EQ', key: 'a', value: 1 },
          {
            op: 'OR',
            conditions: [
              { op: 'EQ', key: 'b', value: 1 },
              { op: 'EQ', key: 'c', value: 1 },
            ],
          },
        ],
      }),
    ).toBeNull();
    // Malformed: IN with a singular value, a missing value, empty groups, not an object.
    expect(clausesFromFilterExpr({ op: 'IN', key: 'a', value: 'x' })).toBeNull();
    expect(clausesFromFilterExpr({ op: 'EQ', key: 'a' })).toBeNull();
    expect(clausesFromFilterExpr({ op: 'OR', conditions: [] })).toBeNull();
    expect(clausesFromFilterExpr('status = OK')).toBeNull();
    // A list item with a comma would not survive the comma-separated text.
    expect(clausesFromFilterExpr({ op: 'IN', key: 'a', values: ['x,y'] })).toBeNull();
  });
});

describe('andAll', () => {
  it('flattens ANDs and drops empties', () => {
    expect(andAll([null, undefined])).toBeNull();
    expect(andAll([{ op: 'EQ', key: 'a', value: 1 }])).toEqual({ op: 'EQ', key: 'a', value: 1 });
    expect(
      andAll([
        {
          op: 'AND',
          conditions: [
            { op: 'EQ', key: 'a', value: 1 },
            { op: 'EQ', key: 'b', value: 2 },
          ],
        },
        { op: 'EQ', key: 'c', value: 3 },
      ]),
    ).toEqual({
      op: 'AND',
      conditions: [
        { op: 'EQ', key: 'a', value: 1 },
        { op: 'EQ', key: 'b', value: 2 },
        { op: 'EQ', key: 'c', value: 3 },
      ],
    });
  });
});

describe('describeFilterExpr', () => {
  it('reads like the bar, with brackets for nested groups', () => {
    expect(
      describeFilterExpr({
        op: 'OR',
        conditions: [
          {
            op: 'AND',
            conditions: [
              { op: 'EQ', key: 'status', value: 'ERROR' },
              { op: 'IN', key: 'agent_id', values: ['a', 'b'] },
            ],
          },
          { op: 'GTE', key: 'duration_ms', value: 1000 },
        ],
      }),
    ).toBe('(status = ERROR AND agent_id in (a, b)) OR duration_ms ≥ 1000');
    expect(describeFilterExpr({ op: 'NOT', condition: { op: 'EQ', key: 'a', value: 1 } })).toBe(
      'NOT a = 1',
    );
  });

  it('falls back to JSON for what it does not know', () => {
    expect(describeFilterExpr({ op: 'LIKE', foo: 1 })).toBe('{"op":"LIKE","foo":1}');
  });
});
