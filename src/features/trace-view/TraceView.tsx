import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type Ref,
} from 'react';
import { LoadingState } from '../../components/PageState';
import { delegationPartner, delegationsOf } from '../../domain/trace/delegation';
import { Group, Panel, Separator } from 'react-resizable-panels';
import type { RepeatedCalls } from './analysis/repeatedCalls';
import { useCriticalPath } from './analysis/useTraceAnalyses';
import { ErrorLandingNotice } from './ErrorLandingNotice';
import { KeyboardShortcutsDialog } from './KeyboardShortcutsDialog';
import {
  LazySpanDetailsPanel as SpanDetailsPanel,
  preloadSpanDetailsPanel,
} from './span-panel/LazySpanDetailsPanel';
import { useAfterFirstPaint } from '../../lib/useAfterFirstPaint';
import type { SpanTree } from '../../domain/trace/buildSpanTree';
import {
  applySpanFilter,
  isFilterActive,
  NO_FILTER,
  spanTypesIn,
  type SpanFilter,
} from './waterfall/spanFilter';
import { computeSelfTimes } from './waterfall/selfTime';
import { createTimeScale } from './waterfall/timeScale';
import { useCollapsedSpans } from './waterfall/useCollapsedSpans';
import { useSpanSearch } from './waterfall/useSpanSearch';
import { flattenVisibleRows } from './waterfall/visibleRows';
import { Waterfall, type ScrollRequest } from './waterfall/Waterfall';
import { WaterfallToolbar } from './waterfall/WaterfallToolbar';

export interface TraceViewProps {
  tree: SpanTree;
  traceStartUs: number;
  selectedIndex: number | null;
  onSelectSpan: (spanId: string | null) => void;
  /** Shown in the panel area when the URL names a span that is not in the tree. */
  missingSpanPanel?: React.ReactNode;
  /** The span an error-first landing selected, while the page says so; null otherwise. */
  landingIndex?: number | null;
  /** The repeated calls, once found (null until then). */
  repeated?: RepeatedCalls | null;
  ref?: Ref<TraceViewHandle>;
}

/** What the page header can ask of the view. */
export interface TraceViewHandle {
  /** Shows the waterfall filtered to the repeated calls, the first of them in view. */
  showRepeated: () => void;
}

const TraceCharts = lazy(() => import('./charts/TraceCharts'));

type ViewTab = 'waterfall' | 'charts';

/** The waterfall, its controls and the span panel, side by side. Owns the view state. */
export function TraceView({
  tree,
  traceStartUs,
  selectedIndex,
  onSelectSpan,
  missingSpanPanel,
  landingIndex = null,
  repeated = null,
  ref,
}: TraceViewProps) {
  const collapse = useCollapsedSpans(tree);
  const search = useSpanSearch(tree);
  const [filter, setFilter] = useState<SpanFilter>(NO_FILTER);
  const [hideFiltered, setHideFiltered] = useState(false);
  const [isPanelOpen, setPanelOpen] = useState(selectedIndex !== null || missingSpanPanel != null);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [tab, setTab] = useState<ViewTab>('waterfall');
  const [showCriticalPath, setShowCriticalPath] = useState(false);
  const [isLandingDismissed, setLandingDismissed] = useState(false);
  // A deep link, or an error-first landing, scrolls its span to the middle on arrival.
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(() =>
    selectedIndex === null ? null : { index: selectedIndex, seq: 0, align: 'center' },
  );
  const searchInputRef = useRef<HTMLInputElement>(null);

  const selfTimes = useMemo(() => computeSelfTimes(tree), [tree]);
  const scale = useMemo(() => createTimeScale(tree.startBoundUs, tree.endBoundUs), [tree]);
  const spanTypes = useMemo(() => spanTypesIn(tree), [tree]);
  const repeatedMask = repeated?.mask ?? null;
  const filterResult = useMemo(
    () => (isFilterActive(filter) ? applySpanFilter(tree, filter, repeatedMask) : null),
    [tree, filter, repeatedMask],
  );
  const criticalPath = useCriticalPath(tree, showCriticalPath);
  const rows = useMemo(
    () =>
      flattenVisibleRows(tree, collapse.collapsed, hideFiltered ? filterResult?.keep : undefined),
    [tree, collapse.collapsed, hideFiltered, filterResult],
  );

  const { reveal } = collapse;
  const goTo = useCallback(
    (index: number) => {
      reveal(index);
      setScrollRequest((previous) => ({ index, seq: (previous?.seq ?? 0) + 1 }));
    },
    [reveal],
  );
  const select = useCallback(
    (index: number) => {
      onSelectSpan(tree.nodes[index]!.id);
      goTo(index);
    },
    [onSelectSpan, tree, goTo],
  );
  // A click or Enter acts on a row that is on screen already: nothing to reveal or scroll to.
  const openPanel = useCallback(
    (index: number) => {
      onSelectSpan(tree.nodes[index]!.id);
      setPanelOpen(true);
    },
    [onSelectSpan, tree],
  );
  const isPainted = useAfterFirstPaint();
  useEffect(() => {
    if (isPainted) preloadSpanDetailsPanel();
  }, [isPainted]);
  const closePanel = useCallback(() => setPanelOpen(false), []);

  useImperativeHandle(
    ref,
    () => ({
      showRepeated: () => {
        setTab('waterfall');
        setFilter((previous) => ({ ...previous, repeatedOnly: true }));
        const first = repeated?.groups[0]?.spans[0];
        if (first !== undefined) goTo(first);
      },
    }),
    [repeated, goTo],
  );

  const showWholeTrace = () => {
    setLandingDismissed(true);
    onSelectSpan(null);
    setPanelOpen(false);
    setScrollRequest((previous) => ({ index: 0, seq: (previous?.seq ?? 0) + 1 }));
  };
  const isLanding = landingIndex !== null && selectedIndex === landingIndex && !isLandingDismissed;

  useGlobalShortcuts({
    onSearch: () => searchInputRef.current?.focus(),
    onHelp: () => setHelpOpen(true),
    onEscape: closePanel,
    onDelegation: () => {
      if (selectedIndex === null) return;
      const partner = delegationPartner(delegationsOf(tree), selectedIndex);
      if (partner >= 0) select(partner);
    },
  });

  const handleSearchStep = (direction: 1 | -1) => {
    const index = search.step(direction);
    if (index !== null) goTo(index);
  };

  const showPanel = isPanelOpen && (selectedIndex !== null || missingSpanPanel != null);

  return (
    <div className="trace-view">
      {isLanding && (
        <ErrorLandingNotice
          tree={tree}
          index={landingIndex}
          traceStartUs={traceStartUs}
          onShowWholeTrace={showWholeTrace}
        />
      )}
      <div className="view-tabs" role="tablist" aria-label="Trace views">
        {(['waterfall', 'charts'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`trace-tab-${name}`}
            aria-controls={`trace-tabpanel-${name}`}
            aria-selected={tab === name}
            className="view-tab"
            onClick={() => setTab(name)}
          >
            {name === 'waterfall' ? 'Waterfall' : 'Charts'}
          </button>
        ))}
      </div>
      {tab === 'charts' && (
        <div
          role="tabpanel"
          id="trace-tabpanel-charts"
          aria-labelledby="trace-tab-charts"
          className="trace-tabpanel"
        >
          <Suspense fallback={<LoadingState label="Loading charts…" />}>
            <TraceCharts tree={tree} selfTimes={selfTimes} />
          </Suspense>
        </div>
      )}
      {/* The waterfall stays mounted behind the charts, so its scroll and state survive. */}
      <div
        role="tabpanel"
        id="trace-tabpanel-waterfall"
        aria-labelledby="trace-tab-waterfall"
        className="trace-tabpanel waterfall-tabpanel"
        hidden={tab !== 'waterfall'}
      >
        <div className="trace-view-bar">
          <WaterfallToolbar
            maxDepth={tree.maxDepth + 1}
            spanTypes={spanTypes}
            filter={filter}
            hideFiltered={hideFiltered}
            filterMatchCount={filterResult?.matchCount ?? null}
            searchQuery={search.query}
            searchMatchCount={search.matches.length}
            searchActivePosition={search.activePosition}
            searchInputRef={searchInputRef}
            repeatedCount={repeated === null ? null : repeated.spanCount}
            showCriticalPath={showCriticalPath}
            criticalPathSpans={criticalPath?.spanCount ?? null}
            onShowCriticalPathChange={setShowCriticalPath}
            onExpandAll={collapse.expandAll}
            onCollapseAll={collapse.collapseAll}
            onCollapseToDepth={collapse.collapseToDepth}
            onFilterChange={setFilter}
            onHideFilteredChange={setHideFiltered}
            onSearchChange={search.setQuery}
            onSearchStep={handleSearchStep}
          />
          <KeyboardShortcutsDialog isOpen={isHelpOpen} onOpenChange={setHelpOpen} />
        </div>
        <Group orientation="horizontal" className="trace-split">
          <Panel id="waterfall" minSize="30" className="trace-split-panel">
            <Waterfall
              tree={tree}
              rows={rows}
              scale={scale}
              collapsed={collapse.collapsed}
              selectedIndex={selectedIndex}
              dimmedUnless={hideFiltered ? null : (filterResult?.keep ?? null)}
              searchMatches={search.mask}
              activeMatch={search.activeIndex}
              criticalPath={criticalPath}
              repeatCounts={repeated?.groupSize ?? null}
              scrollRequest={scrollRequest}
              onToggle={collapse.toggle}
              onSetCollapsed={collapse.set}
              onSelect={select}
              onOpenPanel={openPanel}
              onClosePanel={closePanel}
            />
          </Panel>
          {showPanel && (
            <>
              <Separator className="trace-split-handle" aria-label="Resize span details" />
              <Panel id="details" defaultSize="40" minSize="20" className="trace-split-panel">
                {selectedIndex !== null ? (
                  <SpanDetailsPanel
                    tree={tree}
                    index={selectedIndex}
                    traceStartUs={traceStartUs}
                    selfTimeUs={selfTimes[selectedIndex]}
                    criticalUs={criticalPath?.criticalUs[selectedIndex]}
                    onClose={closePanel}
                    onSelectSpan={select}
                  />
                ) : (
                  missingSpanPanel
                )}
              </Panel>
            </>
          )}
        </Group>
      </div>
    </div>
  );
}

/**
 * "/" focuses the search, "?" opens the help, "d" jumps between a delegation and its member run,
 * Esc closes the panel, unless typing in a field.
 */
function useGlobalShortcuts(handlers: {
  onSearch: () => void;
  onHelp: () => void;
  onEscape: () => void;
  onDelegation: () => void;
}) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const isTyping =
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target?.isContentEditable;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') {
        if (document.querySelector('[role="dialog"]')) return; // the dialog closes itself first
        if (isTyping) target.blur();
        ref.current.onEscape();
        return;
      }
      if (isTyping) return;
      if (event.key === '/') {
        event.preventDefault();
        ref.current.onSearch();
      } else if (event.key === '?') {
        event.preventDefault();
        ref.current.onHelp();
      } else if (event.key === 'd' || event.key === 'D') {
        if (document.querySelector('[role="dialog"]')) return;
        ref.current.onDelegation();
      }
    };
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, []);
}
