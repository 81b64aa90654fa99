/**
 * Case-insensitive search for an ASCII query in the bytes of a JSON string, without decoding
 * them: how a span search reads the long texts kept as bytes (api/lazyText.ts), which are the
 * server's UTF-8 between the quotes, escapes included. Decoding them all for every query cost
 * about a second at 100,000 spans; this reads a fraction of the bytes (Boyer-Moore-Horspool: a
 * mismatch skips up to the query's length).
 *
 * It agrees with a case-insensitive RegExp (`/query/i`) on the decoded text: in UTF-8 every byte
 * of a non-ASCII character is 0x80 or above, so it never matches an ASCII one, and a RegExp
 * without the `u` flag never folds a non-ASCII character to an ASCII one (the Kelvin sign does
 * not match "k"). In an escaped string, a match inside an escape (the "n" of `\n`) does not
 * count; a query holding a character an encoder may escape is left to the caller.
 */

/**
 * How a JSON string's text writes its characters:
 * - `none`: no escape, the bytes are the string's own UTF-8;
 * - `short`: only `\"`, `\\` and the short escapes of controls (`\n`, `\t`…), so each
 *   character is written one way, the one `JSON.stringify` uses;
 * - `any`: some `\u` or `\/` escapes (or not looked at), so a character may be written two ways.
 */
export type JsonEscapes = 'none' | 'short' | 'any';

/**
 * Reads a JSON string's text as bytes: `bytes[start, end)` is what was written between the
 * quotes, in UTF-8. Returns whether the string holds what is looked for, or null when that cannot
 * be told without decoding. `needsEscapeForm`: it tells `short` from `any` (which costs the
 * caller a scan of the text); otherwise it gets `none` or `any`.
 */
export interface JsonStringMatcher {
  needsEscapeForm: boolean;
  match(bytes: Uint8Array, start: number, end: number, escapes: JsonEscapes): boolean | null;
}

/** Byte → its ASCII lower case; every other byte is itself. */
const FOLD = new Uint8Array(256);
for (let byte = 0; byte < 256; byte++)
  FOLD[byte] = byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;

const BACKSLASH = 0x5c;
const LETTER_U = 0x75;

/**
 * Characters a JSON encoder may write as an escape: controls, the quote and backslash, and
 * what Python's and Go's encoders escape besides (`/`, `<`, `>`, `&`, `'`). Others are written
 * as they are by every encoder we know.
 */
// eslint-disable-next-line no-control-regex -- controls are what JSON must escape
const MAY_BE_ESCAPED = /[\x00-\x1f"\\/<>&'\x7f]/;

/**
 * Whether `at` is outside every escape of the string text starting at `start`. No escape is
 * longer than 6 bytes (`\u00e9`), so only the nearest backslash within 5 bytes before can hold it.
 */
function isOutsideEscapes(bytes: Uint8Array, start: number, at: number): boolean {
  for (let b = at - 1; b >= start && b >= at - 5; b--) {
    if (bytes[b] !== BACKSLASH) continue;
    let run = 1;
    while (b - run >= start && bytes[b - run] === BACKSLASH) run++;
    // An even run ends with an escaped backslash (`\\`), which ends before `at`.
    if (run % 2 === 0) return true;
    return at >= (bytes[b + 1] === LETTER_U ? b + 6 : b + 2);
  }
  return true;
}

/** Finds `query` (ASCII) in bytes; with `inEscaped`, only where an escape does not cover its start. */
function horspool(
  query: string,
): (bytes: Uint8Array, start: number, end: number, inEscaped: boolean) => boolean {
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
  return (bytes, start, end, inEscaped) => {
    for (let at = start; at + length <= end; at += skip[bytes[at + last] as number] as number) {
      let i = last;
      while (i >= 0 && FOLD[bytes[at + i] as number] === pattern[i]) i--;
      // A window that starts where an escape does not cover it holds whole characters (the
      // pattern is whole escapes, or none).
      if (i < 0 && (!inEscaped || isOutsideEscapes(bytes, start, at))) return true;
    }
    return false;
  };
}

/**
 * A matcher for `query` in the kept texts (api/lazyText.ts); null when the query is empty or
 * not ASCII (decode and use a RegExp then).
 */
export function foldedByteMatcher(query: string): JsonStringMatcher | null {
  // eslint-disable-next-line no-control-regex -- ASCII is 0x00-0x7f, controls included
  if (query === '' || !/^[\x00-\x7f]*$/.test(query)) return null;
  const mayBeEscaped = MAY_BE_ESCAPED.test(query);
  const plain = horspool(query);
  // As JSON.stringify writes it: how a text with only short escapes holds the query.
  const escapedForm = JSON.stringify(query).slice(1, -1);
  const shortEscaped = escapedForm === query ? plain : horspool(escapedForm);
  return {
    needsEscapeForm: mayBeEscaped,
    match(bytes, start, end, escapes) {
      if (escapes === 'none') return plain(bytes, start, end, false);
      if (!mayBeEscaped) return plain(bytes, start, end, true);
      return escapes === 'short' ? shortEscaped(bytes, start, end, true) : null;
    },
  };
}
