import type { TraceModel } from '../../../domain/trace/traceModel';
import { spanFacts } from './spanFacts';
import styles from './SpanTooltip.module.css';

export interface SpanTooltipProps {
  tree: TraceModel;
  index: number;
  /** Spans merged into the pointed cell (1 for a span wide enough to have its own). */
  mergedCount?: number;
  /** Where it points, in its positioned parent's CSS pixels, and that parent's size to stay in. */
  x: number;
  y: number;
  boundsWidth: number;
  /** When given, a tooltip that would pass the bottom goes above the point instead. */
  boundsHeight?: number;
  id?: string;
}

const TOOLTIP_WIDTH = 280;
/** About the height of the tallest tooltip without the merged-spans note. */
const TOOLTIP_HEIGHT = 190;
const OFFSET_PX = 12;

/**
 * A span's name, type, start, duration, self time, tokens and status, beside the pointer or the
 * focused span. Absolutely placed and never hit by the pointer, so showing it moves nothing.
 */
export function SpanTooltip({
  tree,
  index,
  mergedCount = 1,
  x,
  y,
  boundsWidth,
  boundsHeight,
  id,
}: SpanTooltipProps) {
  const facts = spanFacts(tree, index);
  const left = Math.max(0, Math.min(x + OFFSET_PX, boundsWidth - TOOLTIP_WIDTH));
  const isAbove = boundsHeight !== undefined && y + OFFSET_PX + TOOLTIP_HEIGHT > boundsHeight;
  const top = isAbove ? Math.max(0, y - OFFSET_PX - TOOLTIP_HEIGHT) : y + OFFSET_PX;
  return (
    <div id={id} className={styles.tooltip} role="tooltip" style={{ left, top }}>
      <div className={styles.name}>{facts.name}</div>
      <dl className={styles.facts}>
        <dt>Type</dt>
        <dd>{facts.type}</dd>
        <dt>Start</dt>
        <dd className="numeric">{facts.start}</dd>
        <dt>Duration</dt>
        <dd className="numeric">{facts.duration}</dd>
        <dt>Self time</dt>
        <dd className="numeric">{facts.selfTime}</dd>
        {facts.tokens !== null && (
          <>
            <dt>Tokens</dt>
            <dd className="numeric">{facts.tokens}</dd>
          </>
        )}
        <dt>Status</dt>
        <dd className={facts.isError ? styles.error : undefined}>{facts.status}</dd>
      </dl>
      {mergedCount > 1 && (
        <div className={styles.note}>
          One of {mergedCount.toLocaleString('en')} spans at this pixel (overlapping, or narrower
          than a pixel): zoom in, or use the arrow keys, to reach the others.
        </div>
      )}
    </div>
  );
}
