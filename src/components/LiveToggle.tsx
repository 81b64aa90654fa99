import { formatTimestamp } from '../lib/time';
import { useTimeZone } from '../lib/timeZone';

export interface LiveToggleProps {
  isLive: boolean;
  intervalMs: number;
  /** Polling only runs on the first page. */
  isPaused: boolean;
  isFetching: boolean;
  /** A refresh failed and the data on screen is older than it looks. */
  isStale: boolean;
  staleReason?: string;
  /** When the data on screen was fetched (epoch ms). */
  updatedAt: number;
  onToggle: (isLive: boolean) => void;
}

/** Auto-refresh on/off, when the data was fetched, and a warning when refreshing fails. */
export function LiveToggle({
  isLive,
  intervalMs,
  isPaused,
  isFetching,
  isStale,
  staleReason,
  updatedAt,
  onToggle,
}: LiveToggleProps) {
  const utc = useTimeZone() === 'utc';
  const updated = updatedAt ? formatTimestamp(updatedAt * 1000, { utc }) : null;
  return (
    <div className="live-toggle">
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={isLive}
          onChange={(event) => onToggle(event.target.checked)}
        />
        Auto-refresh every {Math.round(intervalMs / 1000)} s
      </label>
      {/* The time changes on every refresh: not a live region, or readers would hear it. */}
      {isLive && !isStale && (
        <span className="muted live-status">
          {isPaused
            ? 'Paused: auto-refresh follows the first page'
            : isFetching
              ? 'Refreshing…'
              : updated && `Updated ${updated}`}
        </span>
      )}
      {isStale && (
        <span className="stale-warning" role="alert">
          Refresh failed{staleReason ? ` (${staleReason})` : ''}: showing data from{' '}
          {updated ?? 'earlier'}
        </span>
      )}
    </div>
  );
}
