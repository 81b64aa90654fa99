import { describe, it, expect } from 'vitest';
import { filterSchemaResponseSchema } from '../api/schemas';
import type { FilterExpr, TraceSummary } from '../api/schemas';
import {
  FILTER_SCHEMA,
  InvalidFilterExpressionError,
  matchesFilter,
  parseFilterExpression,
  parseIsoToUs,
  traceDurationMs,
} from './filterExpression';

function makeSummary(overrides: Partial<TraceSummary>): TraceSummary {
  return {
    trace_id: 'a1',
    name: 'Stock_Price_Agent.run',
    status: 'OK',
    duration: '3.42s',
    start_time: '2025-11-19T10:30:00.104233+00:00',
    end_time: '2025-11-19T10:30:03.524871+00:00',
    created_at: '2025-11-19T10:30:03+00:00',
    total_spans: 5,
    error_count: 0,
    agent_id: 'stock_agent',
    user_id: 'ana@example.com',
    session_id: 's1',
    run_id: 'r1',
    ...overrides,
  };
}

const stock = makeSummary({});
const research = makeSummary({
  trace_id: 'b2',
  name: 'Research_Team.run',
  status: 'ERROR',
  start_time: '2025-11-19T11:00:00Z',
  end_time: '2025-11-19T11:00:00.845Z',
  created_at: '2025-11-19T11:00:00Z',
  agent_id: undefined,
  team_id: 'research-team',
  user_id: 'li.wei@example.com',
});
const workflow = makeSummary({
  trace_id: 'c3',
  name: 'Content_Pipeline.run',
  status: 'UNSET',
  start_time: '2025-11-19T12:00:00.000512+00:00',
  end_time: '2025-11-19T12:01:13.450512+00:00',
  created_at: '2025-11-19T12:01:13+00:00',
  agent_id: undefined,
  workflow_id: 'content-pipeline',
  user_id: undefined,
});
const ALL = [stock, research, workflow];

function ids(raw: unknown): string[] {
  const expr = parseFilterExpression(raw);
  return ALL.filter((t) => matchesFilter(expr, t)).map((t) => t.trace_id);
}

function errorOf(raw: unknown): string {
  try {
    parseFilterExpression(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidFilterExpressionError);
    return (error as Error).message;
  }
  throw new Error('expected the filter to be refused');
}

describe('matchesFilter', () => {
  it('EQ and NEQ on strings and the status enum', () => {
    expect(ids({ op: 'EQ', key: 'status', value: 'ERROR' })).toEqual(['b2']);
    expect(ids({ op: 'NEQ', key: 'status', value: 'ERROR' })).toEqual(['a1', 'c3']);
    expect(ids({ op: 'EQ', key: 'agent_id', value: 'stock_agent' })).toEqual(['a1']);
  });

  it('treats a missing field as unknown: neither EQ, NEQ nor NOT match it (SQL NULL)', () => {
    expect(ids({ op: 'NEQ', key: 'agent_id', value: 'stock_agent' })).toEqual([]);
    expect(
      ids({ op: 'NOT', condition: { op: 'EQ', key: 'team_id', value: 'research-team' } }),
    ).toEqual([]);
    expect(
      ids({ op: 'NOT', condition: { op: 'EQ', key: 'user_id', value: 'ana@example.com' } }),
    ).toEqual(['b2']);
  });

  it('compares duration_ms as a number computed from start and end', () => {
    expect(traceDurationMs(stock)).toBe(3420);
    expect(traceDurationMs(research)).toBe(845);
    expect(ids({ op: 'GT', key: 'duration_ms', value: 3420 })).toEqual(['c3']);
    expect(ids({ op: 'GTE', key: 'duration_ms', value: 3420 })).toEqual(['a1', 'c3']);
    expect(ids({ op: 'LT', key: 'duration_ms', value: 1000 })).toEqual(['b2']);
    expect(ids({ op: 'LTE', key: 'duration_ms', value: '845' })).toEqual(['b2']);
    expect(ids({ op: 'EQ', key: 'duration_ms', value: 73450 })).toEqual(['c3']);
  });

  it('compares datetimes as instants, with or without a zone', () => {
    expect(ids({ op: 'GTE', key: 'start_time', value: '2025-11-19T11:00:00Z' })).toEqual([
      'b2',
      'c3',
    ]);
    // 16:30 at +05:30 is 11:00 UTC.
    expect(ids({ op: 'GTE', key: 'start_time', value: '2025-11-19T16:30:00+05:30' })).toEqual([
      'b2',
      'c3',
    ]);
    expect(ids({ op: 'LT', key: 'start_time', value: '2025-11-19T11:00:00' })).toEqual(['a1']);
    expect(ids({ op: 'LTE', key: 'end_time', value: '2025-11-19T11:00:00.845000+00:00' })).toEqual([
      'a1',
      'b2',
    ]);
    expect(ids({ op: 'GT', key: 'created_at', value: '2025-11-19T11:00:00+00:00' })).toEqual([
      'c3',
    ]);
    expect(ids({ op: 'EQ', key: 'created_at', value: '2025-11-19T10:30:03Z' })).toEqual(['a1']);
  });

  it('IN takes a plural `values`', () => {
    expect(ids({ op: 'IN', key: 'status', values: ['OK', 'UNSET'] })).toEqual(['a1', 'c3']);
    expect(ids({ op: 'IN', key: 'trace_id', values: [] })).toEqual([]);
  });

  it('CONTAINS is a case-insensitive substring, STARTSWITH a case-insensitive prefix', () => {
    expect(ids({ op: 'CONTAINS', key: 'name', value: 'TEAM' })).toEqual(['b2']);
    expect(ids({ op: 'CONTAINS', key: 'user_id', value: '@EXAMPLE.com' })).toEqual(['a1', 'b2']);
    expect(ids({ op: 'STARTSWITH', key: 'name', value: 'content_' })).toEqual(['c3']);
    expect(ids({ op: 'STARTSWITH', key: 'name', value: 'Pipeline' })).toEqual([]);
  });

  it('nests AND, OR and NOT', () => {
    const expr: FilterExpr = {
      op: 'OR',
      conditions: [
        {
          op: 'AND',
          conditions: [
            { op: 'EQ', key: 'status', value: 'OK' },
            { op: 'CONTAINS', key: 'name', value: 'agent' },
          ],
        },
        { op: 'NOT', condition: { op: 'IN', key: 'status', values: ['OK', 'ERROR'] } },
      ],
    };
    expect(ids(expr)).toEqual(['a1', 'c3']);
    expect(ids({ op: 'NOT', condition: expr })).toEqual(['b2']);
    expect(
      ids({ op: 'AND', conditions: [expr, { op: 'GT', key: 'duration_ms', value: 10_000 }] }),
    ).toEqual(['c3']);
  });
});

describe('parseFilterExpression', () => {
  it('gives the server message for IN without values', () => {
    expect(errorOf({ op: 'IN', key: 'status' })).toBe(
      "Invalid filter expression: IN filter requires 'key' and 'values' fields. Got: {'op': 'IN', 'key': 'status'}",
    );
  });

  it('refuses conditions without key or value, including null', () => {
    expect(errorOf({ op: 'EQ', key: 'status' })).toBe(
      "Invalid filter expression: EQ filter requires 'key' and 'value' fields. Got: {'op': 'EQ', 'key': 'status'}",
    );
    expect(errorOf({ op: 'GT', value: 3, key: null })).toBe(
      "Invalid filter expression: GT filter requires 'key' and 'value' fields. Got: {'op': 'GT', 'value': 3, 'key': None}",
    );
  });

  it('refuses unknown operators, and takes unknown fields as never matching', () => {
    expect(errorOf({ op: 'LIKE', key: 'name', value: 'x' })).toBe(
      'Invalid filter expression: Unknown filter operator: LIKE',
    );
    const colour = parseFilterExpression({ op: 'EQ', key: 'colour', value: 'red' });
    expect(ids(colour)).toEqual([]);
  });

  it('refuses missing, empty or non-array conditions and a missing NOT condition', () => {
    expect(errorOf({ op: 'AND' })).toBe(
      "Invalid filter expression: AND filter requires 'conditions' field. Got: {'op': 'AND'}",
    );
    expect(errorOf({ op: 'OR', conditions: [] })).toBe(
      "Invalid filter expression: OR filter requires 'conditions' field. Got: {'op': 'OR', 'conditions': []}",
    );
    expect(errorOf({ op: 'AND', conditions: 'status' })).toMatch(
      /^Invalid filter expression: AND filter requires 'conditions'/,
    );
    expect(errorOf({ op: 'NOT' })).toBe(
      "Invalid filter expression: NOT filter requires 'condition' field. Got: {'op': 'NOT'}",
    );
    expect(errorOf({ op: 'IN', key: 'status', values: 'OK' })).toMatch(
      /IN filter requires 'values' to be a list/,
    );
  });

  it('refuses values that are not filter objects, at any depth', () => {
    expect(errorOf('status = OK')).toBe(
      "Invalid filter expression: Invalid filter: must be a dict with 'op' key. Got: 'status = OK'",
    );
    expect(errorOf({ op: 'AND', conditions: [{ key: 'status', value: true }] })).toBe(
      "Invalid filter expression: Invalid filter: must be a dict with 'op' key. Got: {'key': 'status', 'value': True}",
    );
  });

  it('refuses nesting deeper than the server allows', () => {
    let expr: unknown = { op: 'EQ', key: 'status', value: 'OK' };
    for (let i = 0; i < 10; i++) expr = { op: 'NOT', condition: expr };
    expect(() => parseFilterExpression(expr)).not.toThrow();
    expect(errorOf({ op: 'NOT', condition: expr })).toBe(
      'Invalid filter expression: Filter expression exceeds maximum nesting depth of 10',
    );
  });
});

describe('parseIsoToUs', () => {
  it('reads microseconds and zones, and treats no zone as UTC', () => {
    const base = Date.UTC(2025, 10, 19, 10, 30) * 1000;
    expect(parseIsoToUs('2025-11-19T10:30:00.104233+00:00')).toBe(base + 104_233);
    expect(parseIsoToUs('2025-11-19T10:30:00.1Z')).toBe(base + 100_000);
    expect(parseIsoToUs('2025-11-19T16:00:00+05:30')).toBe(base);
    expect(parseIsoToUs('2025-11-19T10:30:00')).toBe(base);
    expect(parseIsoToUs('2025-11-19')).toBe(Date.UTC(2025, 10, 19) * 1000);
    expect(parseIsoToUs('yesterday')).toBeNaN();
    expect(parseIsoToUs('2025-13-19T10:30:00Z')).toBeNaN();
  });
});

describe('FILTER_SCHEMA', () => {
  it('is what agno 2.9.0 sends, and the app schema reads it', () => {
    const real = import.meta.glob<unknown>('./recorded/real-agentos/traces-filter-schema.json', {
      eager: true,
      import: 'default',
    });
    expect(FILTER_SCHEMA).toEqual(Object.values(real)[0]);
    expect(filterSchemaResponseSchema.parse(FILTER_SCHEMA)).toEqual(FILTER_SCHEMA);
    const byKey = new Map(FILTER_SCHEMA.fields.map((f) => [f.key, f]));
    expect(byKey.get('status')?.values).toEqual(['OK', 'ERROR']);
    expect(byKey.get('user_id')?.values).toBeNull();
  });
});
