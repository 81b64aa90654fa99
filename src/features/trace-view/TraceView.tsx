import { lazy, Suspense, useEffect, useRef } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { LoadingState } from '../../components/PageState';
import { delegationPartner } from '../../domain/trace/delegation';
import { useAfterFirstPaint } from '../../lib/useAfterFirstPaint';
import { ErrorLandingNotice } from './ErrorLandingNotice';
import { KeyboardShortcutsDialog } from './KeyboardShortcutsDialog';
import {
  LazySpanDetailsPanel as SpanDetailsPanel,
  preloadSpanDetailsPanel,
} from './span-panel/LazySpanDetailsPanel';
import { VIEW_TABS } from './traceSearch';
import {
  useSelectedIndex,
  useShownCriticalPath,
  useTraceActions,
  useTraceView,
  useTraceViewContext,
} from './traceViewContext';
import { Waterfall } from './waterfall/Waterfall';
import { WaterfallToolbar } from './waterfall/WaterfallToolbar';

export interface TraceViewProps {
  /** Shown in the panel area when the URL names a span that is not in the tree. */
  missingSpanPanel?: React.ReactNode;
}

const TraceCharts = lazy(() => import('./charts/TraceCharts'));

/** The view tabs (waterfall, charts), the waterfall with its controls and the span panel. */
export function TraceView({ missingSpanPanel }: TraceViewProps) {
  const { tree } = useTraceViewContext();
  const actions = useTraceActions();
  const viewTab = useTraceView((state) => state.viewTab);
  const isPanelOpen = useTraceView((state) => state.isPanelOpen);
  const landingId = useTraceView((state) => state.landingId);
  const isLandingDismissed = useTraceView((state) => state.isLandingDismissed);
  const isHelpOpen = useTraceView((state) => state.isHelpOpen);
  const panelTab = useTraceView((state) => state.panelTab);
  const selectedIndex = useSelectedIndex();
  const criticalPath = useShownCriticalPath();
  const selfTimes = tree.selfTimeUs;
  const searchInputRef = useRef<HTMLInputElement>(null);

  const isPainted = useAfterFirstPaint();
  useEffect(() => {
    if (isPainted) preloadSpanDetailsPanel();
  }, [isPainted]);

  useGlobalShortcuts({
    onSearch: () => searchInputRef.current?.focus(),
    onHelp: () => actions.setHelpOpen(true),
    onEscape: actions.closePanel,
    onDelegation: () => {
      if (selectedIndex === null) return;
      const partner = delegationPartner(tree.delegations, selectedIndex);
      if (partner >= 0) actions.select(partner);
    },
  });

  const landingIndex = landingId === null ? undefined : tree.indexById.get(landingId);
  const isLanding =
    landingIndex !== undefined && selectedIndex === landingIndex && !isLandingDismissed;
  const showPanel = isPanelOpen && (selectedIndex !== null || missingSpanPanel != null);

  return (
    <div className="trace-view">
      {isLanding && (
        <ErrorLandingNotice
          tree={tree}
          index={landingIndex}
          onShowWholeTrace={actions.showWholeTrace}
        />
      )}
      <div className="view-tabs" role="tablist" aria-label="Trace views">
        {VIEW_TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`trace-tab-${name}`}
            aria-controls={`trace-tabpanel-${name}`}
            aria-selected={viewTab === name}
            className="view-tab"
            onClick={() => actions.setViewTab(name)}
          >
            {name === 'waterfall' ? 'Waterfall' : 'Charts'}
          </button>
        ))}
      </div>
      {viewTab === 'charts' && (
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
        hidden={viewTab !== 'waterfall'}
      >
        <div className="trace-view-bar">
          <WaterfallToolbar searchInputRef={searchInputRef} />
          <KeyboardShortcutsDialog isOpen={isHelpOpen} onOpenChange={actions.setHelpOpen} />
        </div>
        <Group orientation="horizontal" className="trace-split">
          <Panel id="waterfall" minSize="30" className="trace-split-panel">
            <Waterfall />
          </Panel>
          {showPanel && (
            <>
              <Separator className="trace-split-handle" aria-label="Resize span details" />
              <Panel id="details" defaultSize="40" minSize="20" className="trace-split-panel">
                {selectedIndex !== null ? (
                  <SpanDetailsPanel
                    tree={tree}
                    index={selectedIndex}
                    selfTimeUs={selfTimes[selectedIndex]}
                    criticalUs={criticalPath?.criticalUs[selectedIndex]}
                    tab={panelTab}
                    onTabChange={actions.setPanelTab}
                    onClose={actions.closePanel}
                    onSelectSpan={actions.select}
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
