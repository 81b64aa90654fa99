import type { TraceLoadProgress } from '../../api/readTraceStream';
import styles from './TraceLoading.module.css';

export interface TraceLoadingProps {
  progress: TraceLoadProgress | null;
  onCancel: () => void;
}

/** The trace is downloading: how far it is, and Cancel. */
export function TraceLoading({ progress, onCancel }: TraceLoadingProps) {
  // A compressed answer's Content-Length counts compressed bytes: then the total is unknown.
  const total = progress?.total && progress.bytes <= progress.total ? progress.total : null;
  return (
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
  );
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
