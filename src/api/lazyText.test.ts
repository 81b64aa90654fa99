import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attachLazyTexts,
  cutLongStrings,
  inSentOrder,
  LAZY_TEXT_MIN_CHARS,
  LazyTextWriter,
  readingManyTexts,
  textLength,
  writeCuts,
} from './lazyText';

/** `text` read the way the page reads it: the cut JSON parsed, the cut strings attached. */
function readBack(text: string, minChars: number): Record<string, unknown> {
  const cut = cutLongStrings(text, minChars);
  if (!cut) return JSON.parse(text) as Record<string, unknown>;
  const writer = new LazyTextWriter();
  const refs = writeCuts(writer, cut.cuts);
  const node = JSON.parse(cut.text) as Record<string, unknown>;
  attachLazyTexts(node, writer.take()!, refs);
  return node;
}

const anyString = fc.string({ unit: 'binary', maxLength: 80 });
const fieldArb = fc.oneof(
  anyString,
  fc.constant(null),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('long strings kept as bytes', () => {
  it('reads back every object as JSON.parse does, whatever is cut', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('input', 'output', 'error', 'id', 'metadata', 'in'),
          fieldArb,
        ),
        fc.nat({ max: 40 }),
        fc.constantFrom(undefined, 2, '\t'),
        (object, minChars, indent) => {
          const text = JSON.stringify(object, null, indent);
          const node = readBack(text, minChars);
          expect(node).toEqual(JSON.parse(text));
          expect(readingManyTexts(() => ({ ...node }))).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('cuts only long top-level input, output and error strings', () => {
    const long = 'x'.repeat(LAZY_TEXT_MIN_CHARS);
    const text = JSON.stringify({
      id: long,
      input: long,
      metadata: { output: long },
      output: 'short',
      error: long,
    });
    const cut = cutLongStrings(text);
    expect(cut?.cuts).toEqual([
      { key: 'input', value: long, position: 1 },
      { key: 'error', value: long, position: 3 },
    ]);
    expect(JSON.parse(cut!.text)).toEqual({
      id: long,
      metadata: { output: long },
      output: 'short',
    });
  });

  it('lets the last of two same-named members win, as JSON.parse does', () => {
    const long = 'y'.repeat(300);
    const text = `{"input":"${long}","id":"a","input":"short"}`;
    expect(readBack(text, 10)).toEqual({ id: 'a', input: 'short' });
    const other = `{"input":"short","input":"${long}"}`;
    expect(readBack(other, 10)).toEqual({ input: long });
  });

  it('leaves texts it cannot follow whole, for validation to judge', () => {
    const long = 'z'.repeat(300);
    expect(cutLongStrings(`{"input":"${long}",}`, 10)).toBeNull();
    expect(cutLongStrings(`{"inp\\u0075t":"${long}"}`, 10)).toBeNull();
    expect(cutLongStrings(`["${long}"]`, 10)).toBeNull();
    expect(cutLongStrings(`{"input":"${long}`, 10)).toBeNull();
  });

  it('keeps a string with a lone surrogate as a string (UTF-8 cannot hold it)', () => {
    const value = `${'a'.repeat(300)}\udc00`;
    const node = readBack(JSON.stringify({ input: value }), 10);
    expect(Object.getOwnPropertyDescriptor(node, 'input')?.value).toBe(value);
  });

  it('behaves as a plain string property: spread, JSON, writes, length', () => {
    const input = `\ufeff${'😀 line\n'.repeat(60)}`;
    const node = readBack(JSON.stringify({ id: 'a', input }), 10);
    expect(Object.getOwnPropertyDescriptor(node, 'input')).toHaveProperty('get');
    expect(node.input).toBe(input);
    expect(textLength(node, 'input')).toBe(input.length);
    expect({ ...node }).toEqual({ id: 'a', input });
    expect(JSON.parse(JSON.stringify(node))).toEqual({ id: 'a', input });
    node.input = 'changed';
    expect(node.input).toBe('changed');
    expect(textLength(node, 'input')).toBe('changed'.length);
    expect(textLength(node, 'output')).toBeNull();
  });

  it('gives the fields back in the order they were sent, for a raw view', () => {
    const long = 'w'.repeat(300);
    const text = `{"input":"${long}","id":"a","__proto__":1,"output":"${long}","name":"n","error":"${long}"}`;
    const node = readBack(text, 10);
    expect(Object.keys(node)).toEqual(['id', '__proto__', 'name', 'input', 'output', 'error']);
    const ordered = inSentOrder(node);
    expect(Object.keys(ordered)).toEqual(['input', 'id', '__proto__', 'output', 'name', 'error']);
    expect(ordered).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(ordered)).toBe(Object.prototype);
  });

  it('keeps many strings in one buffer, each where it was written', () => {
    const writer = new LazyTextWriter();
    const values = Array.from({ length: 500 }, (_, i) => `${i}:${'é😀'.repeat(i)}`);
    const refs = values.map((value) => writeCuts(writer, [{ key: 'output', value, position: 0 }]));
    const bytes = writer.take()!;
    const nodes = refs.map((ref) => {
      const node: { output?: string } = {};
      attachLazyTexts(node, bytes, ref);
      return node;
    });
    expect(nodes.map((node) => node.output)).toEqual(values);
    // Read with the buffer decoded once, as a search over every span does.
    expect(readingManyTexts(() => nodes.map((node) => node.output))).toEqual(values);
    expect(writer.take()).toBeNull();
  });
});
