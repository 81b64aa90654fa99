import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldedByteMatcher } from './foldedByteSearch';

const encoder = new TextEncoder();

function regexFinds(text: string, query: string): boolean {
  return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i').test(text);
}

function bytesFind(text: string, query: string): boolean | null {
  const matcher = foldedByteMatcher(query);
  if (!matcher) return null;
  // Surrounded by other bytes: only [start, end) counts.
  const bytes = encoder.encode(`Qq${text}Qq`);
  return matcher(bytes, 2, bytes.length - 2);
}

const asciiQuery = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  minLength: 1,
  maxLength: 6,
});

describe('case-insensitive search in UTF-8 bytes', () => {
  it('finds what a case-insensitive RegExp finds in the decoded text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        asciiQuery,
        fc.nat(),
        (text, query, at) => {
          // Half the time, the query (in another case) is in the text.
          const planted =
            at % 2 === 0
              ? text
              : `${text.slice(0, at % 7)}${query.toUpperCase()}${text.slice(at % 7)}`;
          expect(bytesFind(planted, query)).toBe(regexFinds(planted, query));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('folds ASCII letters only, as a RegExp without the u flag does', () => {
    expect(bytesFind('Tool CALL', 'call')).toBe(true);
    expect(bytesFind('\u212a', 'k')).toBe(false); // Kelvin sign
    expect(bytesFind('\u017f', 's')).toBe(false); // long s
    expect(bytesFind('İstanbul', 'istanbul')).toBe(regexFinds('İstanbul', 'istanbul'));
    expect(bytesFind('a[b]', '[B]')).toBe(true);
    expect(bytesFind('abc', 'abcd')).toBe(false);
  });

  it('leaves non-ASCII and empty queries to the caller', () => {
    expect(foldedByteMatcher('café')).toBeNull();
    expect(foldedByteMatcher('')).toBeNull();
  });

  it('looks only between start and end', () => {
    const bytes = encoder.encode('needle haystack needle');
    const matcher = foldedByteMatcher('NEEDLE')!;
    expect(matcher(bytes, 1, 16)).toBe(false);
    expect(matcher(bytes, 0, 6)).toBe(true);
    expect(matcher(bytes, 16, 22)).toBe(true);
  });
});
