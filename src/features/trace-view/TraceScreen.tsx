import { memo, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TraceDetail } from '../../api/schemas';
import { buildTraceModel, type TraceModel } from '../../domain/trace/traceModel';
import { useTraceCosts } from '../../components/cost/useTraceCosts';
import { DroppedParamsNotice } from '../../components/DroppedParamsNotice';
import { EmptyState } from '../../components/PageState';
import { countFailingSpans, traceStatus } from '../../domain/trace/traceStatus';
import { measure } from '../../lib/perf';
import type { DroppedParam } from '../../lib/searchSchema';
import { firstErrorOrigin } from './analysis/firstError';
import { useRepeatedCalls, useSelectionFactsWhenIdle } from './analysis/useTraceAnalyses';
import { MissingSpanNotice } from './MissingSpanNotice';
import { TraceActions } from './TraceActions';
import { TraceHeader } from './TraceHeader';
import { TraceNotes } from './TraceNotes';
import type { TraceSearch } from './traceSearch';
import styles from './TraceScreen.module.css';
import { TraceView } from './TraceView';
import {
  createDerivedViews,
  TraceViewContext,
  useSelectedIndex,
  useTraceView,
} from './traceViewContext';
import { createTraceViewStore, viewFromSearch } from './traceViewStore';
import { useTraceViewUrl } from './useTraceViewUrl';

/** Where a trace came from: the server (with a database), or a file opened in the browser. */
export type TraceSource = { kind: 'server'; dbId?: string } | { kind: 'file'; fileName: string };

export interface TraceScreenProps {
  trace: TraceDetail;
  /** The model of `trace` when it was built already; else the screen builds it. */
  model?: TraceModel;
  source: TraceSource;
  /** The view the URL describes (see traceSearch.ts). */
  search: TraceSearch;
  /** Writes the view to the URL, replacing the history entry. */
  onSearchChange: (search: TraceSearch) => Promise<void> | void;
  /** Search parameters the route could not read at all (bad values). */
  droppedParams?: readonly DroppedParam[];
  /** Extra actions for the header, after the page's own (download, copy, compare). */
  actions?: ReactNode;
}

/** The whole trace page for a trace in hand, whether it came from a server or from a file. */
export function TraceScreen({
  trace,
  model,
  source,
  search,
  onSearchChange,
  droppedParams = [],
  actions,
}: TraceScreenProps) {
  // Built once per trace: every later interaction works on these arrays.
  const tree = useMemo(
    () => model ?? measure('app:buildSpanTree', () => buildTraceModel(trace)),
    [trace, model],
  );
  // One view store per open trace, started from the URL. Error-first landing: a failed trace
  // opened without `?span=` shows where it went wrong first; decided once, on arrival.
  const [initial] = useState(() => {
    const landingId = search.span === undefined ? errorLandingId(trace, tree) : null;
    const view = viewFromSearch(tree, search, landingId);
    return { store: createTraceViewStore(tree, view.state), dropped: view.dropped };
  });
  const { store } = initial;
  const [dropped, setDropped] = useState([...droppedParams, ...initial.dropped]);
  const repeated = useRepeatedCalls(tree);
  useSelectionFactsWhenIdle(tree);
  const costs = useTraceCosts(tree);
  const dbId = source.kind === 'server' ? source.dbId : undefined;
  const flushUrl = useTraceViewUrl(
    tree,
    store,
    search,
    onSearchChange,
    dbId ? { db_id: dbId } : {},
  );
  const [derived] = useState(createDerivedViews);
  useEffect(() => () => derived.search.stop(), [derived]);
  // Stable, so that a URL write (which re-renders this component) skips the memoized body.
  const dismissDropped = useCallback(() => setDropped([]), []);
  const context = useMemo(
    () => ({ tree, store, repeated, costs, flushUrl, derived }),
    [tree, store, repeated, costs, flushUrl, derived],
  );

  return (
    <TraceViewContext value={context}>
      <TraceScreenBody
        trace={trace}
        tree={tree}
        source={source}
        actions={actions}
        dropped={dropped}
        onDismissDropped={dismissDropped}
      />
    </TraceViewContext>
  );
}

function errorLandingId(trace: TraceDetail, tree: TraceModel): string | null {
  if (!traceStatus(trace.status, countFailingSpans(tree.isError)).isFailed) return null;
  const index = firstErrorOrigin(tree);
  return index === null ? null : tree.nodes[index]!.id;
}

interface TraceScreenBodyProps {
  trace: TraceDetail;
  tree: TraceModel;
  source: TraceSource;
  actions: ReactNode;
  dropped: readonly DroppedParam[];
  onDismissDropped: () => void;
}

/** Memoized: a URL write re-renders the screen, and nothing here depends on the URL itself. */
const TraceScreenBody = memo(function TraceScreenBody({
  trace,
  tree,
  source,
  actions,
  dropped,
  onDismissDropped,
}: TraceScreenBodyProps) {
  const selectedId = useTraceView((state) => state.selectedId);
  const selectedIndex = useSelectedIndex();
  const clearSelection = useTraceView((state) => state.clearSelection);
  const closePanel = useTraceView((state) => state.closePanel);
  const missingId = selectedId !== null && selectedIndex === null ? selectedId : null;

  return (
    <section className={`page ${styles.page}`} aria-label={`Trace ${trace.name}`}>
      <TraceHeader
        trace={trace}
        tree={tree}
        source={source}
        actions={
          <>
            <TraceActions trace={trace} tree={tree} source={source} selectedIndex={selectedIndex} />
            {actions}
          </>
        }
        notes={<TraceNotes trace={trace} tree={tree} />}
      />
      <DroppedParamsNotice dropped={dropped} onDismiss={onDismissDropped} />
      {missingId !== null && (
        <MissingSpanNotice.Banner spanId={missingId} onDismiss={clearSelection} />
      )}
      {tree.count > 0 ? (
        <TraceView
          traceInput={trace.input ?? null}
          missingSpanPanel={
            missingId !== null && source.kind === 'server' ? (
              <MissingSpanNotice.Panel
                traceId={trace.trace_id}
                spanId={missingId}
                dbId={source.dbId}
                onClose={closePanel}
              />
            ) : undefined
          }
        />
      ) : (
        <EmptyState title="This trace has no spans">
          <p className="muted">The trace came without a span tree.</p>
        </EmptyState>
      )}
    </section>
  );
});
