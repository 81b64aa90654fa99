import { describe, expect, it } from 'vitest';
import { listReturnSearch, listScrollKey, rememberListSearch } from './listReturn';

function memoryStorage(initial?: string) {
  const items = new Map<string, string>();
  const storage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
  if (initial !== undefined) storage.setItem('agentos-viewer.trace-list.last-search', initial);
  return storage;
}

describe('the list a trace page returns to', () => {
  it('is the list as this tab last showed it', () => {
    const storage = memoryStorage();
    rememberListSearch('?status=OK&page=3&limit=50&sort=-duration&cols=-input', storage);
    expect(listReturnSearch(undefined, storage)).toEqual({
      status: 'OK',
      page: '3',
      limit: '50',
      sort: '-duration',
      cols: '-input',
    });
  });

  it('reads the values the router quoted, and the database, as text', () => {
    const storage = memoryStorage('?user_id=%2242%22&db_id=staging');
    expect(listReturnSearch('staging', storage)).toEqual({ user_id: '42', db_id: 'staging' });
  });

  it('is the plain list when none was seen in this tab, keeping the database', () => {
    expect(listReturnSearch(undefined, memoryStorage())).toEqual({});
    expect(listReturnSearch('staging', memoryStorage())).toEqual({ db_id: 'staging' });
    expect(listReturnSearch('x', undefined)).toEqual({ db_id: 'x' });
  });

  it('is the plain list when the last list showed another database', () => {
    expect(listReturnSearch('staging', memoryStorage('?page=2'))).toEqual({ db_id: 'staging' });
    expect(listReturnSearch(undefined, memoryStorage('?page=2&db_id=other'))).toEqual({});
  });

  it('ignores what the list would not have written', () => {
    expect(listReturnSearch(undefined, memoryStorage('{"page":2}'))).toEqual({});
    expect(listReturnSearch(undefined, memoryStorage(`?q=${'x'.repeat(9000)}`))).toEqual({});
    const polluted = listReturnSearch(undefined, memoryStorage('?__proto__=%7B%22a%22%3A1%7D'));
    expect(Object.getPrototypeOf(polluted)).toBe(Object.prototype);
    expect(polluted).toEqual({});
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(listReturnSearch('db', throwing)).toEqual({ db_id: 'db' });
  });

  it('keeps the list’s scroll position by view, whatever the order of its parameters', () => {
    expect(listScrollKey('?status=OK&page=2')).toBe(listScrollKey('?page=2&status=OK'));
    expect(listScrollKey('?page=2')).not.toBe(listScrollKey('?page=3'));
    expect(listScrollKey('')).toBe('/traces?');
  });
});
