import { describe, expect, it } from 'vitest';
import { oneOf, textParam, withoutUndefined } from './searchParams';

describe('textParam', () => {
  it('keeps trimmed text and turns JSON-parsed numbers and booleans back into text', () => {
    expect(textParam(' stock_agent ')).toBe('stock_agent');
    expect(textParam(42)).toBe('42');
    expect(textParam(false)).toBe('false');
  });

  it('drops empty text and non-text values', () => {
    expect(textParam('   ')).toBeUndefined();
    expect(textParam({ a: 1 })).toBeUndefined();
    expect(textParam(Number.NaN)).toBeUndefined();
  });
});

describe('oneOf and withoutUndefined', () => {
  it('accepts only listed values', () => {
    expect(oneOf('OK', ['OK', 'ERROR'])).toBe('OK');
    expect(oneOf('ok', ['OK', 'ERROR'])).toBeUndefined();
  });

  it('removes undefined keys only', () => {
    expect(withoutUndefined({ a: 1, b: undefined, c: null, d: '' })).toEqual({
      a: 1,
      c: null,
      d: '',
    });
  });
});
