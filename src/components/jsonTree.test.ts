import { describe, expect, it } from 'vitest';
import { copyText, formatJsonPath, limitJson, valueAtPositions } from './jsonTree';

describe('limitJson', () => {
  it('keeps small values as they are', () => {
    const value = { a: [1, 2, { b: 'x' }], c: null };
    expect(limitJson(value)).toEqual({ value, isCut: false });
  });

  it('cuts long arrays, many keys and long strings, and says so', () => {
    const limited = limitJson(
      { list: [1, 2, 3, 4], keys: { a: 1, b: 2, c: 3, d: 4 }, text: 'abcdefgh' },
      { maxEntries: 3, maxStringChars: 3 },
    );
    expect(limited).toEqual({
      value: { list: [1, 2, 3], keys: { a: 1, b: 2, c: 3 }, text: 'abc… (5 more characters)' },
      isCut: true,
    });
  });

  it('does not grow the stack with depth', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(limitJson(deep).isCut).toBe(false);
  });
});

describe('valueAtPositions', () => {
  const data = { results: [{ title: 'First' }, { title: 'Second', 'odd key': true }] };

  it('follows positions through objects and arrays', () => {
    expect(valueAtPositions(data, [0, 1, 0])).toEqual({
      path: ['results', 1, 'title'],
      value: 'Second',
    });
    expect(valueAtPositions(data, [])).toEqual({ path: [], value: data });
  });

  it('is null for a position that does not exist', () => {
    expect(valueAtPositions(data, [0, 5])).toBeNull();
    expect(valueAtPositions(data, [0, 0, 0, 0])).toBeNull();
  });
});

describe('formatJsonPath', () => {
  it('writes identifiers with dots and other keys quoted', () => {
    expect(formatJsonPath([])).toBe('$');
    expect(formatJsonPath(['results', 1, 'title'])).toBe('$.results[1].title');
    expect(formatJsonPath(['odd key', 'a"b', ''])).toBe('$["odd key"]["a\\"b"][""]');
  });
});

describe('copyText', () => {
  it('copies a string as itself and anything else as JSON', () => {
    expect(copyText('Paris')).toBe('Paris');
    expect(copyText(42)).toBe('42');
    expect(copyText(null)).toBe('null');
    expect(copyText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});
