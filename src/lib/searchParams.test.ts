import { describe, expect, it } from 'vitest';
import { oneOf, withoutUndefined } from './searchParams';

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
