import { createContext, useContext, useDeferredValue, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { TraceCostsView } from '../../components/cost/useTraceCosts';
import type { TraceModel } from '../../domain/trace/traceModel';
import { memoizeLast } from '../../lib/memoizeLast';
import type { RepeatedCalls } from './analysis/repeatedCalls';
import { useCriticalPath } from './analysis/useTraceAnalyses';
import type { TraceViewActions, TraceViewState, TraceViewStore } from './traceViewStore';
import { applySpanFilter, isFilterActive } from './waterfall/spanFilter';
import { createSpanSearchRunner } from './waterfall/spanSearchRunner';
import { flattenVisibleRows } from './waterfall/visibleRows';

/** What every part of an open trace shares: its tree, its view store, the slow analyses. */
export interface TraceViewContextValue {
  tree: TraceModel;
  store: TraceViewStore;
  /** The repeated calls, once found (null until then). */
  repeated: RepeatedCalls | null;
  /** The estimated costs and context use, once the price tables have loaded (null until then). */
  costs: TraceCostsView | null;
  /** Writes a pending view change to the URL now (before the link is copied). */
  flushUrl: () => Promise<void>;
  derived: DerivedViews;
}

/** Computations several components read in the same render, done once per input. */
export function createDerivedViews() {
  return {
    filter: memoizeLast(applySpanFilter),
    search: createSpanSearchRunner(),
    rows: memoizeLast(flattenVisibleRows),
  };
}
type DerivedViews = ReturnType<typeof createDerivedViews>;

export const TraceViewContext = createContext<TraceViewContextValue | null>(null);

export function useTraceViewContext(): TraceViewContextValue {
  const value = useContext(TraceViewContext);
  if (!value) throw new Error('useTraceViewContext outside a TraceViewContext provider');
  return value;
}

/** The open trace's costs; null until the tables load, or outside a trace (panel tests). */
export function useTraceCostsView(): TraceCostsView | null {
  return useContext(TraceViewContext)?.costs ?? null;
}

/** A slice of the open trace's view state; the component re-renders when that slice changes. */
export function useTraceView<T>(selector: (state: TraceViewState & TraceViewActions) => T): T {
  return useStore(useTraceViewContext().store, selector);
}

export function useTraceActions(): TraceViewActions {
  return useTraceViewContext().store.getState();
}

export function useSelectedIndex(): number | null {
  const { tree } = useTraceViewContext();
  const selectedId = useTraceView((state) => state.selectedId);
  return selectedId === null ? null : (tree.indexById.get(selectedId) ?? null);
}

/** The type/error/repeated filter's result, null when no filter is on. */
export function useFilterResult() {
  const { tree, repeated, derived } = useTraceViewContext();
  const filter = useTraceView((state) => state.filter);
  return isFilterActive(filter) ? derived.filter(tree, filter, repeated?.mask ?? null) : null;
}

/**
 * The span search's matches, from a deferred copy of the query: typing stays responsive while a
 * 100,000-span scan runs, with no fixed debounce before results appear.
 */
export function useSpanSearch() {
  const { tree, derived } = useTraceViewContext();
  const query = useTraceView((state) => state.query);
  const matchPosition = useTraceView((state) => state.matchPosition);
  const searchedQuery = useDeferredValue(query);
  const { matches, mask, isComplete } = useSyncExternalStore(derived.search.subscribe, () =>
    derived.search.result(tree, searchedQuery),
  );
  const activePosition = matches.length === 0 ? -1 : Math.min(matchPosition, matches.length - 1);
  const { store } = useTraceViewContext();
  return {
    query,
    /** The query `matches` were found for (it lags `query` while a new search runs). */
    searchedQuery,
    matches,
    mask,
    /** False while the long texts are still being looked through: `matches` will grow. */
    isComplete,
    activePosition,
    activeIndex: activePosition >= 0 ? matches[activePosition]! : null,
    /** Moves to the next (1) or previous (-1) match, wrapping, and shows it. */
    step: (direction: 1 | -1) => {
      if (matches.length === 0) return;
      const next = (activePosition + direction + matches.length) % matches.length;
      store.getState().setMatchPosition(next);
      store.getState().goTo(matches[next]!);
    },
  };
}

export function useVisibleRows(): Int32Array {
  const { tree, derived } = useTraceViewContext();
  const collapsed = useTraceView((state) => state.collapsed);
  const hideFiltered = useTraceView((state) => state.hideFiltered);
  const filterResult = useFilterResult();
  return derived.rows(tree, collapsed, hideFiltered ? filterResult?.keep : undefined);
}

/** The critical path while its toggle is on (computed on first use, then kept). */
export function useShownCriticalPath() {
  const { tree } = useTraceViewContext();
  return useCriticalPath(
    tree,
    useTraceView((state) => state.showCriticalPath),
  );
}
