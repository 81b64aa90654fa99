import { describe, expect, it } from 'vitest';
import { ByteList } from './byteList';
import { ChunkedBytes, decodeUtf8 } from './chunkedBytes';

const encoder = new TextEncoder();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function chunked(...parts: string[]): ChunkedBytes {
  const bytes = new ChunkedBytes();
  for (const part of parts) bytes.append(encoder.encode(part));
  return bytes;
}

describe('ChunkedBytes', () => {
  it('reads any range by its offset from the first byte, across chunks', () => {
    const parts = ['{"a":', '', '"bcd', 'e"', '}'];
    const bytes = chunked(...parts);
    const whole = parts.join('');
    expect(bytes.length).toBe(whole.length);
    for (let start = 0; start <= whole.length; start++) {
      for (let end = start; end <= whole.length; end++) {
        const list = new ByteList(2);
        bytes.copyTo(list, start, end);
        expect(text(list.view())).toBe(whole.slice(start, end));
      }
    }
  });

  it('finds a range in one chunk in place, and not one that spans two', () => {
    const first = encoder.encode('hello ');
    const bytes = new ChunkedBytes();
    bytes.append(first);
    bytes.append(encoder.encode('world'));
    expect(bytes.locate(1, 4)).toEqual({ chunk: first, from: 1, to: 4 });
    expect(bytes.locate(6, 11)?.from).toBe(0);
    expect(bytes.locate(4, 8)).toBeNull();
  });

  it('hands on the chunks before an offset, and keeps reading the rest by their offsets', () => {
    const bytes = chunked('abc', 'def', 'ghi');
    expect(bytes.release(5).map(text)).toEqual(['abc']);
    const list = new ByteList();
    bytes.copyTo(list, 4, 8);
    expect(text(list.view())).toBe('efgh');
    expect(() => bytes.copyTo(new ByteList(), 2, 4)).toThrow(/not among/);
    expect(bytes.release(9).map(text)).toEqual(['def', 'ghi']);
  });

  it('refuses a range past the bytes received', () => {
    expect(() => chunked('abc').copyTo(new ByteList(), 1, 4)).toThrow(/not among/);
  });
});

describe('decodeUtf8', () => {
  it('decodes UTF-8, keeping a byte order mark inside the text', () => {
    expect(decodeUtf8(encoder.encode('\ufeffé😀'))).toBe('\ufeffé😀');
    expect(decodeUtf8(new Uint8Array(0))).toBe('');
  });
});
