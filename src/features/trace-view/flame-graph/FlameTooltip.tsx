import type { TraceModel } from '../../../domain/trace/traceModel';
import styles from './FlameGraph.module.css';
import { spanFacts } from './flameText';

export interface FlameTooltipProps {
  tree: TraceModel;
  index: number;
  /** Spans merged into the pointed cell (1 for a span wide enough to have its own). */
  mergedCount: number;
  /** Where it points, in the canvas's CSS pixels, and the canvas's width to stay inside. */
  x: number;
  y: number;
  boundsWidth: number;
}

const TOOLTIP_WIDTH = 280;
const OFFSET_PX = 12;

/** A span's name, type, duration and self time, beside the pointer or the focused span. */
export function FlameTooltip({ tree, index, mergedCount, x, y, boundsWidth }: FlameTooltipProps) {
  const facts = spanFacts(tree, index);
  const left = Math.max(0, Math.min(x + OFFSET_PX, boundsWidth - TOOLTIP_WIDTH));
  return (
    <div className={styles.tooltip} role="tooltip" style={{ left, top: y + OFFSET_PX }}>
      <div className={styles.tooltipName}>{facts.name}</div>
      <dl className={styles.tooltipFacts}>
        <dt>Type</dt>
        <dd>{facts.type}</dd>
        <dt>Duration</dt>
        <dd className="numeric">{facts.duration}</dd>
        <dt>Self time</dt>
        <dd className="numeric">{facts.selfTime}</dd>
        {facts.isError && (
          <>
            <dt>Status</dt>
            <dd className={styles.tooltipError}>Error</dd>
          </>
        )}
      </dl>
      {mergedCount > 1 && (
        <div className={styles.tooltipNote}>
          One of {mergedCount.toLocaleString('en')} spans at this pixel (overlapping, or narrower
          than a pixel): zoom in, or use the arrow keys, to reach the others.
        </div>
      )}
    </div>
  );
}
