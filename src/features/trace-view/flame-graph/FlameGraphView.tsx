import { SpanSplit } from '../SpanSplit';
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
  isMaximised: boolean;
}

/**
 * The "Flame graph" tab: zoom controls, the selected span's path, the graph and the span panel.
 * Selection and zoom are the trace view's: the panel and the URL (`flame=`) follow them.
 */
export default function FlameGraphView({ panel, isNarrow, isMaximised }: FlameGraphViewProps) {
  const { tree } = useTraceViewContext();
  const actions = useTraceActions();
  const selectedIndex = useSelectedIndex();
  const flameRootId = useTraceView((state) => state.flameRootId);
  const zoomIndex = flameRootId === null ? null : (tree.indexById.get(flameRootId) ?? null);
  const setZoomIndex = actions.setFlameRoot;

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

  return <SpanSplit main={graph} panel={panel} isMaximised={isMaximised} isNarrow={isNarrow} />;
}
