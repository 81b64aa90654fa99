import { describe, expect, it } from 'vitest';
import { buildSpanTree } from '../../../domain/trace/buildSpanTree';
import { makeSpan } from '../../../test/testSpans';
import type { TraceNode } from '../../../api/schemas';
import { TraceAssembler } from '../../../api/traceAssembler';
import { createBatchingTraceParser } from '../../../api/traceStreamParser';
import { createSpanSearchScan, searchSpans, spanMatch } from './spanSearch';

/** `spans` as the page holds them after a streamed load: their long texts kept as bytes. */
function keptAsBytes(spans: TraceNode[]): TraceNode[] {
  const parser = createBatchingTraceParser();
  const assembler = new TraceAssembler();
  const trace = {
    trace_id: 't',
    name: 'n',
    status: 'OK',
    duration: '1s',
    start_time: '2025-11-19T10:30:00Z',
    end_time: '2025-11-19T10:30:01Z',
    created_at: '2025-11-19T10:30:01Z',
    total_spans: spans.length,
    error_count: 0,
    tree: spans,
  };
  const bytes = new TextEncoder().encode(JSON.stringify(trace));
  // In two chunks, so that a kept text spans both.
  for (const chunk of [bytes.slice(0, bytes.length >> 1), bytes.slice(bytes.length >> 1)]) {
    parser.push(chunk);
    assembler.add(parser.take()!);
  }
  const end = parser.end();
  const last = parser.take();
  if (last) assembler.add(last);
  return assembler.finish(end.fieldsText).tree;
}

describe('searchSpans on texts kept as bytes', () => {
  const filler = 'The quarterly report lists revenue by region. '.repeat(10);
  const spans = keptAsBytes([
    makeSpan({ id: 'a', name: 'LLM.call', input: `${filler}Ask about Zürich HEAT pumps` }),
    makeSpan({ id: 'b', name: 'Tool.call', output: `${filler}No match here` }),
    makeSpan({ id: 'c', name: 'Agent.run', error: `${filler}Traceback: heat-pump API down` }),
  ]);
  const root = makeSpan({ id: 'r', name: 'Team.run', spans });
  const tree = buildSpanTree([root]);
  const found = (query: string) => [...searchSpans(tree, query)].map((i) => tree.nodes[i]!.id);

  it('finds an ASCII query in any case, without decoding', () => {
    expect(found('heat pump')).toEqual(['a']);
    expect(found('HEAT')).toEqual(['a', 'c']);
    expect(found('region')).toEqual(['a', 'b', 'c']);
  });

  it('finds a query in an escaped text, but not inside an escape', () => {
    const [escaped] = keptAsBytes([
      makeSpan({ id: 'e', input: `${filler}Line one\nnext "quoted" path/to\\file` }),
    ]);
    const escapedTree = buildSpanTree([escaped!]);
    const inEscaped = (query: string) => searchSpans(escapedTree, query).length === 1;
    expect(inEscaped('one\nnext')).toBe(true);
    expect(inEscaped('nnext')).toBe(false);
    expect(inEscaped('"quoted"')).toBe(true);
    expect(inEscaped('path/to\\file')).toBe(true);
    expect(inEscaped('to\\f')).toBe(true);
  });

  it('finds a query with other characters by decoding', () => {
    expect(found('zürich')).toEqual(['a']);
    expect(found('ZÜRICH')).toEqual(['a']);
  });

  it('says where a kept text matched', () => {
    expect(spanMatch(spans[0]!, 'heat pumps', 6)).toMatchObject({
      field: 'input',
      match: 'HEAT pumps',
    });
  });
});

/** 600 sibling spans; span 10 mentions "heat pump" in its input, span 500 in its name. */
function wideTree() {
  const spans = Array.from({ length: 600 }, (_, i) =>
    makeSpan({
      id: `s${i}`,
      name: i === 500 ? 'Heat pump lookup' : `step ${i}`,
      input: i === 10 ? 'Compare a heat pump with a gas boiler' : 'nothing of note',
    }),
  );
  return buildSpanTree([makeSpan({ id: 'root', name: 'Agent.run', spans })]);
}

describe('createSpanSearchScan', () => {
  it('finds name matches anywhere before any text match, then everything, in tree order', () => {
    const tree = wideTree();
    const scan = createSpanSearchScan(tree, 'HEAT PUMP');
    const seen: string[][] = [];
    while (!scan.step(() => false)) {
      seen.push([...scan.result().matches].map((i) => tree.nodes[i]!.id));
      expect(scan.result().isComplete).toBe(false);
    }
    // Some slice showed the name match alone: the long texts come after every span's name.
    expect(seen).toContainEqual(['s500']);
    expect(seen.some((ids) => ids.includes('s10') && !ids.includes('s500'))).toBe(false);
    const last = scan.result();
    expect(last.isComplete).toBe(true);
    expect([...last.matches].map((i) => tree.nodes[i]!.id)).toEqual(['s10', 's500']);
    expect([...searchSpans(tree, 'heat pump')]).toEqual([...last.matches]);
  });

  it('keeps the results it gave: a later slice does not change them', () => {
    const tree = wideTree();
    const scan = createSpanSearchScan(tree, 'heat pump');
    while (scan.result().matches.length === 0) scan.step(() => false);
    const early = scan.result();
    const earlyMask = early.mask!.slice();
    scan.step(() => true);
    expect(early.mask).toEqual(earlyMask);
    expect(early.matches).toHaveLength(1);
    expect(scan.result().matches).toHaveLength(2);
  });

  it('is complete at once for an empty query', () => {
    const scan = createSpanSearchScan(wideTree(), '   ');
    expect(scan.step(() => false)).toBe(true);
    expect(scan.result()).toEqual({ matches: new Int32Array(0), mask: null, isComplete: true });
  });
});

describe('spanMatch', () => {
  it('says a span matched in its input, with the words around the match on one line', () => {
    const node = makeSpan({
      name: 'Agent.run',
      input: 'Compare the running costs of\nheat pumps and gas boilers in a 1970s house',
    });
    expect(spanMatch(node, 'HEAT PUMPS', 12)).toEqual({
      field: 'input',
      before: 'ng costs of ',
      match: 'heat pumps',
      after: ' and gas boi',
      isCutBefore: true,
      isCutAfter: true,
    });
  });

  it('reports the name first when the name matches too', () => {
    const node = makeSpan({ name: 'search_web', input: 'search the web' });
    expect(spanMatch(node, 'search')?.field).toBe('name');
  });

  it('finds matches in the output, the error and the tool name', () => {
    expect(spanMatch(makeSpan({ name: 'x', output: 'TSLA at 245.67' }), '245')?.field).toBe(
      'output',
    );
    expect(spanMatch(makeSpan({ name: 'x', error: 'Rate limit hit' }), 'limit')?.field).toBe(
      'error',
    );
    expect(
      spanMatch(makeSpan({ name: 'x', metadata: { tool_name: 'get_price' } }), 'price')?.field,
    ).toBe('tool');
  });

  it('keeps a short text whole, uncut', () => {
    const match = spanMatch(makeSpan({ name: 'x', output: 'ok done' }), 'done');
    expect(match).toMatchObject({
      before: 'ok ',
      after: '',
      isCutBefore: false,
      isCutAfter: false,
    });
  });

  it('is null for a span that does not match or an empty query', () => {
    expect(spanMatch(makeSpan({ name: 'x' }), 'nothing')).toBeNull();
    expect(spanMatch(makeSpan({ name: 'x' }), '  ')).toBeNull();
  });

  it('searches spans built into a tree', () => {
    const tree = buildSpanTree([makeSpan({ name: 'root', error: 'boom' })]);
    expect(spanMatch(tree.nodes[0]!, 'BOOM')?.match).toBe('boom');
  });
});
