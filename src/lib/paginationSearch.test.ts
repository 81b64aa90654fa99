import { describe, expect, it } from 'vitest';
import { PAGINATION_FIELDS } from './paginationSearch';
import { parseSearchFields } from './searchSchema';

describe('PAGINATION_FIELDS', () => {
  it('reads page and page size, as numbers or strings', () => {
    expect(parseSearchFields(PAGINATION_FIELDS, { page: '3', limit: 50 })).toEqual({
      search: { page: 3, limit: 50 },
      dropped: [],
    });
  });

  it('leaves out what is not set, and drops nonsense with the reason', () => {
    expect(parseSearchFields(PAGINATION_FIELDS, {}).search).toEqual({});
    expect(parseSearchFields(PAGINATION_FIELDS, { page: '-2', limit: '7' }).dropped).toEqual([
      { key: 'page', value: '-2', reason: 'pages are numbered from 1' },
      { key: 'limit', value: '7', reason: 'not an offered page size (10, 20, 50, 100)' },
    ]);
    expect(parseSearchFields(PAGINATION_FIELDS, { page: 'abc', limit: 1.5 }).dropped).toEqual([
      { key: 'page', value: 'abc', reason: 'pages are numbered from 1' },
      { key: 'limit', value: '1.5', reason: 'not a page size' },
    ]);
  });
});
