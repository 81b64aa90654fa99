import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkChunks } from '../test/networkChunks';
import { ChunkedBytes, decodeUtf8 } from '../lib/chunkedBytes';
import {
  attachLazyTexts,
  inSentOrder,
  LAZY_TEXT_MIN_BYTES,
  longestTextAtMost,
  readingManyTexts,
  textLengthAtMost,
  unescapeJsonString,
} from './lazyText';
import { NODE_FIELDS } from './traceBatch';
import { createBatchingTraceParser } from './traceStreamParser';

const encoder = new TextEncoder();

/**
 * The span `text` read the way the page reads it, from the chunks it arrived in (cut at
 * `cuts`): its JSON parsed, its kept strings attached.
 */
function readBack(
  text: string,
  keepFromBytes = LAZY_TEXT_MIN_BYTES,
  cuts: readonly number[] = [],
): Record<string, unknown> {
  const parser = createBatchingTraceParser(keepFromBytes);
  const bytes = new ChunkedBytes();
  const nodes: number[] = [];
  const texts: unknown[] = [];
  const refs: number[] = [];
  const take = () => {
    const batch = parser.take();
    if (!batch) return;
    for (const chunk of batch.chunks) bytes.append(chunk);
    nodes.push(...batch.nodes);
    if (batch.texts.length > 0) texts.push(...(JSON.parse(decodeUtf8(batch.texts)) as unknown[]));
    refs.push(...batch.lazyRefs);
  };
  for (const chunk of networkChunks(encoder.encode(`{"tree":[${text}]}`), cuts)) {
    parser.push(chunk);
    take();
  }
  parser.end();
  take();
  expect(nodes.length).toBe(NODE_FIELDS);
  const node = texts[0] as Record<string, unknown>;
  attachLazyTexts(node, bytes, refs);
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
        fc.array(fc.nat(), { maxLength: 4 }),
        (object, keepFromBytes, indent, cuts) => {
          const text = JSON.stringify(object, null, indent);
          const node = readBack(text, keepFromBytes, cuts);
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

  it("bounds the longest of a span's texts, kept or not, without decoding", () => {
    // A kept input of 300 "é" (600 bytes), a short output left a string, no error.
    const node = readBack(`{"id":"a","input":"${'é'.repeat(300)}","output":"short"}`, 10);
    expect(isKept(node, 'input')).toBe(true);
    expect(longestTextAtMost(node)).toBe(600);
    expect(longestTextAtMost({ output: 'four', error: 42 })).toBe(4);
    expect(longestTextAtMost({ id: 'none' })).toBe(0);
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

  it('reads strings in place in one chunk, or across the chunks they arrived in', () => {
    const values = Array.from({ length: 500 }, (_, i) => `${i}:${'é😀\n"'.repeat(i % 20)}`);
    const bodies = values.map((value) => encoder.encode(JSON.stringify(value).slice(1, -1)));
    const all = new Uint8Array(bodies.reduce((total, body) => total + body.length, 0));
    const refs: number[][] = [];
    let at = 0;
    for (const body of bodies) {
      all.set(body, at);
      refs.push([1, at, at + body.length, 0]);
      at += body.length;
    }
    const bytes = new ChunkedBytes();
    // Chunks of 1 to 300 bytes: most strings lie in one, many span two or more.
    for (const chunk of networkChunks(
      all,
      Array.from({ length: 200 }, (_, i) => (i * i * 37) % at),
    )) {
      bytes.append(chunk);
    }
    const nodes = refs.map((ref) => {
      const node: { output?: string } = {};
      attachLazyTexts(node, bytes, ref);
      return node;
    });
    expect(nodes.map((node) => node.output)).toEqual(values);
    // Read with each chunk decoded once, as a search over every span does.
    expect(readingManyTexts(() => nodes.map((node) => node.output))).toEqual(values);
  });

  it('reads a string JSON.parse refuses as far as it can, rather than failing', () => {
    expect(unescapeJsonString('a\\nb\\u00e9')).toBe('a\nbé');
    expect(unescapeJsonString('raw\ttab \\x \\n')).toBe('raw\ttab \\x \n');
  });
});
