import { describe, expect, it } from 'vitest';
import { formatByteSize, safeCutIndex, splitIntoChunks, utf8ByteLength } from './textSize';

describe('utf8ByteLength', () => {
  it('counts UTF-8 bytes like TextEncoder', () => {
    for (const text of ['', 'abc', 'é', '€', '😀', 'a😀é€', '\ud800x', 'x\udc00']) {
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe('formatByteSize', () => {
  it('picks a unit and precision', () => {
    expect(formatByteSize(0)).toBe('0 B');
    expect(formatByteSize(1023)).toBe('1023 B');
    expect(formatByteSize(1024)).toBe('1.0 KB');
    expect(formatByteSize(1.2 * 1024 * 1024)).toBe('1.2 MB');
    expect(formatByteSize(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatByteSize(12.4 * 1024 * 1024)).toBe('12 MB');
    expect(formatByteSize(3 * 1024 ** 3)).toBe('3.0 GB');
  });
});

describe('safeCutIndex', () => {
  it('does not cut a surrogate pair in half', () => {
    const text = 'ab😀cd';
    expect(safeCutIndex(text, 3)).toBe(2);
    expect(safeCutIndex(text, 4)).toBe(4);
    expect(safeCutIndex(text, 99)).toBe(text.length);
    expect(safeCutIndex(text, -1)).toBe(0);
  });
});

describe('splitIntoChunks', () => {
  it('returns pieces that join back to the text', () => {
    const text = 'line one\nline two\n' + 'x'.repeat(95) + '😀' + 'y'.repeat(40);
    const chunks = splitIntoChunks(text, 10);
    expect(chunks.join('')).toBe(text);
    expect(chunks.every((chunk) => chunk.length <= 10)).toBe(true);
    expect(chunks.some((chunk) => chunk.includes('😀'))).toBe(true);
  });

  it('prefers to cut after a line break near the end of a chunk', () => {
    expect(splitIntoChunks('abcdefgh\nijklmnop', 10)).toEqual(['abcdefgh\n', 'ijklmnop']);
  });

  it('returns no chunk for empty text and one for short text', () => {
    expect(splitIntoChunks('')).toEqual([]);
    expect(splitIntoChunks('short')).toEqual(['short']);
  });
});
