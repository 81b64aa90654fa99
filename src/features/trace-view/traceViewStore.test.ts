import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../test/testSpans';
import { testModel } from '../../test/testModel';
import { timedSpan } from '../../test/testTraces';
import {
  collapseParams,
  createTraceViewStore,
  isSameUrlView,
  searchFromView,
  viewFromSearch,
} from './traceViewStore';
import type { TraceSearch } from './traceSearch';

// root ─┬─ llm
//       ├─ tool ─┬─ tool-1
//       │        └─ tool-2
//       └─ team ── member ── member-llm
const tree = testModel([
  makeSpan({
    id: 'root',
    type: 'AGENT',
    spans: [
      makeSpan({ id: 'llm', type: 'LLM' }),
      makeSpan({
        id: 'tool',
        type: 'TOOL',
        spans: [makeSpan({ id: 'tool-1' }), makeSpan({ id: 'tool-2' })],
      }),
      makeSpan({
        id: 'team',
        type: 'TEAM',
        spans: [
          makeSpan({
            id: 'member',
            type: 'AGENT',
            spans: [makeSpan({ id: 'member-llm', type: 'LLM' })],
          }),
        ],
      }),
    ],
  }),
]);

const collapsedIds = (collapsed: Uint8Array) =>
  tree.nodes.filter((_, i) => collapsed[i] === 1).map((node) => node.id);

describe('the view a trace link describes', () => {
  it('round-trips: the link written for a view opens that view', () => {
    const search: TraceSearch = {
      span: 'tool-1',
      panel: 'raw',
      tab: 'charts',
      group: 'tool',
      q: 'tool',
      match: 2,
      types: 'LLM,TOOL',
      errors: 1,
      repeated: 1,
      hide: 1,
      cp: 1,
      depth: 2,
      fold: 'tool',
    };
    const { state, dropped } = viewFromSearch(tree, search);
    expect(dropped).toEqual([]);
    expect(state.selectedId).toBe('tool-1');
    expect(state.panelTab).toBe('raw');
    expect(state.matchPosition).toBe(1);
    expect([...state.filter.types]).toEqual(['LLM', 'TOOL']);
    // Depth 2 collapses every parent from the second level down (tool, team, member);
    // `fold` opens tool again.
    expect(collapsedIds(state.collapsed)).toEqual(['team', 'member']);
    expect(searchFromView(tree, state)).toEqual(search);
  });

  it('writes nothing for the default view', () => {
    const { state } = viewFromSearch(tree, {});
    expect(searchFromView(tree, state)).toEqual({});
  });

  it('keeps a closed panel closed, and a span the tree lacks (the page looks it up)', () => {
    const { state, dropped } = viewFromSearch(tree, { span: 'gone', panel: 'closed' });
    expect(state.selectedId).toBe('gone');
    expect(state.isPanelOpen).toBe(false);
    expect(dropped).toEqual([]);
  });

  it('drops span types and folded ids this trace does not have, and says so', () => {
    const { state, dropped } = viewFromSearch(tree, {
      types: 'LLM,WORKFLOW',
      fold: 'team,nope,llm',
    });
    expect([...state.filter.types]).toEqual(['LLM']);
    expect(collapsedIds(state.collapsed)).toEqual(['team']);
    expect(dropped).toEqual([
      { key: 'types', value: 'WORKFLOW', reason: 'no span of this type in the trace' },
      { key: 'fold', value: 'nope,llm', reason: 'not a span with children in this trace' },
    ]);
  });

  it('leaves an error-first landing out of the link until the reader picks a span', () => {
    const { state } = viewFromSearch(tree, {}, 'tool-2');
    expect(state.selectedId).toBe('tool-2');
    expect(searchFromView(tree, state)).toEqual({});

    const store = createTraceViewStore(tree, state);
    store.getState().open(tree.indexById.get('tool-2')!);
    expect(searchFromView(tree, store.getState())).toEqual({ span: 'tool-2' });
  });

  it('“Show the whole trace” clears the landing and is written as view=all', () => {
    const store = createTraceViewStore(tree, viewFromSearch(tree, {}, 'tool-2').state);
    store.getState().showWholeTrace();
    expect(store.getState().selectedId).toBeNull();
    expect(searchFromView(tree, store.getState())).toEqual({ view: 'all' });
    expect(viewFromSearch(tree, { view: 'all' }, 'tool-2').state.selectedId).toBeNull();
  });
});

describe('the zoomed range in a link', () => {
  // A 10 s trace.
  const timed = testModel([
    timedSpan(0, 10_000_000, { id: 'run', spans: [timedSpan(2_000_000, 3_000_000, { id: 'x' })] }),
  ]);

  it('round-trips to the µs', () => {
    const { state, dropped } = viewFromSearch(timed, { zoom: '1250007-2400019' });
    expect(dropped).toEqual([]);
    expect(state.zoom).toEqual({ startUs: 1_250_007, endUs: 2_400_019 });
    expect(searchFromView(timed, state)).toEqual({ zoom: '1250007-2400019' });
  });

  it('clips a range that runs past the end, and drops one that starts after it', () => {
    expect(viewFromSearch(timed, { zoom: '9000000-99000000' }).state.zoom).toEqual({
      startUs: 9_000_000,
      endUs: 10_000_000,
    });
    const { state, dropped } = viewFromSearch(timed, { zoom: '20000000-30000000' });
    expect(state.zoom).toBeNull();
    expect(dropped).toEqual([
      { key: 'zoom', value: '20000000-30000000', reason: 'starts after the trace ends' },
    ]);
  });

  it('is left out when the range is the whole trace', () => {
    const store = createTraceViewStore(timed, viewFromSearch(timed, {}).state);
    store.getState().setZoom({ startUs: 0, endUs: 10_000_000 });
    expect(store.getState().zoom).toBeNull();
    store.getState().setZoom({ startUs: 2_000_000, endUs: 2_000_004 });
    expect(searchFromView(timed, store.getState())).toEqual({ zoom: '1999997-2000007' });
  });
});

describe('isSameUrlView', () => {
  it('tells a change the link carries from one it does not', () => {
    const store = createTraceViewStore(tree, viewFromSearch(tree, {}).state);
    const steps: [string, () => void][] = [
      ['open the help', () => store.getState().setHelpOpen(true)],
      ['scroll to a span', () => store.getState().goTo(tree.indexById.get('llm')!)],
      ['select a span', () => store.getState().open(tree.indexById.get('llm')!)],
      ['close the panel', () => store.getState().closePanel()],
      ['collapse a span', () => store.getState().toggle(tree.indexById.get('team')!)],
      ['search', () => store.getState().setQuery('get_')],
      ['zoom', () => store.getState().setZoom({ startUs: 0, endUs: 1 })],
    ];
    const changed = steps.map(([name, step]) => {
      const before = store.getState();
      step();
      return [name, !isSameUrlView(before, store.getState())];
    });
    expect(changed).toEqual([
      ['open the help', false],
      ['scroll to a span', false],
      ['select a span', true],
      ['close the panel', true],
      ['collapse a span', true],
      ['search', true],
      ['zoom', true],
    ]);
  });
});

describe('collapseParams', () => {
  it('writes the ids that differ from the depth chosen', () => {
    const collapsed = viewFromSearch(tree, { depth: 3 }).state.collapsed;
    // Depth 3 collapses the third level's parent (member); collapsing tool differs from it.
    collapsed[tree.indexById.get('tool')!] = 1;
    expect(collapseParams(tree, collapsed, 3)).toEqual({ depth: 3, fold: 'tool' });
  });

  it('falls back to the nearest depth when the ids would make the link too long', () => {
    // 400 parents, each with one child, under one root: folding all of them by hand is
    // 400 ids of 20 characters, over the cap; depth 2 gives the same view.
    const parents = Array.from({ length: 400 }, (_, i) =>
      makeSpan({ id: `parent-${String(i).padStart(13, '0')}`, spans: [makeSpan()] }),
    );
    const wide = testModel([makeSpan({ id: 'wide-root', spans: parents })]);
    const collapsed = new Uint8Array(wide.count);
    for (let i = 0; i < wide.count; i++) if (wide.depth[i] === 1) collapsed[i] = 1;
    expect(collapseParams(wide, collapsed, null)).toEqual({ depth: 2 });
  });
});

describe('swimlanes in a link', () => {
  it('round-trip on a trace with a team, and are dropped with a reason on one without', () => {
    const { state, dropped } = viewFromSearch(tree, { lanes: 1 });
    expect(dropped).toEqual([]);
    expect(state.showLanes).toBe(true);
    expect(searchFromView(tree, state)).toEqual({ lanes: 1 });

    const agentOnly = testModel([makeSpan({ type: 'AGENT', spans: [makeSpan({ type: 'LLM' })] })]);
    const asked = viewFromSearch(agentOnly, { lanes: 1 });
    expect(asked.state.showLanes).toBe(false);
    expect(asked.dropped).toEqual([
      { key: 'lanes', value: '1', reason: 'no team or workflow in this trace' },
    ]);
    expect(searchFromView(agentOnly, asked.state)).toEqual({});
  });

  it('turned off, scroll the tree to the selected span', () => {
    const store = createTraceViewStore(
      tree,
      viewFromSearch(tree, { lanes: 1, span: 'member-llm' }).state,
    );
    const before = store.getState().scrollRequest?.seq ?? -1;
    store.getState().setShowLanes(false);
    expect(store.getState().showLanes).toBe(false);
    expect(store.getState().scrollRequest).toMatchObject({
      index: tree.indexById.get('member-llm'),
    });
    expect(store.getState().scrollRequest!.seq).toBeGreaterThan(before);
  });
});

describe('the flame graph’s zoom in a link', () => {
  it('names the span zoomed into, and is dropped with a reason when the trace lacks it', () => {
    const store = createTraceViewStore(tree, viewFromSearch(tree, { tab: 'flame' }).state);
    store.getState().setFlameRoot(tree.indexById.get('tool')!);
    expect(searchFromView(tree, store.getState())).toEqual({ tab: 'flame', flame: 'tool' });
    store.getState().setFlameRoot(null);
    expect(searchFromView(tree, store.getState())).toEqual({ tab: 'flame' });

    const opened = viewFromSearch(tree, { tab: 'flame', flame: 'team' });
    expect(opened.state.flameRootId).toBe('team');
    expect(opened.dropped).toEqual([]);

    const stale = viewFromSearch(tree, { tab: 'flame', flame: 'gone' });
    expect(stale.state.flameRootId).toBeNull();
    expect(stale.dropped).toEqual([
      { key: 'flame', value: 'gone', reason: 'not a span in this trace' },
    ]);
    expect(searchFromView(tree, stale.state)).toEqual({ tab: 'flame' });
  });
});

describe('the transcript’s folded cards in a link', () => {
  it('name their spans, and ids the trace lacks are dropped with a reason', () => {
    const store = createTraceViewStore(tree, viewFromSearch(tree, { tab: 'transcript' }).state);
    store.getState().toggleTranscriptFold(tree.indexById.get('member')!);
    store.getState().toggleTranscriptFold(tree.indexById.get('team')!);
    expect(searchFromView(tree, store.getState())).toEqual({
      tab: 'transcript',
      tfold: 'member,team',
    });
    store.getState().toggleTranscriptFold(tree.indexById.get('member')!);
    expect(searchFromView(tree, store.getState())).toEqual({ tab: 'transcript', tfold: 'team' });

    const opened = viewFromSearch(tree, { tfold: 'team,gone' });
    expect([...opened.state.transcriptFolds]).toEqual(['team']);
    expect(opened.dropped).toEqual([
      { key: 'tfold', value: 'gone', reason: 'not a span in this trace' },
    ]);
  });
});
