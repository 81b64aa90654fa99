import { stringifySearchWith } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { parseSearchAsText } from './parseSearchAsText';

// What the app's links write (the router's default stringifier).
const stringify = stringifySearchWith(JSON.stringify, JSON.parse);

describe('parseSearchAsText', () => {
  it('gives every value as text, whatever it looks like', () => {
    expect(
      parseSearchAsText('?page=2&session_id=%7B%22a%22%3A1%7D&start_time=123&live=true&x=null'),
    ).toEqual({ page: '2', session_id: '{"a":1}', start_time: '123', live: 'true', x: 'null' });
  });

  it('reads back what the app writes', () => {
    const search = {
      page: 3,
      user_id: '42',
      session_id: '{"a":1}',
      span: '"><img src=x onerror=alert(1)>',
      filter: { op: 'EQ', key: 'status', value: 'OK' },
    };
    expect(parseSearchAsText(stringify(search))).toEqual({
      page: '3',
      user_id: '42',
      session_id: '{"a":1}',
      span: '"><img src=x onerror=alert(1)>',
      filter: JSON.stringify(search.filter),
    });
  });

  it('drops __proto__ and keeps the first of repeated keys', () => {
    const search = parseSearchAsText(
      '__proto__=%7B%22polluted%22%3A1%7D&constructor=x&a=1&a=2&__proto__[polluted]=1',
    );
    expect(Object.getPrototypeOf(search)).toBe(Object.prototype);
    expect(search).toEqual({ constructor: 'x', a: '1', '__proto__[polluted]': '1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves broken quoting as it came', () => {
    expect(parseSearchAsText('a=%22unterminated&b=%2242%22')).toEqual({
      a: '"unterminated',
      b: '42',
    });
  });
});
