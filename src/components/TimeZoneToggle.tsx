import { setTimeZone, timeZoneLabel, useTimeZone } from '../lib/timeZone';

/** Header toggle: times in the browser's zone (default) or in UTC. */
export function TimeZoneToggle() {
  const zone = useTimeZone();
  const isUtc = zone === 'utc';
  return (
    <button
      type="button"
      className="button"
      aria-pressed={isUtc}
      title={
        isUtc
          ? 'Times are shown in UTC. Click to show them in your zone.'
          : `Times are shown in your zone (${timeZoneLabel('local')}). Click to show them in UTC.`
      }
      onClick={() => setTimeZone(isUtc ? 'local' : 'utc')}
    >
      UTC
    </button>
  );
}
