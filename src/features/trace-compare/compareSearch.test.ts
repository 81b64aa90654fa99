import { defaultParseSearch, defaultStringifySearch } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { parseSearchAsText } from '../../lib/parseSearchAsText';
import { parseCompareSearch, parseCompareSearchFields } from './compareSearch';

describe('/compare’s search', () => {
  it('round-trips through the URL, whichever parser reads it', () => {
    const state = parseCompareSearch({ a: 'abc', b: '42', db_id: 'staging', only: 'one-trace' });
    expect(state).toEqual({ a: 'abc', b: '42', db_id: 'staging', only: 'one-trace' });
    const url = defaultStringifySearch(state);
    expect(url).toContain('only=one-trace');
    expect(parseCompareSearch(parseSearchAsText(url))).toEqual(state);
    expect(parseCompareSearch(defaultParseSearch(url))).toEqual(state);
  });

  it('shows every span by default, with nothing in the URL for it', () => {
    expect(parseCompareSearch({ a: 'x', b: 'y' })).toEqual({ a: 'x', b: 'y' });
    expect(defaultStringifySearch(parseCompareSearch({}))).toBe('');
  });

  it('turns ids the router parsed as numbers back into text', () => {
    expect(parseCompareSearch({ a: 1, b: 2 })).toEqual({ a: '1', b: '2' });
  });

  it('keeps the traces when the choice of spans no longer applies, and says so', () => {
    expect(parseCompareSearchFields({ a: 'x', b: 'y', only: 'one-side', c: 'ignored' })).toEqual({
      search: { a: 'x', b: 'y' },
      dropped: [
        {
          key: 'only',
          value: 'one-side',
          reason: 'not a choice of spans (one-trace or another-status)',
        },
      ],
    });
    expect(parseCompareSearchFields({ a: { x: 1 }, b: '' }).dropped).toEqual([
      { key: 'a', value: '{"x":1}', reason: 'not text' },
    ]);
  });
});
