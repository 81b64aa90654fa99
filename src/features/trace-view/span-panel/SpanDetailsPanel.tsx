import { useId, useState, type KeyboardEvent } from 'react';
import { StatusBadge } from '../../../components/StatusBadge';
import type { TraceModel } from '../../../domain/trace/traceModel';
import type { PanelTab } from '../traceSearch';
import { RawJsonView } from './RawJsonView';
import { SpanDetails } from './SpanDetails';
import './spanPanel.css';

export interface SpanDetailsPanelProps {
  /** The trace model: offsets are on its time axis, the waterfall's. */
  tree: TraceModel;
  /** The span's index in `tree` (pre-order). */
  index: number;
  /** From `computeSelfTimes`; the fact is left out when absent. */
  selfTimeUs?: number;
  /** Time on the critical path, while it is shown; the fact is left out when absent. */
  criticalUs?: number;
  /**
   * Whether the span is the trace's root (whose input, output and error the server moves to the
   * trace). Defaults to "has no parent in `tree`"; pass false for a span loaded on its own.
   */
  isTraceRoot?: boolean;
  /** The open tab, when the page keeps it (in the URL); the panel keeps its own otherwise. */
  tab?: PanelTab;
  onTabChange?: (tab: PanelTab) => void;
  onClose: () => void;
  /** Controls the page adds to the panel's header, before Close (maximise, back). */
  headerActions?: React.ReactNode;
  /**
   * Selects another span of `tree` by index (revealing and scrolling to it in the waterfall), for
   * links inside the panel: a tool call to the TOOL span that ran it, a delegation to its member run.
   * Links are left out when absent.
   */
  onSelectSpan?: (index: number) => void;
}

type Tab = PanelTab;
const TABS: readonly (readonly [Tab, string])[] = [
  ['details', 'Details'],
  ['raw', 'Raw JSON'],
];

/**
 * The side panel for one span: a header, then a "Details" tab and a "Raw JSON" tab. Everything
 * from the span is rendered as text. Esc inside the panel closes it.
 */
export function SpanDetailsPanel({
  tree,
  index,
  selfTimeUs,
  criticalUs,
  isTraceRoot,
  tab: controlledTab,
  onTabChange,
  onClose,
  headerActions,
  onSelectSpan,
}: SpanDetailsPanelProps) {
  const [ownTab, setOwnTab] = useState<Tab>('details');
  const tab = controlledTab ?? ownTab;
  const setTab = onTabChange ?? setOwnTab;
  const baseId = useId();
  const node = tree.nodes[index];
  if (!node) return null;
  const tabId = (id: Tab) => `${baseId}-tab-${id}`;
  const panelId = `${baseId}-panel`;

  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Marked as handled so a page-level Esc handler does not close a second time.
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  // Arrow keys move between tabs (the ARIA tabs pattern, activation follows focus).
  const handleTabKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = TABS.findIndex(([id]) => id === tab);
    const next =
      event.key === 'ArrowRight'
        ? (current + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (current - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const nextTab = TABS[next]![0];
    setTab(nextTab);
    document.getElementById(tabId(nextTab))?.focus();
  };

  return (
    <section className="span-panel" aria-label="Span details" onKeyDown={handleKeyDown}>
      <header className="span-panel-header">
        <span className={`type-badge type-${node.type.toLowerCase()}`}>{node.type}</span>
        <h2 className="span-panel-title" title={node.name}>
          {node.name}
        </h2>
        <StatusBadge status={node.status} />
        {headerActions}
        <button
          type="button"
          className="icon-button span-panel-close"
          aria-label="Close span details"
          title="Close (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="span-tabs" role="tablist" aria-label="Span view" onKeyDown={handleTabKeyDown}>
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={tabId(id)}
            className="span-tab"
            aria-selected={tab === id}
            aria-controls={panelId}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div
        className="span-panel-body"
        role="tabpanel"
        id={panelId}
        aria-labelledby={tabId(tab)}
        tabIndex={0}
      >
        {/* Keyed by span, so expanded texts and toggles reset when another span is shown. */}
        {tab === 'details' ? (
          <SpanDetails
            key={`${index}:${node.id}`}
            tree={tree}
            index={index}
            selfTimeUs={selfTimeUs}
            criticalUs={criticalUs}
            isTraceRoot={isTraceRoot ?? tree.parentIndex[index]! < 0}
            onSelectSpan={onSelectSpan}
          />
        ) : (
          <RawJsonView key={`${index}:${node.id}`} node={node} />
        )}
      </div>
    </section>
  );
}
