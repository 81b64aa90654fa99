import { defaultParseSearch, defaultStringifySearch } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { parseSearchAsText } from '../../lib/parseSearchAsText';
import {
  clearedFilters,
  hasFilters,
  pageSizeOf,
  parseTraceListSearch,
  parseTraceListSearchFields,
  toSearchFilter,
  toTraceListParams,
  TRACE_LIST_DEFAULTS,
  withoutDefaults,
  type TraceListSearch,
} from './traceListSearch';

describe('parseTraceListSearch (URL → state)', () => {
  it('gives the defaults for an empty URL', () => {
    expect(parseTraceListSearch({})).toEqual(TRACE_LIST_DEFAULTS);
    expect(TRACE_LIST_DEFAULTS).toEqual({ page: 1 });
    expect(pageSizeOf(TRACE_LIST_DEFAULTS)).toBe(20);
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
      agent_id: 'stock_agent',
      status: 'OK',
      start_time: '2025-11-19T10:00:00.000Z',
    });
  });
});

/** What the route writes: the router's stringifier after its strip-the-defaults middleware. */
function toUrl(search: TraceListSearch): string {
  return defaultStringifySearch(withoutDefaults(search));
}

describe('page size', () => {
  const filter = { op: 'EQ', key: 'status', value: 'OK' };

  it('is smaller for an advanced search when the URL names none; the plain list keeps 20', () => {
    expect(pageSizeOf(parseTraceListSearch({}))).toBe(20);
    expect(pageSizeOf(parseTraceListSearch({ status: 'OK', range: '1h' }))).toBe(20);
    expect(pageSizeOf(parseTraceListSearch({ filter }))).toBe(10);
    expect(toTraceListParams(parseTraceListSearch({})).params.limit).toBe(20);
  });

  it('is the URL’s when it names one, for either list', () => {
    for (const limit of [10, 20, 50, 100]) {
      expect(pageSizeOf(parseTraceListSearch({ limit }))).toBe(limit);
      expect(pageSizeOf(parseTraceListSearch({ filter, limit: String(limit) }))).toBe(limit);
    }
  });

  it('stays in the URL unless it is the default of the list shown', () => {
    expect(toUrl(parseTraceListSearch({ limit: 20 }))).toBe('');
    expect(toUrl(parseTraceListSearch({ limit: 10 }))).toBe('?limit=10');
    const advanced = (limit?: number) =>
      new URLSearchParams(toUrl(parseTraceListSearch({ filter, limit }))).get('limit');
    expect(advanced(10)).toBeNull();
    expect(advanced(20)).toBe('20');
    expect(advanced()).toBeNull();
  });

  it('follows the list when the reader never picked one, and stays when they did', () => {
    const plain = parseTraceListSearch({});
    expect(pageSizeOf(parseTraceListSearch({ ...plain, filter }))).toBe(10);
    const picked = parseTraceListSearch({ limit: 50 });
    const searched = parseTraceListSearch({ ...picked, filter });
    expect(pageSizeOf(searched)).toBe(50);
    expect(pageSizeOf(parseTraceListSearch({ ...searched, ...clearedFilters() }))).toBe(50);
  });
});

describe('sort and columns (the table’s view)', () => {
  it('reads a sort and the columns that differ from the defaults', () => {
    expect(parseTraceListSearch({ sort: '-duration', cols: '-input.run_id' })).toEqual({
      ...TRACE_LIST_DEFAULTS,
      sort: '-duration',
      cols: '-input.run_id',
    });
  });

  it('gives back the same state from the URL, whichever parser reads it', () => {
    const state = parseTraceListSearch({
      page: 2,
      limit: 50,
      status: 'OK',
      agent_id: '7',
      range: '7d',
      sort: '-total_spans',
      cols: '-status.-input.run_id',
    });
    const url = toUrl(state);
    expect(url).toContain('sort=-total_spans');
    expect(url).toContain('cols=-status.-input.run_id');
    // The app reads every value as text; tests and the router's default read JSON.
    expect(parseTraceListSearch(parseSearchAsText(url))).toEqual(state);
    expect(parseTraceListSearch(defaultParseSearch(url))).toEqual(state);
  });

  it('leaves the defaults out of the URL: a default view has no parameters', () => {
    expect(toUrl(parseTraceListSearch({}))).toBe('');
    expect(toUrl(parseTraceListSearch({ page: '1', limit: '20', cols: '-run_id' }))).toBe('');
    expect(toUrl(parseTraceListSearch({ page: 3, cols: 'run_id' }))).toBe('?page=3&cols=run_id');
  });
});

describe('what a link carried that no longer applies', () => {
  it('keeps the rest and says what it left out, and why', () => {
    const { search, dropped } = parseTraceListSearchFields({
      status: 'ERROR',
      sort: 'cost',
      cols: '-input.-cost',
      limit: '33',
      page: '0',
      start_time: 'yesterday',
      filter: '{oops',
    });
    expect(search).toEqual({ page: 1, status: 'ERROR', cols: '-input' });
    expect(dropped).toEqual([
      { key: 'page', value: '0', reason: 'pages are numbered from 1' },
      { key: 'limit', value: '33', reason: 'not an offered page size (10, 20, 50, 100)' },
      { key: 'start_time', value: 'yesterday', reason: 'not a date and time' },
      { key: 'filter', value: '{oops', reason: 'not a search expression' },
      {
        key: 'sort',
        value: 'cost',
        reason:
          'not a sortable column (name, status, duration, start_time, total_spans, error_count)',
      },
      { key: 'cols', value: '-cost', reason: 'no such column' },
    ]);
  });

  it('names the fixed bounds a preset overrides', () => {
    const { search, dropped } = parseTraceListSearchFields({
      range: '1h',
      end_time: '2025-11-19T10:00:00Z',
    });
    expect(search).toEqual({ ...TRACE_LIST_DEFAULTS, range: '1h' });
    expect(dropped).toEqual([
      { key: 'end_time', value: '2025-11-19T10:00:00.000Z', reason: 'range=1h is used instead' },
    ]);
  });

  it('says nothing of blank values or of parameters it does not know', () => {
    expect(
      parseTraceListSearchFields({ status: '', agent_id: ' ', utm_source: 'mail', sort: '' })
        .dropped,
    ).toEqual([]);
  });

  it('reads the state it wrote without a note', () => {
    const state = parseTraceListSearch({ sort: 'name', cols: 'run_id', filter: { op: 'EQ' } });
    expect(parseTraceListSearchFields(parseSearchAsText(toUrl(state)))).toEqual({
      search: state,
      dropped: [],
    });
  });
});
