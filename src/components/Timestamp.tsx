import { formatShortTimestamp } from '../lib/shortTimestamp';
import { formatRelative, formatTimestamp } from '../lib/time';
import { useNow } from '../lib/useNow';
import { useTimeZone } from '../lib/timeZone';

export interface TimestampProps {
  /** Epoch microseconds. */
  us: number;
  /** Show "3 min ago" beside the absolute time. */
  withRelative?: boolean;
}

/**
 * An absolute time in the chosen zone, with the relative time beside it; hovering shows the full
 * time with milliseconds in both zones.
 */
export function Timestamp({ us, withRelative = true }: TimestampProps) {
  const zone = useTimeZone();
  const now = useNow();
  if (!Number.isFinite(us)) return <span className="muted">–</span>;
  const utc = zone === 'utc';
  // Null for a time well ahead of this browser's clock: the absolute time alone is then shown.
  const relative = withRelative ? formatRelative(us, now) : null;
  const title = `${formatTimestamp(us, { withMs: true, utc })}\n${formatTimestamp(us, {
    withMs: true,
    utc: !utc,
  })}`;
  return (
    <time
      className="timestamp"
      dateTime={new Date(Math.floor(us / 1000)).toISOString()}
      title={title}
    >
      <span className="numeric">{formatShortTimestamp(us, utc, now)}</span>
      {relative !== null && <span className="muted"> · {relative}</span>}
    </time>
  );
}
