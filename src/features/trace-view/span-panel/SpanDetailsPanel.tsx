import { useState, type KeyboardEvent } from 'react';
import { HighlightQueryContext } from '../../../components/HighlightedText';
import { StatusBadge } from '../../../components/StatusBadge';
import { Tab, TabList, TabPanel, Tabs } from '../../../components/Tabs';
import type { TraceModel } from '../../../domain/trace/traceModel';
import { setMarkdown, useMarkdownPreference } from '../../../lib/markdownPreference';
import type { PanelTab } from '../traceSearch';
import { RawJsonView } from './RawJsonView';
import { SpanDetails } from './SpanDetails';
import styles from './SpanDetailsPanel.module.css';
import { usePanelSearchQuery } from './usePanelSearchQuery';
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
  /** A line under the header (the walk through the span's peers). */
  subheader?: React.ReactNode;
  /**
   * Selects another span of `tree` by index (revealing and scrolling to it in the waterfall), for
   * links inside the panel: a tool call to the TOOL span that ran it, a delegation to its member run.
   * Links are left out when absent.
   */
  onSelectSpan?: (index: number) => void;
}

/**
 * The side panel for one span: a header, then a "Details" tab and a "Raw JSON" tab. It fills the
 * height it is given; header and tabs stay, the tab's body scrolls. Everything from the span is
 * rendered as text (or as safe Markdown, when on). Esc inside the panel closes it.
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
  subheader,
  onSelectSpan,
}: SpanDetailsPanelProps) {
  const [ownTab, setOwnTab] = useState<PanelTab>('details');
  const tab = controlledTab ?? ownTab;
  const setTab = onTabChange ?? setOwnTab;
  const query = usePanelSearchQuery();
  const isMarkdown = useMarkdownPreference();
  const node = tree.nodes[index];
  if (!node) return null;

  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Marked as handled so a page-level Esc handler does not close a second time.
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  return (
    <section className={styles.panel} aria-label="Span details" onKeyDown={handleKeyDown}>
      <header className={styles.header}>
        <span className={`type-badge type-${node.type.toLowerCase()}`}>{node.type}</span>
        <h2 className={styles.title} title={node.name}>
          {node.name}
        </h2>
        <StatusBadge status={node.status} />
        {headerActions}
        <button
          type="button"
          className={`icon-button ${styles.close}`}
          aria-label="Close span details"
          title="Close (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {subheader}
      <Tabs value={tab} onValueChange={setTab} className={styles.tabs}>
        <div className={styles.tabBar}>
          <TabList label="Span view">
            <Tab value="details">Details</Tab>
            <Tab value="raw">Raw JSON</Tab>
          </TabList>
          {tab === 'details' && (
            <button
              type="button"
              className="toggle-button"
              aria-pressed={isMarkdown}
              title="Render model text (replies, agent outputs) as Markdown; remembered in this browser"
              onClick={() => setMarkdown(!isMarkdown)}
            >
              Markdown
            </button>
          )}
        </div>
        <HighlightQueryContext value={query}>
          {/* Keyed by span, so expanded texts and toggles reset when another span is shown. */}
          <TabPanel value="details" className={styles.body}>
            <SpanDetails
              key={`${index}:${node.id}`}
              tree={tree}
              index={index}
              selfTimeUs={selfTimeUs}
              criticalUs={criticalUs}
              isTraceRoot={isTraceRoot ?? tree.parentIndex[index]! < 0}
              onSelectSpan={onSelectSpan}
            />
          </TabPanel>
          <TabPanel value="raw" className={styles.body}>
            <RawJsonView key={`${index}:${node.id}`} node={node} />
          </TabPanel>
        </HighlightQueryContext>
      </Tabs>
    </section>
  );
}
