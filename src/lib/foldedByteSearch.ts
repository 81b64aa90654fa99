/**
 * Case-insensitive search for an ASCII query in UTF-8 bytes, without decoding them: how a span
 * search reads the long texts kept as bytes (api/lazyText.ts). Decoding them all for every
 * query cost about a second at 100,000 spans; this reads a fraction of the bytes
 * (Boyer-Moore-Horspool: a mismatch skips up to the query's length).
 *
 * It agrees with a case-insensitive RegExp (`/query/i`) on the decoded text: in UTF-8 every byte
 * of a non-ASCII character is 0x80 or above, so it never matches an ASCII one, and a RegExp
 * without the `u` flag never folds a non-ASCII character to an ASCII one (the Kelvin sign does
 * not match "k").
 */

/** Byte → its ASCII lower case; every other byte is itself. */
const FOLD = new Uint8Array(256);
for (let byte = 0; byte < 256; byte++)
  FOLD[byte] = byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;

export type ByteMatcher = (bytes: Uint8Array, start: number, end: number) => boolean;

/**
 * A matcher for `query` in `bytes[start, end)`; null when the query is empty or not ASCII (the
 * caller decodes and uses a RegExp then).
 */
export function foldedByteMatcher(query: string): ByteMatcher | null {
  // eslint-disable-next-line no-control-regex -- ASCII is 0x00-0x7f, controls included
  if (query === '' || !/^[\x00-\x7f]*$/.test(query)) return null;
  const length = query.length;
  const last = length - 1;
  const pattern = new Uint8Array(length);
  for (let i = 0; i < length; i++) pattern[i] = FOLD[query.charCodeAt(i)] as number;
  // How far the window may move when its last byte is this one.
  const skip = new Int32Array(256).fill(length);
  for (let i = 0; i < last; i++) {
    const byte = pattern[i] as number;
    skip[byte] = last - i;
    if (byte >= 0x61 && byte <= 0x7a) skip[byte - 0x20] = last - i;
  }
  return (bytes, start, end) => {
    for (let at = start; at + length <= end; at += skip[bytes[at + last] as number] as number) {
      let i = last;
      while (i >= 0 && FOLD[bytes[at + i] as number] === pattern[i]) i--;
      if (i < 0) return true;
    }
    return false;
  };
}
