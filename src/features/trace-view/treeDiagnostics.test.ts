import { describe, expect, it } from 'vitest';
import type { TraceDetail, TraceNode } from '../../api/schemas';
import { parseTraceDetail } from '../../api/parse';
import { DEFAULT_NOW_MS } from '../../mocks/mockDatabase';
import { generateTrace } from '../../mocks/generateTrace';
import { ODD_TRACE_IDS, generateOddTraces } from '../../mocks/oddTraces';
import { toJsonText } from '../../lib/jsonText';
import { diagnoseTrace, lacksZone, type TraceNoteKind } from './treeDiagnostics';
import { buildTraceModel } from '../../domain/trace/traceModel';
import { makeSpan } from '../../test/testSpans';

function traceOf(tree: TraceNode[], overrides: Partial<TraceDetail> = {}): TraceDetail {
  let count = 0;
  const stack = [...tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    count++;
    stack.push(...(node.spans ?? []));
  }
  return {
    trace_id: 't',
    name: 'root',
    status: 'OK',
    duration: '1ms',
    start_time: '2025-11-19T10:30:00Z',
    end_time: '2025-11-19T10:30:01Z',
    created_at: '2025-11-19T10:30:01Z',
    total_spans: count,
    error_count: 0,
    tree,
    ...overrides,
  };
}

function notesOf(trace: TraceDetail) {
  return diagnoseTrace(trace, buildTraceModel(trace));
}

function kinds(trace: TraceDetail): TraceNoteKind[] {
  return notesOf(trace).map((note) => note.kind);
}

/** Through JSON and the app's parser, as the page gets it. */
function oddTrace(id: string): TraceDetail {
  const odd = generateOddTraces(DEFAULT_NOW_MS).find((t) => t.summary.trace_id === id);
  if (!odd) throw new Error(`no odd trace ${id}`);
  return parseTraceDetail(JSON.parse(toJsonText(odd.detail())));
}

describe('diagnoseTrace', () => {
  it('has nothing to say about ordinary data', () => {
    const trace = generateTrace({
      seed: 3,
      startMs: DEFAULT_NOW_MS,
      orphanRoots: 0,
      droppedSpans: 0,
    });
    expect(notesOf(trace)).toEqual([]);
  });

  it('reports a span listed under two parents, and two spans sharing an id', () => {
    const notes = notesOf(oddTrace(ODD_TRACE_IDS.duplicateIds));
    expect(notes.map((n) => n.kind)).toEqual(['span-count', 'duplicate-ids']);
    expect(notes[0]?.message).toMatch(/^The tree holds 9 spans, more than the 7 the server counts/);
    const note = notes.find((n) => n.kind === 'duplicate-ids');
    expect(note?.severity).toBe('warning');
    // shared-subtree-0001 and its child come twice, same-id-0005 twice: 3 ids, 3 extra copies.
    expect(note?.message).toMatch(/^3 span ids appear more than once \(3 extra copies\)/);
    expect(note?.examples).toEqual(['shared-subtree-0001', 'shared-child-0002', 'same-id-0005']);
  });

  it('reports an empty tree, with the server’s count', () => {
    const notes = notesOf(oddTrace(ODD_TRACE_IDS.emptyTree));
    expect(notes.map((n) => n.kind)).toEqual(['empty-tree']);
    expect(notes[0]?.message).toContain('the server counts 4 spans');
    expect(notes[0]?.message).toBe(
      'The tree is empty, although the server counts 4 spans for this trace (dropped or late spans).',
    );
    expect(kinds(traceOf([], { total_spans: 0 }))).toEqual(['empty-tree']);
  });

  it('reports spans that end before they start, and zero durations', () => {
    const notes = notesOf(oddTrace(ODD_TRACE_IDS.negativeDurations));
    expect(notes.map((n) => n.kind)).toEqual(['end-before-start', 'zero-duration']);
    expect(notes[0]?.message).toMatch(/^2 spans end before it starts/);
    expect(notes[0]?.examples).toEqual(['ends-before-start-0001', 'negative-text-0002']);
    expect(notes[1]?.message).toMatch(/^2 spans last exactly zero/);
  });

  it('says when the trace itself ends before it starts', () => {
    const trace = traceOf([makeSpan()], {
      start_time: '2025-11-19T10:30:01Z',
      end_time: '2025-11-19T10:30:00Z',
    });
    const [note] = notesOf(trace);
    expect(note?.kind).toBe('end-before-start');
    expect(note?.message).toMatch(/^The trace itself ends before it starts/);
  });

  it('reports timestamps without a zone, read as UTC', () => {
    const notes = notesOf(oddTrace(ODD_TRACE_IDS.zonelessDates));
    expect(notes.map((n) => n.kind)).toEqual(['zoneless-dates']);
    // 3 spans × 2 + the trace's start, end and creation time.
    expect(notes[0]?.message).toBe('9 timestamps have no time zone: read as UTC.');
    expect(notes[0]?.severity).toBe('info');
  });

  it('reports times that are not dates, the trace’s own included', () => {
    const notes = notesOf(oddTrace(ODD_TRACE_IDS.unparsableDates));
    const note = notes.find((n) => n.kind === 'unparsable-dates');
    expect(note?.message).toMatch(
      /^3 span times are not dates; the trace's end time is not a date:/,
    );
    expect(note?.examples).toEqual(['yesterday', '', '19/11/2025 10:30:00']);
  });

  it('compares total_spans with the tree, both ways', () => {
    const high = notesOf(oddTrace(ODD_TRACE_IDS.moreSpansCounted));
    expect(high.map((n) => n.kind)).toEqual(['span-count']);
    expect(high[0]?.message).toBe(
      'The server counts 5,000 spans; the tree holds 4: 4,996 missing (dropped or late spans).',
    );
    const low = notesOf(oddTrace(ODD_TRACE_IDS.fewerSpansCounted));
    expect(low.map((n) => n.kind)).toEqual(['span-count']);
    expect(low[0]?.message).toMatch(/^The tree holds 4 spans, more than the 1 the server counts/);
    expect(low[0]?.severity).toBe('info');
  });

  it('reports orphan roots', () => {
    const notes = notesOf(oddTrace(ODD_TRACE_IDS.orphanRoots));
    expect(notes.map((n) => n.kind)).toEqual(['orphan-roots']);
    expect(notes[0]?.message).toMatch(/^2 spans have no parent in the tree/);
  });

  it('says when a trace is very wide or very deep, and stays quick on them', () => {
    const expected: [string, TraceNoteKind, RegExp][] = [
      [ODD_TRACE_IDS.manySiblings, 'wide-tree', /^One span has 100,000 direct children/],
      [ODD_TRACE_IDS.deepChain, 'deep-tree', /^The tree is 10,000 levels deep/],
    ];
    for (const [id, kind, message] of expected) {
      const trace = oddTrace(id);
      const tree = buildTraceModel(trace);
      const started = performance.now();
      const notes = diagnoseTrace(trace, tree);
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(notes.map((n) => n.kind)).toEqual([kind]);
      expect(notes[0]?.message).toMatch(message);
    }
  });

  it('says when texts are over a million characters', () => {
    const notes = notesOf(oddTrace(ODD_TRACE_IDS.hugeStrings));
    expect(notes.map((n) => n.kind)).toEqual(['large-text']);
    expect(notes[0]?.message).toMatch(
      /^3 texts are over 1 million characters \(the largest, the trace's output, has 10,000,000\)/,
    );
  });

  it('keeps examples short, whatever the server sent', () => {
    const long = `${'x'.repeat(500)}`;
    const trace = traceOf([makeSpan({ start_time: long })]);
    const note = notesOf(trace).find((n) => n.kind === 'unparsable-dates');
    expect(note?.examples[0]).toBe(`${'x'.repeat(60)}…`);
  });
});

describe('lacksZone', () => {
  it('tells zone-less timestamps from zoned and unparsable ones', () => {
    expect(lacksZone('2025-11-19T10:30:00.123456', 1)).toBe(true);
    expect(lacksZone('2025-11-19 10:30:00', 1)).toBe(true);
    expect(lacksZone('2025-11-19T10:30', 1)).toBe(true);
    expect(lacksZone('2025-11-19T10:30:00Z', 1)).toBe(false);
    expect(lacksZone('2025-11-19T10:30:00.5+05:30', 1)).toBe(false);
    expect(lacksZone('2025-11-19T10:30:00-0800', 1)).toBe(false);
    expect(lacksZone('nonsense', Number.NaN)).toBe(false);
  });
});
