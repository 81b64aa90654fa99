import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiJsonText, isAscii, toJsonText } from './jsonText';

describe('toJsonText', () => {
  it('is JSON.stringify for ordinary values', () => {
    const value = { a: [1, 'two', null, { b: true }], c: 'é"\n', skipped: undefined };
    expect(toJsonText(value)).toBe(JSON.stringify(value));
  });

  it('writes a 10,000-level span chain that JSON.stringify cannot', () => {
    let node: Record<string, unknown> = { id: 'leaf', n: 1.5 };
    for (let level = 0; level < 10_000; level++) node = { id: `s${level}`, spans: [node] };
    const text = toJsonText(node);
    expect(text.startsWith('{"id":"s9999","spans":[{"id":"s9998"')).toBe(true);
    expect(text.endsWith('{"id":"leaf","n":1.5}' + ']}'.repeat(10_000))).toBe(true);
  });
});

describe('asciiJsonText', () => {
  it('escapes every character outside ASCII, surrogate pairs as pairs, and means the same', () => {
    const text = JSON.stringify({ clé: 'café — 😀', plain: 'a\\"b' });
    const escaped = asciiJsonText(text);
    expect(escaped).toBe('{"cl\\u00e9":"caf\\u00e9 \\u2014 \\ud83d\\ude00","plain":"a\\\\\\"b"}');
    expect(JSON.parse(escaped)).toEqual({ clé: 'café — 😀', plain: 'a\\"b' });
  });

  it('gives the same value as the text for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        const json = JSON.stringify([value, text]);
        expect(isAscii(new TextEncoder().encode(asciiJsonText(json)))).toBe(true);
        expect(JSON.parse(asciiJsonText(json))).toEqual(JSON.parse(json));
      }),
    );
  });
});

describe('isAscii', () => {
  it('looks from the offset on', () => {
    const bytes = new TextEncoder().encode('é abc');
    expect(isAscii(bytes)).toBe(false);
    expect(isAscii(bytes, 2)).toBe(true);
    expect(isAscii(new TextEncoder().encode('abc\u007f'))).toBe(true);
  });
});
