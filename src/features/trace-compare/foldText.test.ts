import { describe, expect, it } from 'vitest';
import { foldText } from './foldText';

describe('foldText', () => {
  it('leaves a short text whole', () => {
    expect(foldText('Where is my order A-1001?')).toEqual({
      text: 'Where is my order A-1001?',
      isCut: false,
      hiddenChars: 0,
    });
  });

  it('cuts at the character limit', () => {
    expect(foldText('abcdefghij', 8, 4)).toEqual({ text: 'abcd…', isCut: true, hiddenChars: 6 });
  });

  it('cuts before the line that passes the line limit', () => {
    expect(foldText('one\ntwo\nthree\nfour', 2, 600)).toEqual({
      text: 'one\ntwo…',
      isCut: true,
      hiddenChars: 11,
    });
  });

  it('keeps a text of exactly the limits whole', () => {
    expect(foldText('one\ntwo', 2, 7).isCut).toBe(false);
  });
});
