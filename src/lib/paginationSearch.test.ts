import { describe, expect, it } from 'vitest';
import { parsePaginationSearch } from './paginationSearch';

describe('parsePaginationSearch', () => {
  it('uses defaults for an empty URL', () => {
    expect(parsePaginationSearch({})).toEqual({ page: 1, limit: 20 });
  });

  it('reads page and page size, as numbers or strings', () => {
    expect(parsePaginationSearch({ page: '3', limit: 50 })).toEqual({ page: 3, limit: 50 });
  });

  it('falls back for nonsense instead of failing', () => {
    expect(parsePaginationSearch({ page: '-2', limit: '7' })).toEqual({ page: 1, limit: 20 });
    expect(parsePaginationSearch({ page: 'abc', limit: 1.5 })).toEqual({ page: 1, limit: 20 });
  });
});
