import type { TraceLoadProgress } from '../../api/readTraceStream';
import type { SpanPreview } from '../../api/traceAssembler';
import { spanTypeClass } from '../../components/spanTypeColor';
import { durationBetweenUs, formatDuration, parseTimestampUs } from '../../lib/time';
import styles from './TraceLoading.module.css';

export interface TraceLoadingProps {
  progress: TraceLoadProgress | null;
  onCancel: () => void;
}

/**
 * The trace is downloading: how far it is, Cancel, and its first rows as they arrive (the top
 * of the waterfall, before the rest of a big trace is in).
 */
export function TraceLoading({ progress, onCancel }: TraceLoadingProps) {
  // A compressed answer's Content-Length counts compressed bytes: then the total is unknown.
  const total = progress?.total && progress.bytes <= progress.total ? progress.total : null;
  const preview = progress?.preview ?? [];
  return (
    <div className={`page ${styles.page}`}>
      <div className={`page-state ${styles.loading}`} role="status" aria-live="polite">
        <p className={styles.line}>
          <span className="spinner" aria-hidden="true" />
          Loading trace…
          {progress && progress.bytes > 0 && (
            <span className={styles.figures}>
              {' '}
              {formatBytes(progress.bytes)}
              {total !== null && ` of ${formatBytes(total)}`} ·{' '}
              {progress.spans.toLocaleString('en-US')} spans
            </span>
          )}
        </p>
        {/* Without a total the bar is indeterminate, which a bar without a value shows. */}
        <progress
          className={styles.bar}
          aria-label="Loading trace"
          max={total ?? undefined}
          value={total !== null ? (progress?.bytes ?? 0) : undefined}
        />
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {preview.length > 0 && <SpanPreviewList spans={preview} />}
    </div>
  );
}

/**
 * The first spans in tree order, drawn as the waterfall draws them (on the root span's time
 * axis), not yet interactive: selection, search and the panel come with the whole trace.
 */
function SpanPreviewList({ spans }: { spans: readonly SpanPreview[] }) {
  const root = spans[0]!;
  const axisStart = parseTimestampUs(root.startTime ?? '');
  const axisSpan = durationBetweenUs(axisStart, parseTimestampUs(root.endTime ?? ''));
  return (
    <ol className={styles.preview} aria-label="First spans received">
      {spans.map((span, i) => {
        const start = parseTimestampUs(span.startTime ?? '');
        const duration = durationBetweenUs(start, parseTimestampUs(span.endTime ?? ''));
        const hasBar = Number.isFinite(duration) && Number.isFinite(axisSpan) && axisSpan > 0;
        const type = spanTypeClass(span.type);
        return (
          <li key={i} className={styles.row}>
            <span className={styles.name} style={{ paddingLeft: `${span.depth * 14}px` }}>
              <span className={`type-badge type-${type}`}>{span.type || '?'}</span>{' '}
              <span className={styles.nameText}>{span.name}</span>
            </span>
            <span className={styles.duration}>
              {Number.isFinite(duration) ? formatDuration(duration) : ''}
            </span>
            <span className={styles.track} aria-hidden="true">
              {hasBar && (
                <span
                  className={`span-bar bar-${type}${span.status === 'ERROR' ? ' span-bar-error' : ''}`}
                  style={{
                    left: `${clampPercent(((start - axisStart) / axisSpan) * 100)}%`,
                    width: `max(2px, ${clampPercent((duration / axisSpan) * 100)}%)`,
                  }}
                />
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value));
}

export interface TraceLoadCancelledProps {
  onLoadAgain: () => void;
}

/** The reader cancelled the download. */
export function TraceLoadCancelled({ onLoadAgain }: TraceLoadCancelledProps) {
  return (
    <div className="page-state" role="status">
      <p className="page-state-title">Loading cancelled</p>
      <p>The trace was not loaded: its download was cancelled.</p>
      <button type="button" className="button primary" onClick={onLoadAgain}>
        Load again
      </button>
    </div>
  );
}

/** "850 kB", "12.3 MB", "179 MB", "1.25 GB": three figures at most. */
function formatBytes(bytes: number): string {
  if (bytes < 1e6) return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
  if (bytes < 1e9) return `${threeFigures(bytes / 1e6)} MB`;
  return `${threeFigures(bytes / 1e9)} GB`;
}

function threeFigures(value: number): string {
  return value >= 100 ? String(Math.round(value)) : value.toFixed(value >= 10 ? 1 : 2);
}
