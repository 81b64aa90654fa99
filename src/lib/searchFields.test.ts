import { describe, expect, it } from 'vitest';
import {
  choiceField,
  choiceWithDefaultField,
  exactTextField,
  flagField,
  isoTimeField,
  positiveIntField,
  textField,
  withoutBlankValues,
  withoutDropped,
} from './searchFields';
import { parseSearchFields } from './searchSchema';

describe('search fields', () => {
  it('reads ids as text, whatever the router made of them', () => {
    expect(textField.parse(' stock_agent ')).toBe('stock_agent');
    expect(textField.parse(42)).toBe('42');
    expect(textField.parse(true)).toBe('true');
    expect(textField.parse('  ')).toBeUndefined();
    expect(textField.safeParse({ a: 1 }).error?.issues[0]?.message).toBe('not text');
  });

  it('keeps ids exactly as written: spaces and quotes are part of a span id', () => {
    expect(exactTextField.parse('  spaced id   #3')).toBe('  spaced id   #3');
    expect(exactTextField.parse('"quoted"')).toBe('"quoted"');
    expect(exactTextField.parse(123)).toBe('123');
    expect(exactTextField.parse(' ')).toBe(' ');
    expect(exactTextField.safeParse('').error?.issues[0]?.message).toBe('empty');
    expect(exactTextField.safeParse(['a']).error?.issues[0]?.message).toBe('not text');
  });

  it('reads a switch as on only when written 1 (or true, as the router may read it)', () => {
    for (const value of [1, '1', true, 'true']) expect(flagField.parse(value)).toBe(1);
    for (const value of [0, '0', 'yes', 'on', false, '']) {
      expect(flagField.safeParse(value).error?.issues[0]?.message).toBe('use 1 to turn it on');
    }
  });

  it('reads whole numbers from 1 as numbers or digits, with the field’s own message', () => {
    const page = positiveIntField('pages start at 1');
    expect(page.parse(3)).toBe(3);
    expect(page.parse('12')).toBe(12);
    for (const value of [0, '0', -1, 2.5, '2.5', 'abc', '', true, '1e3']) {
      expect(page.safeParse(value).error?.issues[0]?.message).toBe('pages start at 1');
    }
  });

  it('reads a choice, a choice whose default is left out, and a date-time', () => {
    const level = choiceField(['low', 'high'], 'not a level');
    expect(level.parse('low')).toBe('low');
    expect(level.safeParse('LOW').error?.issues[0]?.message).toBe('not a level');
    const tab = choiceWithDefaultField(['waterfall', 'charts'], 'not a tab');
    expect(tab.parse('charts')).toBe('charts');
    expect(tab.parse('waterfall')).toBeUndefined();
    expect(tab.safeParse('table').error?.issues[0]?.message).toBe('not a tab');
    expect(isoTimeField.parse('2025-11-19T10:00:00+01:00')).toBe('2025-11-19T09:00:00.000Z');
    expect(isoTimeField.safeParse('soon').error?.issues[0]?.message).toBe('not a date and time');
  });

  it('treats blank text as not set', () => {
    expect(withoutBlankValues({ a: '', b: ' ', c: 'x', d: 0 })).toEqual({ c: 'x', d: 0 });
  });

  it('leaves out of a route’s validated search what the link could not use', () => {
    const parsed = parseSearchFields(
      { page: positiveIntField('bad page'), id: textField },
      { page: 'x', id: 'a' },
    );
    expect(withoutDropped(parsed)).toEqual({ id: 'a' });
  });
});
