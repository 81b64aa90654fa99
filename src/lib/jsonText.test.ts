import { describe, expect, it } from 'vitest';
import { toJsonText } from './jsonText';

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
