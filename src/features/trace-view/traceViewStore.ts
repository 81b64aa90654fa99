import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SpanTree } from '../../domain/trace/buildSpanTree';
import type { DroppedParam } from '../../lib/searchSchema';
import type { BreakdownGrouping } from './analysis/timeBreakdown';
import { hasLanes } from './swimlanes/hasLanes';
import {
  FOLD_TEXT_CAP,
  listParam,
  splitList,
  type PanelTab,
  type TraceSearch,
  type ViewTab,
} from './traceSearch';
import { fitZoom, formatZoom, parseZoom, type Zoom } from './timeline/timeRange';
import type { SpanFilter } from './waterfall/spanFilter';
import {
  collapseToDepth,
  expandAll,
  expandAncestors,
  setCollapsed,
  toggleCollapsed,
  type CollapsedSpans,
} from './waterfall/visibleRows';

interface ScrollRequest {
  index: number;
  /** Changes on every request, so asking twice for the same span scrolls twice. */
  seq: number;
  /** `center` for a jump (a link, a search step, the span a page opens on); `auto` (the least
   * movement) for a keyboard step. */
  align: 'auto' | 'center';
}

/**
 * Everything a reader of one trace has chosen to see. One store per open trace (Jaeger UI's
 * timeline store is the model): components subscribe to the slice they show, and the URL is
 * this state's serialisation (`toSearch`), so a copied link opens the same view.
 */
export interface TraceViewState {
  /** The selected span's id; it may name a span the tree lacks (a stale or hand-made link). */
  selectedId: string | null;
  isPanelOpen: boolean;
  panelTab: PanelTab;
  viewTab: ViewTab;
  grouping: BreakdownGrouping;
  query: string;
  /** Position of the active match among the search's matches (0-based). */
  matchPosition: number;
  filter: SpanFilter;
  hideFiltered: boolean;
  showCriticalPath: boolean;
  collapsed: CollapsedSpans;
  /** The "Show depth" the collapse state started from; null for all expanded. */
  collapseDepth: number | null;
  /** The span an error-first landing selected; it stays out of the URL until the user moves. */
  landingId: string | null;
  /** "Show the whole trace" was pressed after an error-first landing. */
  isLandingDismissed: boolean;
  scrollRequest: ScrollRequest | null;
  isHelpOpen: boolean;
  /** The header's summary (times, ids, input, output, error) is unfolded. */
  isSummaryOpen: boolean;
  /** The span panel takes most of the width; the waterfall shrinks to a tree of names. */
  isPanelMaximised: boolean;
  /** The waterfall's time range (offsets from the axis start, whole µs); null for all of it. */
  zoom: Zoom | null;
  /** The waterfall shows one lane per agent or workflow step instead of the span tree. */
  showLanes: boolean;
  /** The span the flame graph is zoomed into; null for the whole trace. */
  flameRootId: string | null;
  /** The spans whose cards the transcript shows folded. */
  transcriptFolds: ReadonlySet<string>;
}

export interface TraceViewActions {
  /**
   * Selects a span, reveals it and scrolls it into view: to the middle of the waterfall for a
   * jump (links, search, landing), with the least movement (`auto`) for a step by keyboard.
   */
  select: (index: number, align?: ScrollRequest['align']) => void;
  /** Selects a span already on screen and opens the panel (a click, Enter). */
  open: (index: number) => void;
  /** Scrolls a span to the middle of the waterfall, expanding its ancestors. */
  goTo: (index: number, align?: ScrollRequest['align']) => void;
  clearSelection: () => void;
  closePanel: () => void;
  setPanelTab: (tab: PanelTab) => void;
  setViewTab: (tab: ViewTab) => void;
  setGrouping: (grouping: BreakdownGrouping) => void;
  setQuery: (query: string) => void;
  setMatchPosition: (position: number) => void;
  setFilter: (filter: SpanFilter) => void;
  setHideFiltered: (hide: boolean) => void;
  setShowCriticalPath: (show: boolean) => void;
  toggle: (index: number) => void;
  setCollapsed: (index: number, collapsed: boolean) => void;
  expandAll: () => void;
  collapseToDepth: (levels: number) => void;
  /** Filters the waterfall to the repeated calls and shows the first of them. */
  showRepeated: (first: number | null) => void;
  showWholeTrace: () => void;
  setHelpOpen: (open: boolean) => void;
  setSummaryOpen: (open: boolean) => void;
  setPanelMaximised: (maximised: boolean) => void;
  /** Zooms the waterfall to a range (fitted to the trace: see `fitZoom`); null shows it all. */
  setZoom: (zoom: Zoom | null) => void;
  /** Swimlanes on or off; back in the tree, the selected span is scrolled to. */
  setShowLanes: (show: boolean) => void;
  /** Zooms the flame graph into a span's subtree; null shows the whole trace. */
  setFlameRoot: (index: number | null) => void;
  /** Folds or unfolds the transcript's card of a span. */
  toggleTranscriptFold: (index: number) => void;
  /** Replaces the view with the one a URL describes (Back, a link to this same trace). */
  applySearch: (search: TraceSearch) => void;
}

export type TraceViewStore = StoreApi<TraceViewState & TraceViewActions>;

export interface InitialView {
  state: TraceViewState;
  /** What the URL asked for that this trace does not have. */
  dropped: DroppedParam[];
}

/**
 * The view a URL describes, checked against the trace: span types it does not have and ids it
 * does not contain are dropped and reported. A selected span that is not in the tree is kept:
 * the page looks it up on the server.
 */
export function viewFromSearch(
  tree: SpanTree,
  search: TraceSearch,
  landingId: string | null = null,
): InitialView {
  const dropped: DroppedParam[] = [];
  const typesInTrace = new Set(tree.nodes.map((node) => node.type));
  const types = new Set<string>();
  for (const type of splitList(search.types)) {
    if (typesInTrace.has(type)) types.add(type);
    else dropped.push({ key: 'types', value: type, reason: 'no span of this type in the trace' });
  }

  const depth = search.depth ?? null;
  let collapsed = depth === null ? expandAll(tree) : collapseToDepth(tree, depth);
  const unknownFolds: string[] = [];
  for (const id of splitList(search.fold)) {
    const index = tree.indexById.get(id);
    if (index === undefined || tree.childCount[index] === 0) unknownFolds.push(id);
    else collapsed = toggleCollapsed(collapsed, index);
  }
  if (unknownFolds.length > 0) {
    dropped.push({
      key: 'fold',
      value: unknownFolds.join(','),
      reason: 'not a span with children in this trace',
    });
  }

  let zoom: Zoom | null = null;
  if (search.zoom !== undefined) {
    const asked = parseZoom(search.zoom);
    zoom = asked && fitZoom(asked, axisLengthUs(tree));
    if (asked && asked.startUs >= axisLengthUs(tree)) {
      dropped.push({ key: 'zoom', value: search.zoom, reason: 'starts after the trace ends' });
    }
  }

  // Lanes are for teams and workflows: a link asking them of a single agent's run says so.
  const hasLaneSpans = hasLanes(typesInTrace);
  if (search.lanes === 1 && !hasLaneSpans) {
    dropped.push({ key: 'lanes', value: '1', reason: 'no team or workflow in this trace' });
  }

  const flameRootId =
    search.flame !== undefined && tree.indexById.has(search.flame) ? search.flame : null;
  if (search.flame !== undefined && flameRootId === null) {
    dropped.push({ key: 'flame', value: search.flame, reason: 'not a span in this trace' });
  }

  const transcriptFolds = new Set<string>();
  const unknownCards: string[] = [];
  for (const id of splitList(search.tfold)) {
    if (tree.indexById.has(id)) transcriptFolds.add(id);
    else unknownCards.push(id);
  }
  if (unknownCards.length > 0) {
    dropped.push({
      key: 'tfold',
      value: unknownCards.join(','),
      reason: 'not a span in this trace',
    });
  }

  const selectedId = search.span ?? (search.view === 'all' ? null : landingId);
  const selectedIndex = selectedId === null ? undefined : tree.indexById.get(selectedId);
  const state: TraceViewState = {
    selectedId,
    isPanelOpen: selectedId !== null && search.panel !== 'closed',
    panelTab: search.panel === 'raw' ? 'raw' : 'details',
    viewTab: search.tab ?? 'waterfall',
    grouping: search.group ?? 'type',
    query: search.q ?? '',
    matchPosition: (search.match ?? 1) - 1,
    filter: {
      types,
      errorsOnly: search.errors === 1,
      repeatedOnly: search.repeated === 1,
    },
    hideFiltered: search.hide === 1,
    showCriticalPath: search.cp === 1,
    collapsed,
    collapseDepth: depth,
    landingId: search.span === undefined ? landingId : null,
    isLandingDismissed: search.view === 'all',
    // A deep link, or an error-first landing, scrolls its span to the middle on arrival.
    scrollRequest:
      selectedIndex === undefined ? null : { index: selectedIndex, seq: 0, align: 'center' },
    isHelpOpen: false,
    isSummaryOpen: search.summary === 1,
    isPanelMaximised: search.layout === 'max',
    zoom,
    showLanes: search.lanes === 1 && hasLaneSpans,
    flameRootId,
    transcriptFolds,
  };
  return { state, dropped };
}

/** The length of the trace's time axis, µs (the tree's bounds are the model's axis). */
function axisLengthUs(tree: SpanTree): number {
  const length = tree.endBoundUs - tree.startBoundUs;
  return Number.isFinite(length) && length > 0 ? length : 0;
}

/**
 * The part of the view a link carries: `searchFromView` can read only these (its parameter's
 * type says so), and a change to any of them is written to the URL (see useTraceViewUrl.ts).
 * Scroll requests and the help dialog stay out of links.
 */
const URL_VIEW_KEYS = [
  'selectedId',
  'isPanelOpen',
  'panelTab',
  'viewTab',
  'grouping',
  'query',
  'matchPosition',
  'filter',
  'hideFiltered',
  'showCriticalPath',
  'collapsed',
  'collapseDepth',
  'landingId',
  'isLandingDismissed',
  'isSummaryOpen',
  'isPanelMaximised',
  'zoom',
  'showLanes',
  'flameRootId',
  'transcriptFolds',
] as const satisfies ReadonlyArray<keyof TraceViewState>;

type UrlView = Pick<TraceViewState, (typeof URL_VIEW_KEYS)[number]>;

/** Whether two states have the same link: compared by reference, without building either. */
export function isSameUrlView(a: UrlView, b: UrlView): boolean {
  return URL_VIEW_KEYS.every((key) => a[key] === b[key]);
}

/** The URL for a view: defaults left out, so links stay short. */
export function searchFromView(tree: SpanTree, view: UrlView): TraceSearch {
  const search: TraceSearch = {};
  const isLanding = view.landingId !== null && view.selectedId === view.landingId;
  if (view.selectedId !== null && !isLanding) search.span = view.selectedId;
  if (view.selectedId !== null && !view.isPanelOpen) search.panel = 'closed';
  else if (view.panelTab !== 'details') search.panel = view.panelTab;
  if (view.viewTab !== 'waterfall') search.tab = view.viewTab;
  if (view.grouping !== 'type') search.group = view.grouping;
  if (view.query.trim() !== '') {
    search.q = view.query;
    if (view.matchPosition > 0) search.match = view.matchPosition + 1;
  }
  const types = listParam([...view.filter.types].sort());
  if (types !== undefined) search.types = types;
  if (view.filter.errorsOnly) search.errors = 1;
  if (view.filter.repeatedOnly) search.repeated = 1;
  if (view.hideFiltered) search.hide = 1;
  if (view.showCriticalPath) search.cp = 1;
  Object.assign(search, collapseParams(tree, view.collapsed, view.collapseDepth));
  if (view.isLandingDismissed) search.view = 'all';
  if (view.isSummaryOpen) search.summary = 1;
  if (view.isPanelMaximised) search.layout = 'max';
  if (view.zoom !== null) search.zoom = formatZoom(view.zoom);
  if (view.showLanes) search.lanes = 1;
  if (view.flameRootId !== null) search.flame = view.flameRootId;
  const transcriptFolds = listParam(view.transcriptFolds);
  if (transcriptFolds !== undefined) search.tfold = transcriptFolds;
  return search;
}

/** The last collapse params per collapse state: a selection's URL write leaves it as it was. */
const collapseParamsOf = new WeakMap<
  CollapsedSpans,
  { tree: SpanTree; depth: number | null; params: Pick<TraceSearch, 'depth' | 'fold'> }
>();

/**
 * The collapse state as `depth` plus the ids that differ from it. A list too long for a link
 * falls back to the depth that differs from the state in the fewest parents. Kept per state:
 * finding them is a pass over every span (15 ms of each click at 100,000 spans), and most URL
 * writes (selection, tabs, search) do not change what is collapsed.
 */
export function collapseParams(
  tree: SpanTree,
  collapsed: CollapsedSpans,
  depth: number | null,
): Pick<TraceSearch, 'depth' | 'fold'> {
  const known = collapseParamsOf.get(collapsed);
  if (known?.tree === tree && known.depth === depth) return known.params;
  const params = findCollapseParams(tree, collapsed, depth);
  collapseParamsOf.set(collapsed, { tree, depth, params });
  return params;
}

function findCollapseParams(
  tree: SpanTree,
  collapsed: CollapsedSpans,
  depth: number | null,
): Pick<TraceSearch, 'depth' | 'fold'> {
  const differing = (base: number | null) => {
    const baseline = base === null ? expandAll(tree) : collapseToDepth(tree, base);
    const ids: string[] = [];
    for (let i = 0; i < tree.count; i++) {
      if (collapsed[i] !== baseline[i]) ids.push(tree.nodes[i]!.id);
    }
    return ids;
  };
  const ids = differing(depth);
  const fold = listParam(ids);
  if (fold === undefined || fold.length <= FOLD_TEXT_CAP) {
    return { ...(depth !== null && { depth }), ...(fold !== undefined && { fold }) };
  }
  let best = { depth: null as number | null, count: ids.length };
  for (let levels = 1; levels <= tree.maxDepth + 1; levels++) {
    const count = differing(levels).length;
    if (count < best.count) best = { depth: levels, count };
  }
  return best.depth === null ? {} : { depth: best.depth };
}

export function createTraceViewStore(tree: SpanTree, initial: TraceViewState): TraceViewStore {
  return createStore<TraceViewState & TraceViewActions>()((set, get) => {
    const nextScroll = (index: number, align: ScrollRequest['align']): ScrollRequest => ({
      index,
      seq: (get().scrollRequest?.seq ?? 0) + 1,
      align,
    });
    const goTo = (index: number, align: ScrollRequest['align'] = 'center') =>
      set((state) => ({
        collapsed: expandAncestors(tree, state.collapsed, index),
        scrollRequest: nextScroll(index, align),
      }));
    return {
      ...initial,
      goTo,
      // A span the reader picks ends the error-first landing: from then on the link names it.
      select: (index, align) => {
        set({ selectedId: tree.nodes[index]!.id, landingId: null });
        goTo(index, align);
      },
      open: (index) =>
        set({ selectedId: tree.nodes[index]!.id, isPanelOpen: true, landingId: null }),
      clearSelection: () => set({ selectedId: null, isPanelOpen: false }),
      closePanel: () => set({ isPanelOpen: false }),
      setPanelTab: (panelTab) => set({ panelTab }),
      setViewTab: (viewTab) => set({ viewTab }),
      setGrouping: (grouping) => set({ grouping }),
      setQuery: (query) => set({ query, matchPosition: 0 }),
      setMatchPosition: (matchPosition) => set({ matchPosition }),
      setFilter: (filter) => set({ filter }),
      setHideFiltered: (hideFiltered) => set({ hideFiltered }),
      setShowCriticalPath: (showCriticalPath) => set({ showCriticalPath }),
      toggle: (index) => set((state) => ({ collapsed: toggleCollapsed(state.collapsed, index) })),
      setCollapsed: (index, value) =>
        set((state) => ({ collapsed: setCollapsed(state.collapsed, index, value) })),
      expandAll: () => set({ collapsed: expandAll(tree), collapseDepth: null }),
      collapseToDepth: (levels) =>
        set({ collapsed: collapseToDepth(tree, levels), collapseDepth: levels }),
      showRepeated: (first) => {
        set((state) => ({ viewTab: 'waterfall', filter: { ...state.filter, repeatedOnly: true } }));
        if (first !== null) goTo(first);
      },
      showWholeTrace: () =>
        set({
          isLandingDismissed: true,
          selectedId: null,
          isPanelOpen: false,
          scrollRequest: nextScroll(0, 'center'),
        }),
      setHelpOpen: (isHelpOpen) => set({ isHelpOpen }),
      setSummaryOpen: (isSummaryOpen) => set({ isSummaryOpen }),
      setPanelMaximised: (isPanelMaximised) => set({ isPanelMaximised, isPanelOpen: true }),
      setZoom: (zoom) => {
        const fitted = zoom && fitZoom(zoom, axisLengthUs(tree));
        const current = get().zoom;
        if (fitted?.startUs === current?.startUs && fitted?.endUs === current?.endUs) return;
        set({ zoom: fitted });
      },
      setShowLanes: (showLanes) => {
        const selected = get().selectedId;
        const index = selected === null ? undefined : tree.indexById.get(selected);
        set({ showLanes });
        if (!showLanes && index !== undefined) goTo(index);
      },
      setFlameRoot: (index) => set({ flameRootId: index === null ? null : tree.nodes[index]!.id }),
      toggleTranscriptFold: (index) =>
        set((state) => {
          const id = tree.nodes[index]!.id;
          const transcriptFolds = new Set(state.transcriptFolds);
          if (!transcriptFolds.delete(id)) transcriptFolds.add(id);
          return { transcriptFolds };
        }),
      applySearch: (search) => {
        const { state } = viewFromSearch(tree, search, get().landingId);
        set({
          ...state,
          scrollRequest: state.scrollRequest && nextScroll(state.scrollRequest.index, 'center'),
        });
      },
    };
  });
}
