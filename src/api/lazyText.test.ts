import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attachLazyTexts,
  inSentOrder,
  LAZY_TEXT_MIN_BYTES,
  LazyTextWriter,
  readingManyTexts,
  REF_ESCAPED,
  textLengthAtMost,
  unescapeJsonString,
} from './lazyText';
import { NODE_FIELDS } from './traceBatch';
import { createBatchingTraceParser } from './traceStreamParser';

const encoder = new TextEncoder();

/** The span `text` read the way the page reads it: its JSON parsed, its kept strings attached. */
function readBack(text: string, keepFromBytes = LAZY_TEXT_MIN_BYTES): Record<string, unknown> {
  const parser = createBatchingTraceParser(keepFromBytes);
  parser.push(encoder.encode(`{"tree":[${text}]}`));
  parser.end();
  const batch = parser.take()!;
  expect(batch.nodes.length).toBe(NODE_FIELDS);
  const node = JSON.parse(batch.texts) as Record<string, unknown>;
  if (batch.lazyBytes) attachLazyTexts(node, batch.lazyBytes, batch.lazyRefs);
  return node;
}

function isKept(node: object, key: string): boolean {
  return Object.getOwnPropertyDescriptor(node, key)?.get !== undefined;
}

const anyString = fc.string({ unit: 'binary', maxLength: 80 });
const fieldArb = fc.oneof(
  anyString,
  fc.constant(null),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('long strings kept as bytes', () => {
  it('reads back every object as JSON.parse does, whatever is kept', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('input', 'output', 'error', 'id', 'metadata', 'in'),
          fieldArb,
        ),
        fc.nat({ max: 40 }),
        fc.constantFrom(undefined, 2, '\t'),
        (object, keepFromBytes, indent) => {
          const text = JSON.stringify(object, null, indent);
          const node = readBack(text, keepFromBytes);
          expect(node).toEqual(JSON.parse(text));
          expect(readingManyTexts(() => ({ ...node }))).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps only long top-level input, output and error strings', () => {
    const long = 'x'.repeat(LAZY_TEXT_MIN_BYTES);
    const value = {
      id: long,
      input: long,
      metadata: { output: long },
      output: 'short',
      error: long,
    };
    const node = readBack(JSON.stringify(value));
    expect(node).toEqual(value);
    expect(
      ['id', 'input', 'metadata', 'output', 'error'].filter((key) => isKept(node, key)),
    ).toEqual(['input', 'error']);
  });

  it('lets the last of two same-named members win, as JSON.parse does', () => {
    const long = 'y'.repeat(300);
    expect(readBack(`{"input":"${long}","id":"a","input":"short"}`, 10)).toEqual({
      id: 'a',
      input: 'short',
    });
    expect(readBack(`{"input":"short","input":"${long}"}`, 10)).toEqual({ input: long });
    expect(readBack(`{"input":"${long}","input":"${long}x"}`, 10)).toEqual({ input: `${long}x` });
  });

  it('leaves a key written with escapes in the text', () => {
    const long = 'z'.repeat(300);
    const node = readBack(`{"inp\\u0075t":"${long}","output":"${long}"}`, 10);
    expect(node).toEqual({ input: long, output: long });
    expect(isKept(node, 'input')).toBe(false);
    expect(isKept(node, 'output')).toBe(true);
  });

  it('keeps escapes, lone surrogates and a leading byte order mark exactly', () => {
    const value = `\ufeff${'a"\\\n\t/'.repeat(60)}\udc00 \ud83d\ude00 é`;
    for (const json of [
      JSON.stringify({ input: value }),
      `{"input":"${JSON.stringify(value).slice(1, -1).replace(/\//g, '\\/')}"}`,
    ]) {
      const node = readBack(json, 10);
      expect(isKept(node, 'input')).toBe(true);
      expect(node.input).toBe(value);
    }
  });

  it('behaves as a plain string property: spread, JSON, writes, length', () => {
    const input = `\ufeff${'😀 line\n'.repeat(60)}`;
    const node = readBack(JSON.stringify({ id: 'a', input }), 10);
    expect(isKept(node, 'input')).toBe(true);
    expect(node.input).toBe(input);
    // Its byte count, without decoding: no less than its length.
    expect(textLengthAtMost(node, 'input')).toBe(encoder.encode(JSON.stringify(input)).length - 2);
    expect({ ...node }).toEqual({ id: 'a', input });
    expect(JSON.parse(JSON.stringify(node))).toEqual({ id: 'a', input });
    node.input = 'changed';
    expect(node.input).toBe('changed');
    expect(textLengthAtMost(node, 'input')).toBe('changed'.length);
    expect(textLengthAtMost(node, 'output')).toBeNull();
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
    const values = Array.from({ length: 500 }, (_, i) => `${i}:${'é😀\n'.repeat(i % 20)}`);
    const refs = values.map((value) => {
      const body = JSON.stringify(value).slice(1, -1);
      const [start, end] = writer.add([encoder.encode(body)]);
      return [1, start, end, body.includes('\\') ? REF_ESCAPED : 0, 0];
    });
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

  it('reads a string JSON.parse refuses as far as it can, rather than failing', () => {
    expect(unescapeJsonString('a\\nb\\u00e9')).toBe('a\nbé');
    expect(unescapeJsonString('raw\ttab \\x \\n')).toBe('raw\ttab \\x \n');
  });
});
