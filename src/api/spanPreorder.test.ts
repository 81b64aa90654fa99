import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSpanTree, type SpanTree } from '../domain/trace/buildSpanTree';
import { streamTrace } from '../test/streamTrace';
import { at } from '../test/testTraces';
import { parseTraceDetail } from './parse';
import { spanPreorderOf } from './spanPreorder';

function span(id: string, startUs: number, fields: Record<string, unknown> = {}) {
  return {
    id,
    name: `span ${id}`,
    type: 'TOOL',
    duration: '1ms',
    start_time: at(startUs),
    end_time: at(startUs + 1000),
    status: 'OK',
    ...fields,
  };
}

function answer(tree: unknown[]): string {
  return JSON.stringify({
    trace_id: 't',
    name: 'Agent.run',
    status: 'OK',
    duration: '1.00s',
    start_time: at(0),
    end_time: at(1000),
    created_at: at(1000),
    total_spans: 1,
    error_count: 0,
    tree,
  });
}

describe('spanPreorder', () => {
  it('puts streamed spans in pre-order with their parents, depths, times and first ids', () => {
    // A span's own fields may follow its children. Id "b" comes three times, once under its
    // first copy (which completes after it); "c" twice.
    const text = answer([
      { spans: [span('b', 10, { spans: [span('b', 20)] }), span('d', 30)], ...span('a', 0) },
      span('e', 40, { spans: [span('c', 50), span('b', 60)] }),
    ]);
    for (const cuts of [[], [17, 90, 200, 333], [...Array(text.length).keys()]]) {
      const preorder = spanPreorderOf(streamTrace(text, cuts).tree);
      expect(preorder?.nodes.map((node) => node.id)).toEqual(['a', 'b', 'b', 'd', 'e', 'c', 'b']);
      expect(Array.from(preorder!.parentIndex)).toEqual([-1, 0, 1, 0, -1, 4, 4]);
      expect(Array.from(preorder!.depth)).toEqual([0, 1, 2, 1, 0, 1, 1]);
      expect(Array.from(preorder!.startUs)).toEqual(
        [0, 10, 20, 30, 40, 50, 60].map((us) => Date.UTC(2025, 10, 19, 10, 30) * 1000 + us),
      );
      expect([...preorder!.indexById]).toEqual(
        expect.arrayContaining([
          ['a', 0],
          ['b', 1],
          ['d', 3],
          ['e', 4],
          ['c', 5],
        ]),
      );
      expect(preorder!.indexById.size).toBe(5);
      expect(preorder!.duplicateIds).toEqual(['b', 'b']);
    }
  });

  it('has none for a tree it could not place whole, and the walk builds the same tree', () => {
    // Children under a `spans` key written with an escape are not streamed but parsed whole.
    const escaped = answer([span('a', 0, { spans: [span('b', 10)] })]).replace(
      '"spans"',
      '"sp\\u0061ns"',
    );
    // A cut-off answer whose last span has too little to read is left without it.
    const full = answer([span('a', 0, { spans: [span('b', 10), span('c', 20)] })]);
    const cut = full.slice(0, full.lastIndexOf('"name"'));
    for (const text of [escaped, cut]) {
      const trace = streamTrace(text);
      expect(spanPreorderOf(trace.tree)).toBeUndefined();
      expect(buildSpanTree(trace.tree).nodes.map((node) => node.id)).toEqual(['a', 'b']);
    }
  });

  it('gives the span tree the walk gives, for any tree and any cuts', () => {
    const idArb = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    const spanArb: fc.Memo<Record<string, unknown>> = fc.memo((depth) =>
      fc
        .record({
          id: idArb,
          startUs: fc.integer({ min: 0, max: 10_000_000 }),
          status: fc.constantFrom('OK', 'ERROR'),
          spans: depth <= 1 ? fc.constant([]) : fc.array(spanArb(depth - 1), { maxLength: 3 }),
        })
        .map(({ id, startUs, status, spans }) => span(id, startUs, { status, spans })),
    );
    const view = (tree: SpanTree) => ({
      ...tree,
      nodes: tree.nodes.map((node) => node.id),
      indexById: [...tree.indexById].sort(),
    });
    fc.assert(
      fc.property(
        fc.array(spanArb(4), { maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (roots, cuts) => {
          const text = answer(roots);
          const streamedTrace = streamTrace(text, cuts);
          expect(spanPreorderOf(streamedTrace.tree)).toBeDefined();
          const walked = buildSpanTree(parseTraceDetail(JSON.parse(text)).tree);
          expect(view(buildSpanTree(streamedTrace.tree))).toEqual(view(walked));
        },
      ),
    );
  });
});
