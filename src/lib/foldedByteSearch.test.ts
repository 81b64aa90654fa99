import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldedByteMatcher, type JsonEscapes } from './foldedByteSearch';

const encoder = new TextEncoder();

function regexFinds(text: string, query: string): boolean {
  return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i').test(text);
}

/** JSON string bodies as different servers write them. */
const writers: Record<string, (text: string) => string> = {
  // JavaScript: only what must be escaped.
  json: (text) => JSON.stringify(text).slice(1, -1),
  // Python's default: every non-ASCII character as \u escapes (pairs for astral ones).
  asciiOnly: (text) =>
    JSON.stringify(text)
      .slice(1, -1)
      .replace(
        /[\u0080-\uffff]/g,
        (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
  // Go's default: HTML characters escaped too.
  html: (text) =>
    JSON.stringify(text)
      .slice(1, -1)
      .replace(/[<>&]/g, (char) => `\\u00${char.charCodeAt(0).toString(16)}`),
};

/** How `body` writes its characters (what the caller tells the matcher). */
function escapesOf(body: string): JsonEscapes {
  if (!body.includes('\\')) return 'none';
  return /\\[u/]/.test(body.replace(/\\\\/g, '')) ? 'any' : 'short';
}

function bytesFind(text: string, query: string, write = writers.json!): boolean | null {
  const matcher = foldedByteMatcher(query);
  if (!matcher) return null;
  const body = write(text);
  // Surrounded by other bytes: only [start, end) counts.
  const bytes = encoder.encode(`Qq${body}Qq`);
  const escapes = escapesOf(body);
  return matcher.match(
    bytes,
    2,
    bytes.length - 2,
    escapes === 'short' && !matcher.needsEscapeForm ? 'any' : escapes,
  );
}

const asciiQuery = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  minLength: 1,
  maxLength: 6,
});
// Texts rich in what gets escaped: newlines, quotes, backslashes, escape letters.
const escapyText = fc.string({
  unit: fc.constantFrom('\n', '"', '\\', 'n', 'u', '0', 'a', 'A', '/', '<', '\t', 'é', '😀', ' '),
  maxLength: 40,
});

describe('case-insensitive search in the bytes of a JSON string', () => {
  it('finds what a case-insensitive RegExp finds in the decoded text, or says it cannot tell', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), escapyText),
        fc.oneof(asciiQuery, fc.stringMatching(/^[nu0a\\"/ ]{1,4}$/)),
        fc.nat(),
        fc.constantFrom(...Object.keys(writers)),
        (text, query, at, writer) => {
          // Half the time, the query (in another case) is in the text.
          const planted =
            at % 2 === 0
              ? text
              : `${text.slice(0, at % 7)}${query.toUpperCase()}${text.slice(at % 7)}`;
          const found = bytesFind(planted, query, writers[writer]);
          if (found === null) {
            // Only a query an encoder may write as escapes, in a string that writes some
            // characters in a way of its own.
            // eslint-disable-next-line no-control-regex -- controls are what JSON escapes
            expect(/["\\/<>&'\x00-\x1f]/.test(query)).toBe(true);
            expect(escapesOf(writers[writer]!(planted))).toBe('any');
          } else {
            expect(found).toBe(regexFinds(planted, query));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('does not match inside an escape', () => {
    expect(bytesFind('a\nb', 'nb')).toBe(false);
    expect(bytesFind('a\\nb', 'nb')).toBe(true); // a backslash, then "nb"
    expect(bytesFind('é', '00e9', writers.asciiOnly)).toBe(false);
    expect(bytesFind('é00e9', '00e9', writers.asciiOnly)).toBe(true);
    expect(bytesFind('\\\n', 'n')).toBe(false);
  });

  it('folds ASCII letters only, as a RegExp without the u flag does', () => {
    expect(bytesFind('Tool CALL', 'call')).toBe(true);
    expect(bytesFind('\u212a', 'k')).toBe(false); // Kelvin sign
    expect(bytesFind('\u017f', 's')).toBe(false); // long s
    expect(bytesFind('İstanbul', 'istanbul')).toBe(regexFinds('İstanbul', 'istanbul'));
    expect(bytesFind('a[b]', '[B]')).toBe(true);
    expect(bytesFind('abc', 'abcd')).toBe(false);
  });

  it('leaves non-ASCII and empty queries to the caller, and escapable ones in escaped texts', () => {
    expect(foldedByteMatcher('café')).toBeNull();
    expect(foldedByteMatcher('')).toBeNull();
    expect(bytesFind('say <b>', '<b>', writers.html)).toBeNull();
    expect(bytesFind('say <b>\u0001', '<b>')).toBeNull();
  });

  it('finds a query with quotes, backslashes or newlines as JSON.stringify writes it', () => {
    expect(bytesFind('say "hi"', '"HI"')).toBe(true);
    expect(bytesFind('say <b>', '<b>')).toBe(true);
    expect(bytesFind('a\\path\nnext', 'path\nNEXT')).toBe(true);
    expect(bytesFind('a\\"path', '\\"')).toBe(true);
    expect(bytesFind('a\\"path', '"path')).toBe(true);
    expect(bytesFind('a\\"path', 'a\\\\')).toBe(false);
  });

  it('looks only between start and end', () => {
    const bytes = encoder.encode('needle haystack needle');
    const matcher = foldedByteMatcher('NEEDLE')!;
    expect(matcher.match(bytes, 1, 16, 'none')).toBe(false);
    expect(matcher.match(bytes, 0, 6, 'none')).toBe(true);
    expect(matcher.match(bytes, 16, 22, 'none')).toBe(true);
  });
});
