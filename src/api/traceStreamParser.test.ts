import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamed, streamTrace } from '../test/streamTrace';
import { SchemaError } from './errors';
import { parseTraceDetail } from './parse';
import { readingManyTexts, textLengthAtMost } from './lazyText';
import { TraceAssembler } from './traceAssembler';
import { NODE_FIELDS } from './traceBatch';
import { createBatchingTraceParser, createTraceStreamParser } from './traceStreamParser';

const encoder = new TextEncoder();

function outcome(run: () => unknown): unknown {
  try {
    return { ok: run() };
  } catch (error) {
    if (error instanceof SchemaError) return { schema: error.path };
    if (error instanceof SyntaxError) return { syntax: true };
    throw error;
  }
}

/** JSON text with every character outside ASCII written as a `\u` escape (pairs for astral). */
function asciiOnly(text: string): string {
  return text.replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const node = {
  id: 'a',
  name: 'Agent.run',
  type: 'AGENT',
  duration: '1.00s',
  start_time: '2025-11-19T10:30:00.000000Z',
  end_time: '2025-11-19T10:30:01.000000Z',
  status: 'OK',
};

const trace = {
  trace_id: 't',
  name: 'Agent.run',
  status: 'OK',
  duration: '1.00s',
  start_time: node.start_time,
  end_time: node.end_time,
  created_at: node.end_time,
  total_spans: 4,
  error_count: 0,
};

// Any text, astral characters (surrogate pairs) and control characters included.
const anyText = fc.string({ unit: 'binary', maxLength: 12 });
const anyJson = fc.jsonValue({ maxDepth: 3 });
// Around the length from which a span's input, output or error is kept as bytes (lazyText.ts).
const longText = fc.string({ unit: 'binary', minLength: 100, maxLength: 400 });
const spanText = fc.option(fc.oneof(anyText, longText));

interface GenNode {
  [key: string]: unknown;
}

const spanArb: fc.Memo<GenNode> = fc.memo((depth) =>
  fc
    .record({
      id: anyText,
      name: anyText,
      type: fc.constantFrom('AGENT', 'LLM', 'TOOL'),
      duration: anyText,
      start_time: anyText,
      end_time: anyText,
      status: fc.constantFrom('OK', 'ERROR'),
      input: spanText,
      output: spanText,
      error: spanText,
      metadata: fc.option(fc.dictionary(anyText, anyJson, { maxKeys: 3 })),
      extra: anyJson,
      spans:
        depth <= 1
          ? fc.constantFrom(undefined, null, [])
          : fc.option(fc.array(spanArb(depth - 1), { maxLength: 3 }), { nil: undefined }),
      spansFirst: fc.boolean(),
    })
    .map(({ spans, spansFirst, ...fields }) => {
      // `spans` before, among or after the other fields: servers order keys as they like.
      const withSpans: GenNode = spansFirst ? { spans, ...fields } : { ...fields, spans };
      if (withSpans.spans === undefined) delete withSpans.spans;
      return withSpans;
    }),
);

const traceArb = fc
  .record({
    tree: fc.array(spanArb(4), { maxLength: 3 }),
    treeFirst: fc.boolean(),
    output: fc.option(anyText),
  })
  .map(({ tree, treeFirst, output }) =>
    treeFirst ? { tree, ...trace, output } : { ...trace, output, tree },
  );

const layoutArb = fc.constantFrom<(value: unknown) => string>(
  (value) => JSON.stringify(value),
  (value) => JSON.stringify(value, null, 2),
  (value) => asciiOnly(JSON.stringify(value)),
  (value) => `\r\n ${JSON.stringify(value, null, '\t')}\n\n`,
);

const cutsArb = fc.array(fc.nat({ max: 100_000 }), { maxLength: 12 });

describe('the trace stream parser', () => {
  it('reads any trace as JSON.parse does, however the bytes are cut', () => {
    fc.assert(
      fc.property(traceArb, layoutArb, cutsArb, (value, layout, cuts) => {
        const text = layout(value);
        expect(outcome(() => streamTrace(text, cuts))).toEqual(
          outcome(() => parseTraceDetail(JSON.parse(text))),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with JSON.parse on whether any JSON value is a trace, and never throws otherwise', () => {
    fc.assert(
      fc.property(anyJson, layoutArb, cutsArb, (value, layout, cuts) => {
        const text = layout(value);
        const expected = outcome(() => parseTraceDetail(JSON.parse(text)));
        const actual = outcome(() => streamTrace(text, cuts));
        expect('ok' in (actual as object)).toBe('ok' in (expected as object));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every string, number and escape as JSON.parse reads it', () => {
    fc.assert(
      fc.property(anyJson, anyText, cutsArb, (value, text, cuts) => {
        const answer = {
          ...trace,
          tree: [{ ...node, metadata: { value, text, n: [0, -1.5e-7, 1e300, 12345678901234] } }],
        };
        for (const layout of [JSON.stringify, (v: unknown) => asciiOnly(JSON.stringify(v))]) {
          const json = layout(answer);
          expect(streamTrace(json, cuts)).toEqual(JSON.parse(json));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps long inputs, outputs and errors as bytes that read back exactly', () => {
    const long = (text: string) => text.repeat(Math.ceil(300 / text.length));
    const answer = {
      ...trace,
      tree: [
        {
          ...node,
          // A leading byte order mark, astral characters, escapes, line separators.
          input: `\ufeff${long('{"role": "user", "content": "😀 \\ \n\t\u2028"}')}`,
          output: long('é'),
          error: long('Traceback\n'),
          spans: [{ ...node, id: 'b', input: `${long('a')}\ud800` }],
        },
      ],
    };
    for (const json of [JSON.stringify(answer), asciiOnly(JSON.stringify(answer))]) {
      const bytes = encoder.encode(json).length;
      for (const cuts of [[], [1], [bytes >> 1], [200, 400, 600, 900, 1300]]) {
        const { end, assembler } = streamed(json, cuts);
        const read = assembler.finish(end.fieldsText);
        expect(read).toEqual(JSON.parse(json));
        // Each batch's buffer decoded whole, as a search reads them.
        expect(readingManyTexts(() => JSON.stringify(read))).toBe(JSON.stringify(read));
        const [root] = read.tree;
        expect(root?.input).toBe(answer.tree[0]?.input);
        expect(textLengthAtMost(root!, 'output')).toBeGreaterThanOrEqual(
          answer.tree[0]!.output.length,
        );
        // Kept as bytes: not an own data property of the span.
        expect(Object.getOwnPropertyDescriptor(root, 'input')).toHaveProperty('get');
        // A lone surrogate, kept as its escape.
        expect(Object.getOwnPropertyDescriptor(root?.spans?.[0], 'input')).toHaveProperty('get');
      }
    }
  });

  it('keeps as bytes only the exact keys: a key that begins or ends alike is a member like any', () => {
    const long = 'x'.repeat(300);
    const answer = {
      ...trace,
      tree: [
        {
          ...node,
          inputs: long,
          outpux: long,
          outputs: long,
          errors: long,
          inp: long,
          spansx: [{ ...node, id: 'c' }],
          spans: [{ ...node, id: 'b', output: long }],
        },
      ],
    };
    const json = JSON.stringify(answer);
    for (const cuts of [[], [7, 100, 333, 901]]) {
      const { end, assembler } = streamed(json, cuts);
      const read = assembler.finish(end.fieldsText);
      expect(read).toEqual(answer);
      const [root] = read.tree;
      for (const key of ['inputs', 'outpux', 'outputs', 'errors', 'inp']) {
        expect(Object.getOwnPropertyDescriptor(root, key)).toHaveProperty('value', long);
      }
      expect(Object.getOwnPropertyDescriptor(root?.spans?.[0], 'output')).toHaveProperty('get');
    }
  });

  it('ends a long string at its closing quote, however its runs of backslashes are cut', () => {
    const tail = '\\"\\\\"\\\\\\'; // \" \\" \\\ : escaped quotes and backslashes
    const answer = {
      ...trace,
      tree: [
        { ...node, input: `${'x'.repeat(70)}${tail}`, output: `${tail}${'y'.repeat(300)}${tail}` },
      ],
    };
    const json = JSON.stringify(answer);
    const length = encoder.encode(json).length;
    for (let cut = 0; cut <= length; cut++) {
      expect(streamTrace(json, [cut])).toEqual(answer);
    }
  });

  it('splits a surrogate pair and its escape anywhere', () => {
    const answer = { ...trace, name: 'a😀b', tree: [{ ...node, input: '\\"😀\u2028' }] };
    for (const json of [JSON.stringify(answer), asciiOnly(JSON.stringify(answer))]) {
      const length = encoder.encode(json).length;
      for (let cut = 0; cut <= length; cut++) {
        expect(streamTrace(json, [cut])).toEqual(answer);
      }
    }
  });

  it('emits children before their parent, with their places', () => {
    const answer = {
      ...trace,
      tree: [
        {
          ...node,
          spans: [
            { ...node, id: 'b' },
            { ...node, id: 'c', spans: [] },
          ],
        },
      ],
    };
    const seen: string[] = [];
    const parser = createTraceStreamParser({
      onNode: ({ text, parent, index }) =>
        seen.push(`${(JSON.parse(parser.decode(text)) as { id: string }).id}@${parent}:${index}`),
    });
    parser.push(encoder.encode(JSON.stringify(answer)));
    parser.end();
    expect(seen).toEqual(['b@0:0', 'c@0:1', 'a@-1:0']);
  });

  it('hands over the first spans in tree order, parents before their children arrive', () => {
    // As agno writes them: a span's metadata after its children.
    const answer = {
      ...trace,
      tree: [
        {
          ...node,
          name: 'Team.run',
          spans: [
            { ...node, id: 'b', name: 'Member.run', spans: [{ ...node, id: 'c', name: 'search' }] },
            { ...node, id: 'd', name: 'OpenAIChat.invoke', type: 'LLM', status: 'ERROR' },
          ],
          metadata: { input_tokens: 5 },
        },
      ],
    };
    const json = JSON.stringify(answer);
    // Cut just after the second span's `spans` array opened: nothing has closed yet.
    const cut = encoder.encode(json.slice(0, json.indexOf('"name":"search"'))).length;
    const parser = createBatchingTraceParser();
    const assembler = new TraceAssembler();
    parser.push(encoder.encode(json).slice(0, cut));
    assembler.add(parser.take()!);
    expect(assembler.spans).toBe(0);
    expect(assembler.preview.map((span) => `${span.depth} ${span.name}`)).toEqual([
      '0 Team.run',
      '1 Member.run',
    ]);

    parser.push(encoder.encode(json).slice(cut));
    parser.end();
    assembler.add(parser.take()!);
    expect(assembler.preview).toEqual([
      {
        depth: 0,
        name: 'Team.run',
        type: 'AGENT',
        startTime: node.start_time,
        endTime: node.end_time,
        status: 'OK',
      },
      {
        depth: 1,
        name: 'Member.run',
        type: 'AGENT',
        startTime: node.start_time,
        endTime: node.end_time,
        status: 'OK',
      },
      {
        depth: 2,
        name: 'search',
        type: 'AGENT',
        startTime: node.start_time,
        endTime: node.end_time,
        status: 'OK',
      },
      {
        depth: 1,
        name: 'OpenAIChat.invoke',
        type: 'LLM',
        startTime: node.start_time,
        endTime: node.end_time,
        status: 'ERROR',
      },
    ]);
  });

  it('names the JSON path of a bad span deep in the tree', () => {
    const bad = { ...node, id: 'd', duration: 12 };
    const answer = {
      ...trace,
      tree: [
        { ...node, spans: [node, node, node, { ...node, spans: [node, bad] }] },
        { ...node, spans: [] },
      ],
    };
    const text = JSON.stringify(answer);
    const error = outcome(() => streamTrace(text, [100, 200, 300]));
    expect(error).toEqual({ schema: '$.tree[0].spans[3].spans[1].duration' });
    expect(error).toEqual(outcome(() => parseTraceDetail(JSON.parse(text))));
  });

  it('names a span that is not an object', () => {
    const text = JSON.stringify({ ...trace, tree: [node, 'oops'] });
    expect(outcome(() => streamTrace(text))).toEqual({ schema: '$.tree[1]' });
  });

  it('checks the trace’s own fields, wherever the tree is', () => {
    const text = JSON.stringify({ tree: [node], ...trace, total_spans: 'four' });
    expect(outcome(() => streamTrace(text))).toEqual({ schema: '$.total_spans' });
  });

  it('rejects what JSON.parse rejects', () => {
    for (const text of [
      `{"tree": [${JSON.stringify(node)},]}`,
      '{"tree": [] ,}',
      '{"a" 1}',
      '{} x',
      `${JSON.stringify({ ...trace, tree: [] })} {}`,
      `{"tree": [{"id": }]}`,
    ]) {
      expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
      expect(() => streamTrace(text)).toThrow(SyntaxError);
    }
  });

  it('says when nothing arrived', () => {
    expect(streamed('').end).toMatchObject({ isEmpty: true, truncated: false });
    expect(streamed(' \n').end).toMatchObject({ isEmpty: true, truncated: false });
  });

  it('skips a byte order mark, as response.json() does', () => {
    const answer = { ...trace, tree: [node] };
    expect(streamTrace(`\ufeff${JSON.stringify(answer)}`, [1, 2])).toEqual(answer);
  });

  it('keeps the spans that arrived when the answer is cut off', () => {
    const answer = {
      ...trace,
      tree: [
        {
          ...node,
          id: 'root',
          spans: [
            { ...node, id: 'one', metadata: { a: 1 } },
            { ...node, id: 'two', spans: [{ ...node, id: 'three' }] },
            { ...node, id: 'four', input: 'long text that is cut in the middle' },
          ],
          metadata: { after: true },
        },
      ],
    };
    const text = JSON.stringify(answer);
    const cut = text.indexOf('long text');
    const { end, assembler } = streamed(text.slice(0, cut));
    expect(end.truncated).toBe(true);
    const partial = assembler.finish(end.fieldsText);
    // "four" had its required fields before the cut: it is kept, without its input.
    expect(assembler.spans).toBe(5);
    const root = partial.tree[0]!;
    expect(root.id).toBe('root');
    expect(root.spans?.map((span) => span.id)).toEqual(['one', 'two', 'four']);
    expect(root.spans?.[1]?.spans?.map((span) => span.id)).toEqual(['three']);
    expect(root.spans?.[2]?.input).toBeUndefined();
  });

  it('hands a read of many spans over in batches of at most 400, which assemble the same', () => {
    const tree = Array.from({ length: 1000 }, (_, i) => ({ ...node, id: `s${i}` }));
    const json = JSON.stringify({ ...trace, tree });
    const parser = createBatchingTraceParser();
    parser.push(encoder.encode(json));
    const end = parser.end();
    const batches = [];
    for (let batch = parser.take(); batch !== null; batch = parser.take()) batches.push(batch);
    expect(batches.map((batch) => batch.nodes.length / NODE_FIELDS)).toEqual([400, 400, 200]);
    // The answer's bytes come once, with the first.
    expect(batches.map((batch) => batch.chunks.length)).toEqual([1, 0, 0]);
    const assembler = new TraceAssembler();
    for (const batch of batches) assembler.add(batch);
    const streamedTree = assembler.finish(end.fieldsText).tree;
    expect(streamedTree.map((span) => span.id)).toEqual(tree.map((span) => span.id));
  });

  it('writes a later batch’s texts into a buffer the page handed back', () => {
    const tree = Array.from({ length: 1000 }, (_, i) => ({ ...node, id: `s${i}` }));
    const bytes = encoder.encode(JSON.stringify({ ...trace, tree }));
    const half = bytes.length >> 1;
    const parser = createBatchingTraceParser();
    const assembler = new TraceAssembler();
    parser.push(bytes.slice(0, half));
    const first = parser.take()!;
    assembler.add(first);
    parser.recycle(first.texts.buffer);
    parser.push(bytes.slice(half));
    const end = parser.end();
    const second = parser.take()!;
    expect(second.texts.buffer).toBe(first.texts.buffer);
    assembler.add(second);
    for (let batch = parser.take(); batch !== null; batch = parser.take()) assembler.add(batch);
    expect(assembler.finish(end.fieldsText).tree.map((span) => span.id)).toEqual(
      tree.map((span) => span.id),
    );
  });

  it('counts the bytes read, and hands on the chunks no span still needs', () => {
    const json = encoder.encode(
      JSON.stringify({ ...trace, tree: [{ ...node, metadata: { note: 'n'.repeat(3000) } }] }),
    );
    const parser = createBatchingTraceParser();
    const seen: { bytesRead: number; chunks: number; spans: number }[] = [];
    for (let at = 0; at < json.length; at += 1000) {
      parser.push(json.slice(at, at + 1000));
      const batch = parser.take()!;
      seen.push({
        bytesRead: batch.bytesRead,
        chunks: batch.chunks.length,
        spans: batch.nodes.length / NODE_FIELDS,
      });
    }
    parser.end();
    expect(parser.take()).toBeNull();
    // The span's metadata spans several chunks: they are held until the span is read whole,
    // while the bytes read still count for the progress bar.
    expect(seen.map((batch) => batch.bytesRead)).toEqual(
      seen.map((_, i) => Math.min(json.length, (i + 1) * 1000)),
    );
    expect(seen.slice(1, 3).map((batch) => batch.chunks)).toEqual([0, 0]);
    expect(seen.reduce((total, batch) => total + batch.chunks, 0)).toBe(seen.length);
    expect(seen.reduce((total, batch) => total + batch.spans, 0)).toBe(1);
  });

  it('leaves out a cut-off span whose required fields had not arrived', () => {
    const text = JSON.stringify({ ...trace, tree: [node, { ...node, id: 'b' }] });
    const { end, assembler } = streamed(text.slice(0, text.lastIndexOf('"name"')));
    expect(end.truncated).toBe(true);
    expect(assembler.finish(end.fieldsText).tree.map((span) => span.id)).toEqual(['a']);
  });
});
