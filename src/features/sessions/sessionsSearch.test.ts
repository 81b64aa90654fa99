import { defaultParseSearch, defaultStringifySearch } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import {
  clearedSessionFilters,
  hasSessionFilters,
  parseSessionsSearch,
  SESSIONS_DEFAULTS,
  toSessionStatsParams,
} from './sessionsSearch';

describe('parseSessionsSearch', () => {
  it('gives the defaults for an empty URL', () => {
    expect(parseSessionsSearch({})).toEqual(SESSIONS_DEFAULTS);
  });

  it('reads the filters GET /trace_session_stats has, and drops others', () => {
    expect(
      parseSessionsSearch({
        user_id: 'ana@example.com',
        agent_id: 'stock_agent',
        session_id: 'not a session filter',
        status: 'OK',
        range: '7d',
        page: '2',
      }),
    ).toEqual({
      page: 2,
      limit: 20,
      user_id: 'ana@example.com',
      agent_id: 'stock_agent',
      range: '7d',
    });
  });

  it('survives the round trip through the address bar', () => {
    const search = parseSessionsSearch({
      user_id: '007',
      workflow_id: 'w',
      start_time: '2025-11-19T10:00:00Z',
      db_id: 'staging',
      limit: 50,
    });
    expect(parseSessionsSearch(defaultParseSearch(defaultStringifySearch(search)))).toEqual(search);
  });
});

describe('toSessionStatsParams', () => {
  it('sends the filters under the same names, a preset as a window', () => {
    expect(toSessionStatsParams(parseSessionsSearch({ team_id: 't', range: '24h' }))).toEqual({
      params: { page: 1, limit: 20, team_id: 't' },
      window: { lastMs: 86_400_000 },
    });
  });
});

describe('session filters on and off', () => {
  it('clears filters but keeps the page size and database', () => {
    const search = parseSessionsSearch({
      user_id: 'u',
      range: '1h',
      page: 3,
      limit: 50,
      db_id: 'd',
    });
    expect(hasSessionFilters(search)).toBe(true);
    const next = parseSessionsSearch({ ...search, ...clearedSessionFilters() });
    expect(next).toEqual({ page: 1, limit: 50, db_id: 'd' });
    expect(hasSessionFilters(next)).toBe(false);
  });
});
