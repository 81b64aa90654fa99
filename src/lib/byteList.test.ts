import { describe, expect, it } from 'vitest';
import { ByteList } from './byteList';

const encoder = new TextEncoder();
const text = (list: ByteList) => new TextDecoder().decode(list.view());

describe('ByteList', () => {
  it('appends pieces and ranges of another list back to back, growing past its first size', () => {
    const list = new ByteList(4);
    list.push(encoder.encode('{"a":'));
    const other = new ByteList();
    other.push(encoder.encode('xx"bcd"yy}]'));
    other.copyTo(list, 2, 7);
    other.copyTo(list, 9, 10);
    expect(text(list)).toBe('{"a":"bcd"}');
    list.truncate(5);
    expect(text(list)).toBe('{"a":');
  });

  it('says whether its bytes from an offset on are ASCII', () => {
    const list = new ByteList(2);
    list.push(encoder.encode('é'));
    list.push(encoder.encode('abc'));
    expect(list.isAsciiFrom(0)).toBe(false);
    expect(list.isAsciiFrom(2)).toBe(true);
    // Bytes past its length (left from before a truncate) are not its own.
    list.truncate(2);
    list.push(encoder.encode('z'));
    expect(list.isAsciiFrom(2)).toBe(true);
    list.clear();
    list.push(encoder.encode('ok'));
    expect(list.isAsciiFrom(0)).toBe(true);
  });
});
