import { lazy, Suspense, useEffect, useRef } from 'react';
import { LoadingState } from '../../components/PageState';
import { delegationPartner } from '../../domain/trace/delegation';
import { useAfterFirstPaint } from '../../lib/useAfterFirstPaint';
import { useMediaQuery } from '../../lib/useMediaQuery';
import { ErrorLandingNotice } from './ErrorLandingNotice';
import { LazyTabPanel } from './LazyTabPanel';
import {
  LazySpanDetailsPanel as SpanDetailsPanel,
  preloadSpanDetailsPanel,
} from './span-panel/LazySpanDetailsPanel';
import { VIEW_TABS, type ViewTab } from './traceSearch';
import { tabIndexAfterKey } from '../../lib/tablistKeys';
import {
  useSelectedIndex,
  useShownCriticalPath,
  useTraceActions,
  useTraceView,
  useTraceViewContext,
} from './traceViewContext';
import styles from './TraceView.module.css';
import { Waterfall } from './waterfall/Waterfall';
import { WaterfallToolbar } from './waterfall/WaterfallToolbar';
import { useErrorSteps } from './ErrorStepper';
import { SpanSplit } from './SpanSplit';
import { PeerStepper, usePeerSteps } from './PeerStepper';

export interface TraceViewProps {
  /** The trace's own input (the user's message), for the transcript. */
  traceInput?: string | null;
  /** Shown in the panel area when the URL names a span that is not in the tree. */
  missingSpanPanel?: React.ReactNode;
}

const TraceCharts = lazy(() => import('./charts/TraceCharts'));
const FlameGraphView = lazy(() => import('./flame-graph/FlameGraphView'));
const TranscriptView = lazy(() => import('./transcript/TranscriptView'));

const SwimlanesView = lazy(() => import('./swimlanes/SwimlanesView'));

/** Below this width the panel is a sheet over the waterfall rather than a column beside it. */
const NARROW_QUERY = '(width <= 720px)';

const VIEW_TAB_LABELS: Record<ViewTab, string> = {
  waterfall: 'Waterfall',
  transcript: 'Transcript',
  charts: 'Charts',
  flame: 'Flame graph',
};

/** The view tabs (waterfall, charts, flame graph), the waterfall with its controls and the span panel. */
export function TraceView({ missingSpanPanel, traceInput = null }: TraceViewProps) {
  const { tree } = useTraceViewContext();
  const actions = useTraceActions();
  const viewTab = useTraceView((state) => state.viewTab);
  const isPanelOpen = useTraceView((state) => state.isPanelOpen);
  const isMaximised = useTraceView((state) => state.isPanelMaximised);
  const landingId = useTraceView((state) => state.landingId);
  const showLanes = useTraceView((state) => state.showLanes);
  const isLandingDismissed = useTraceView((state) => state.isLandingDismissed);
  const selectedIndex = useSelectedIndex();
  const searchInputRef = useRef<HTMLInputElement>(null);
  const isNarrow = useMediaQuery(NARROW_QUERY);

  const isPainted = useAfterFirstPaint();
  useEffect(() => {
    if (isPainted) preloadSpanDetailsPanel();
  }, [isPainted]);

  const errorSteps = useErrorSteps();
  const peerSteps = usePeerSteps();
  useGlobalShortcuts({
    onSearch: () => searchInputRef.current?.focus(),
    onHelp: () => actions.setHelpOpen(true),
    onEscape: actions.closePanel,
    onDelegation: () => {
      if (selectedIndex === null) return;
      const partner = delegationPartner(tree.delegations, selectedIndex);
      if (partner >= 0) actions.select(partner);
    },
    onStepError: errorSteps.step,
    onStepPeer: peerSteps.step,
  });

  const landingIndex = landingId === null ? undefined : tree.indexById.get(landingId);
  const isLanding =
    landingIndex !== undefined && selectedIndex === landingIndex && !isLandingDismissed;
  const showPanel = isPanelOpen && (selectedIndex !== null || missingSpanPanel != null);
  const panel = showPanel ? (
    <SpanPanelSlot isNarrow={isNarrow} missingSpanPanel={missingSpanPanel} />
  ) : null;
  // The flame graph and the transcript show the panel beside themselves; the hidden waterfall
  // does not keep a second.
  const waterfallPanel = viewTab === 'waterfall' || viewTab === 'charts' ? panel : null;

  return (
    <div className={styles.view}>
      {isLanding && (
        <ErrorLandingNotice
          tree={tree}
          index={landingIndex}
          onShowWholeTrace={actions.showWholeTrace}
        />
      )}
      <div className={styles.bar}>
        <div
          className={styles.tabs}
          role="tablist"
          aria-label="Trace views"
          onKeyDown={(event) => {
            const next = tabIndexAfterKey(event.key, VIEW_TABS.indexOf(viewTab), VIEW_TABS.length);
            if (next === null) return;
            event.preventDefault();
            const name = VIEW_TABS[next]!;
            actions.setViewTab(name);
            document.getElementById(`trace-tab-${name}`)?.focus();
          }}
        >
          {VIEW_TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`trace-tab-${name}`}
              aria-controls={`trace-tabpanel-${name}`}
              aria-selected={viewTab === name}
              // One tab stop for the row; arrows move between the tabs.
              tabIndex={viewTab === name ? 0 : -1}
              className="view-tab"
              onClick={() => actions.setViewTab(name)}
            >
              {VIEW_TAB_LABELS[name]}
            </button>
          ))}
        </div>
        {viewTab === 'waterfall' && <WaterfallToolbar searchInputRef={searchInputRef} />}
      </div>
      {viewTab === 'charts' && (
        <LazyTabPanel name="charts" className={styles.chartsPanel} loadingLabel="Loading charts…">
          <TraceCharts tree={tree} selfTimes={tree.selfTimeUs} />
        </LazyTabPanel>
      )}
      {viewTab === 'flame' && (
        <LazyTabPanel
          name="flame"
          className={styles.waterfallPanel}
          loadingLabel="Loading the flame graph…"
        >
          <FlameGraphView panel={panel} isNarrow={isNarrow} isMaximised={isMaximised} />
        </LazyTabPanel>
      )}
      {viewTab === 'transcript' && (
        <LazyTabPanel
          name="transcript"
          className={styles.waterfallPanel}
          loadingLabel="Loading the transcript…"
        >
          <TranscriptView
            panel={panel}
            isNarrow={isNarrow}
            isMaximised={isMaximised}
            traceInput={traceInput}
          />
        </LazyTabPanel>
      )}
      {/* The waterfall stays mounted behind the charts, so its scroll and state survive. */}
      <div
        role="tabpanel"
        id="trace-tabpanel-waterfall"
        aria-labelledby="trace-tab-waterfall"
        className={styles.waterfallPanel}
        hidden={viewTab !== 'waterfall'}
      >
        <SpanSplit
          main={
            showLanes ? (
              <Suspense fallback={<LoadingState label="Loading the swimlanes…" />}>
                <SwimlanesView />
              </Suspense>
            ) : (
              <Waterfall />
            )
          }
          panel={waterfallPanel}
          isMaximised={isMaximised}
          isNarrow={isNarrow}
        />
      </div>
    </div>
  );
}

/** The span panel for the selection (or the missing span's notice), with the layout controls. */
function SpanPanelSlot({
  isNarrow,
  missingSpanPanel,
}: {
  isNarrow: boolean;
  missingSpanPanel: React.ReactNode;
}) {
  const { tree } = useTraceViewContext();
  const actions = useTraceActions();
  const selectedIndex = useSelectedIndex();
  const criticalPath = useShownCriticalPath();
  const panelTab = useTraceView((state) => state.panelTab);
  const isMaximised = useTraceView((state) => state.isPanelMaximised);
  if (selectedIndex === null) return missingSpanPanel;
  const layoutControl = isNarrow ? (
    <button
      type="button"
      className="button"
      onClick={actions.closePanel}
      aria-label="Back to the spans"
    >
      ← Spans
    </button>
  ) : (
    <button
      type="button"
      className="icon-button"
      aria-pressed={isMaximised}
      aria-label={isMaximised ? 'Restore span details' : 'Maximise span details'}
      title={
        isMaximised ? 'Restore the waterfall beside the details' : 'Give the details the width'
      }
      onClick={() => actions.setPanelMaximised(!isMaximised)}
    >
      {isMaximised ? '⇥' : '⇤'}
    </button>
  );
  return (
    <SpanDetailsPanel
      tree={tree}
      index={selectedIndex}
      selfTimeUs={tree.selfTimeUs[selectedIndex]}
      criticalUs={criticalPath?.criticalUs[selectedIndex]}
      tab={panelTab}
      onTabChange={actions.setPanelTab}
      onClose={actions.closePanel}
      onSelectSpan={actions.select}
      headerActions={layoutControl}
      subheader={<PeerStepper />}
    />
  );
}

/**
 * "/" focuses the search, "?" opens the help, "d" jumps between a delegation and its member run,
 * "e" / Shift+E step to the next / previous error, "n" / Shift+N to the next / previous call of
 * the selected span's tool or model, Esc closes the panel, unless typing in a field.
 */
function useGlobalShortcuts(handlers: {
  onSearch: () => void;
  onHelp: () => void;
  onEscape: () => void;
  onDelegation: () => void;
  onStepError: (direction: 1 | -1) => void;
  onStepPeer: (direction: 1 | -1) => void;
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
      } else if (event.key === 'e' || event.key === 'E') {
        if (document.querySelector('[role="dialog"]')) return;
        ref.current.onStepError(event.shiftKey ? -1 : 1);
      } else if (event.key === 'n' || event.key === 'N') {
        if (document.querySelector('[role="dialog"]')) return;
        ref.current.onStepPeer(event.shiftKey ? -1 : 1);
      }
    };
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, []);
}
