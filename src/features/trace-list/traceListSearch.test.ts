import { defaultParseSearch, defaultStringifySearch } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import {
  clearedFilters,
  hasFilters,
  parseTraceListSearch,
  toSearchFilter,
  toTraceListParams,
  TRACE_LIST_DEFAULTS,
} from './traceListSearch';

describe('parseTraceListSearch (URL → state)', () => {
  it('gives the defaults for an empty URL', () => {
    expect(parseTraceListSearch({})).toEqual(TRACE_LIST_DEFAULTS);
    expect(TRACE_LIST_DEFAULTS).toEqual({ page: 1, limit: 20 });
  });

  it('reads every filter under the API’s own names', () => {
    expect(
      parseTraceListSearch({
        page: '3',
        limit: '50',
        status: 'ERROR',
        agent_id: 'stock_agent',
        team_id: 'research_team',
        workflow_id: 'blog_workflow',
        user_id: 'ada@example.com',
        session_id: 's-1',
        run_id: 'r-1',
        db_id: 'traces-db',
      }),
    ).toEqual({
      page: 3,
      limit: 50,
      status: 'ERROR',
      agent_id: 'stock_agent',
      team_id: 'research_team',
      workflow_id: 'blog_workflow',
      user_id: 'ada@example.com',
      session_id: 's-1',
      run_id: 'r-1',
      db_id: 'traces-db',
    });
  });

  it('turns ids the router parsed as JSON numbers or booleans back into text', () => {
    expect(parseTraceListSearch({ user_id: 42, session_id: true })).toMatchObject({
      user_id: '42',
      session_id: 'true',
    });
  });

  it('drops nonsense instead of failing', () => {
    expect(
      parseTraceListSearch({
        status: 'MAYBE',
        agent_id: '  ',
        range: '3y',
        start_time: 'yesterday',
        filter: 'not json',
        limit: 33,
      }),
    ).toEqual(TRACE_LIST_DEFAULTS);
  });

  it('reads a preset range, which wins over fixed bounds', () => {
    expect(parseTraceListSearch({ range: '1h', start_time: '2025-11-19T10:00:00Z' })).toEqual({
      ...TRACE_LIST_DEFAULTS,
      range: '1h',
    });
  });

  it('normalizes custom bounds to UTC ISO 8601, reading a zone-less time as UTC', () => {
    expect(
      parseTraceListSearch({
        start_time: '2025-11-19T10:00:00+05:30',
        end_time: '2025-11-19T12:00:00',
      }),
    ).toMatchObject({
      start_time: '2025-11-19T04:30:00.000Z',
      end_time: '2025-11-19T12:00:00.000Z',
    });
  });

  it('reads the advanced expression as parsed JSON or as JSON text', () => {
    const filter = { op: 'IN', key: 'agent_id', values: ['a', 'b'] };
    expect(parseTraceListSearch({ filter }).filter).toEqual(filter);
    expect(parseTraceListSearch({ filter: JSON.stringify(filter) }).filter).toEqual(filter);
    // Kept even when malformed: the server judges it and the page shows its 400 message.
    expect(parseTraceListSearch({ filter: { op: 'LIKE', key: 'x' } }).filter).toEqual({
      op: 'LIKE',
      key: 'x',
    });
    expect(parseTraceListSearch({ filter: [1, 2] }).filter).toBeUndefined();
  });
});

describe('toTraceListParams (state → GET /traces)', () => {
  it('sends filters, page and size under the same names', () => {
    const search = parseTraceListSearch({
      page: 2,
      limit: 100,
      status: 'OK',
      agent_id: 'a',
      start_time: '2025-11-19T10:00:00Z',
      end_time: '2025-11-19T11:00:00Z',
    });
    expect(toTraceListParams(search)).toEqual({
      params: {
        page: 2,
        limit: 100,
        status: 'OK',
        agent_id: 'a',
        start_time: '2025-11-19T10:00:00.000Z',
        end_time: '2025-11-19T11:00:00.000Z',
      },
      window: { start_time: '2025-11-19T10:00:00.000Z', end_time: '2025-11-19T11:00:00.000Z' },
    });
  });

  it('leaves a preset to be resolved per request', () => {
    const { params, window } = toTraceListParams(parseTraceListSearch({ range: '15m' }));
    expect(params).toEqual({ page: 1, limit: 20 });
    expect(window).toEqual({ lastMs: 15 * 60_000 });
  });
});

describe('toSearchFilter (state → POST /traces/search)', () => {
  it('ands the simple filters onto the advanced expression', () => {
    const search = parseTraceListSearch({
      filter: { op: 'GT', key: 'duration_ms', value: 1000 },
      status: 'ERROR',
      user_id: 'u1',
      end_time: '2025-11-19T11:00:00Z',
    });
    expect(toSearchFilter(search)).toEqual({
      op: 'AND',
      conditions: [
        { op: 'GT', key: 'duration_ms', value: 1000 },
        { op: 'EQ', key: 'status', value: 'ERROR' },
        { op: 'EQ', key: 'user_id', value: 'u1' },
        { op: 'LTE', key: 'end_time', value: '2025-11-19T11:00:00.000Z' },
      ],
    });
  });

  it('sends the expression alone when nothing else is set', () => {
    const filter = { op: 'EQ', key: 'status', value: 'OK' };
    expect(toSearchFilter(parseTraceListSearch({ filter }))).toEqual(filter);
  });
});

describe('filters on and off', () => {
  it('knows whether anything narrows the list', () => {
    expect(hasFilters(parseTraceListSearch({ page: 3, limit: 50, db_id: 'x' }))).toBe(false);
    expect(hasFilters(parseTraceListSearch({ range: '7d' }))).toBe(true);
    expect(hasFilters(parseTraceListSearch({ filter: { op: 'EQ', key: 'a', value: 1 } }))).toBe(
      true,
    );
  });

  it('clears every filter and goes back to the first page, keeping size and database', () => {
    const search = parseTraceListSearch({
      page: 4,
      limit: 50,
      db_id: 'x',
      status: 'OK',
      agent_id: 'a',
      range: '1h',
      filter: { op: 'EQ', key: 'a', value: 1 },
    });
    const next = parseTraceListSearch({ ...search, ...clearedFilters() });
    expect(next).toEqual({ page: 1, limit: 50, db_id: 'x' });
  });
});

describe('the round trip through the address bar', () => {
  it('gives back the same state from the URL the router writes', () => {
    const search = parseTraceListSearch({
      page: 3,
      limit: 50,
      status: 'ERROR',
      user_id: '42',
      session_id: 'true',
      range: '24h',
      filter: {
        op: 'OR',
        conditions: [
          { op: 'IN', key: 'agent_id', values: ['a', 'b'] },
          { op: 'GT', key: 'duration_ms', value: 1500 },
        ],
      },
      db_id: 'db-2',
    });
    const url = defaultStringifySearch(search);
    expect(url).toContain('user_id=%2242%22');
    expect(parseTraceListSearch(defaultParseSearch(url))).toEqual(search);
  });

  it('reads a hand-written URL with the API’s names', () => {
    const raw = defaultParseSearch(
      '?agent_id=stock_agent&status=OK&start_time=2025-11-19T10:00:00Z&page=2',
    );
    expect(parseTraceListSearch(raw)).toEqual({
      page: 2,
      limit: 20,
      agent_id: 'stock_agent',
      status: 'OK',
      start_time: '2025-11-19T10:00:00.000Z',
    });
  });
});
