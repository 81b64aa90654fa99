import { useEffect, useRef, useState } from 'react';
import { Group, Panel, Separator, useGroupRef } from 'react-resizable-panels';
import {
  useSelectedIndex,
  useTraceActions,
  useTraceView,
  useTraceViewContext,
} from '../traceViewContext';
import { FlameGraph } from './FlameGraph';
import styles from './FlameGraph.module.css';
import { pathLabel, pathTo } from './flameNavigation';

export interface FlameGraphViewProps {
  /** The span panel (or null when closed), laid out beside the graph as beside the waterfall. */
  panel: React.ReactNode;
  isNarrow: boolean;
}

/** Panel widths (% of the split), as the waterfall's. */
const PANEL_SIZE = 40;
const MAXIMISED_PANEL_SIZE = 75;

/**
 * The "Flame graph" tab: zoom controls, the selected span's path, the graph and the span panel.
 * Selection is the trace view's (the panel and the URL follow it); the zoom is this view's own.
 */
export default function FlameGraphView({ panel, isNarrow }: FlameGraphViewProps) {
  const { tree } = useTraceViewContext();
  const actions = useTraceActions();
  const selectedIndex = useSelectedIndex();
  const isMaximised = useTraceView((state) => state.isPanelMaximised);
  const [zoomIndex, setZoomIndex] = useState<number | null>(null);

  const path =
    selectedIndex === null
      ? null
      : pathLabel(pathTo(tree, selectedIndex).map((index) => tree.nodes[index]!.name));
  const graph = (
    <div className={styles.view}>
      <div className={styles.toolbar}>
        <button
          type="button"
          className="button"
          disabled={selectedIndex === null || selectedIndex === zoomIndex}
          onClick={() => setZoomIndex(selectedIndex)}
        >
          Zoom into this span
        </button>
        <button
          type="button"
          className="button"
          disabled={zoomIndex === null}
          onClick={() => setZoomIndex(null)}
        >
          Reset zoom
        </button>
        <p className={styles.path} title={path ?? undefined}>
          <span className={styles.pathLabel}>Selected: </span>
          {path ?? 'none. Click a span, or focus the graph and use the arrow keys.'}
        </p>
      </div>
      <FlameGraph
        tree={tree}
        rootIndex={zoomIndex}
        selectedIndex={selectedIndex}
        onSelect={(index) => actions.select(index, 'auto')}
        onOpen={actions.open}
        onZoom={setZoomIndex}
      />
    </div>
  );

  if (isNarrow) {
    return (
      <div className={styles.narrow}>
        {graph}
        {panel && <div className={styles.sheet}>{panel}</div>}
      </div>
    );
  }
  return <Split graph={graph} panel={panel} isMaximised={panel !== null && isMaximised} />;
}

/** The graph and the panel side by side; maximising moves the divider (as the waterfall's). */
function Split({
  graph,
  panel,
  isMaximised,
}: {
  graph: React.ReactNode;
  panel: React.ReactNode;
  isMaximised: boolean;
}) {
  const groupRef = useGroupRef();
  const hasPanel = panel !== null;
  const shown = useRef(isMaximised);
  useEffect(() => {
    if (!hasPanel) {
      shown.current = isMaximised;
      return;
    }
    if (shown.current === isMaximised) return;
    shown.current = isMaximised;
    const size = isMaximised ? MAXIMISED_PANEL_SIZE : PANEL_SIZE;
    groupRef.current?.setLayout({ flame: 100 - size, details: size });
  }, [groupRef, hasPanel, isMaximised]);
  return (
    <Group orientation="horizontal" className={styles.split} groupRef={groupRef}>
      <Panel id="flame" minSize="20" className={styles.splitPanel}>
        {graph}
      </Panel>
      {hasPanel && (
        <>
          <Separator className={styles.handle} aria-label="Resize span details" />
          <Panel
            id="details"
            defaultSize={String(isMaximised ? MAXIMISED_PANEL_SIZE : PANEL_SIZE)}
            minSize="20"
            className={styles.splitPanel}
          >
            {panel}
          </Panel>
        </>
      )}
    </Group>
  );
}
