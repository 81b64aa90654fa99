import { describe, expect, it } from 'vitest';
import { hasMatch, splitHighlights } from './highlightMatches';

describe('splitHighlights', () => {
  it('cuts the text around every case-insensitive match', () => {
    expect(splitHighlights('Weather in Paris: paris is warm', 'PARIS')).toEqual([
      { text: 'Weather in ', isMatch: false },
      { text: 'Paris', isMatch: true },
      { text: ': ', isMatch: false },
      { text: 'paris', isMatch: true },
      { text: ' is warm', isMatch: false },
    ]);
  });

  it('reads the query as plain text, trimmed', () => {
    expect(splitHighlights('a (b) c.*', '  (b)  ')).toEqual([
      { text: 'a ', isMatch: false },
      { text: '(b)', isMatch: true },
      { text: ' c.*', isMatch: false },
    ]);
    expect(splitHighlights('abc', '.*')).toEqual([{ text: 'abc', isMatch: false }]);
  });

  it('gives one plain segment for an empty query or no match', () => {
    expect(splitHighlights('hello', '')).toEqual([{ text: 'hello', isMatch: false }]);
    expect(splitHighlights('hello', '   ')).toEqual([{ text: 'hello', isMatch: false }]);
    expect(splitHighlights('hello', 'xyz')).toEqual([{ text: 'hello', isMatch: false }]);
  });

  it('stops marking after the cap and keeps the rest as plain text', () => {
    const segments = splitHighlights('ab'.repeat(5), 'a', 2);
    expect(segments).toEqual([
      { text: 'a', isMatch: true },
      { text: 'b', isMatch: false },
      { text: 'a', isMatch: true },
      { text: 'bababab', isMatch: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('ababababab');
  });
});

describe('hasMatch', () => {
  it('is case-insensitive and false for an empty query', () => {
    expect(hasMatch('Hello World', 'world')).toBe(true);
    expect(hasMatch('Hello World', 'planet')).toBe(false);
    expect(hasMatch('Hello', ' ')).toBe(false);
  });
});
