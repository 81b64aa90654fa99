import { useId, useState, type FormEvent } from 'react';
import {
  fromDateTimeLocal,
  PRESET_LABELS,
  TIME_RANGE_PRESETS,
  timeRangeKind,
  toDateTimeLocal,
  type TimeRangeKind,
  type TimeRangeSearch,
} from '../../lib/timeRange';
import { timeZoneLabel, useTimeZone } from '../../lib/timeZone';

export interface TimeRangeFilterProps {
  value: TimeRangeSearch;
  /** Always a whole range, with the unused keys explicitly undefined, so a merge clears them. */
  onChange: (next: TimeRangeSearch) => void;
}

const cleared: TimeRangeSearch = { range: undefined, start_time: undefined, end_time: undefined };

/**
 * Presets relative to now, or a custom from/to entered in the zone the times are shown in
 * (local or UTC) and sent in UTC.
 */
export function TimeRangeFilter({ value, onChange }: TimeRangeFilterProps) {
  const id = useId();
  const zone = useTimeZone();
  const utc = zone === 'utc';
  const kind = timeRangeKind(value);
  // "Custom" can be picked before any bound is entered, so the choice is also kept here.
  const [isCustomOpen, setCustomOpen] = useState(false);
  const shown: TimeRangeKind = isCustomOpen ? 'custom' : kind;

  const handleSelect = (next: string) => {
    if (next === 'custom') {
      setCustomOpen(true);
      return;
    }
    setCustomOpen(false);
    const preset = TIME_RANGE_PRESETS.find((p) => p === next);
    onChange({ ...cleared, range: preset });
  };

  const handleApply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const start = fromDateTimeLocal(text('from'), utc);
    const end = fromDateTimeLocal(text('to'), utc);
    setCustomOpen(false);
    onChange({ ...cleared, start_time: start, end_time: end });
  };

  const zoneName = timeZoneLabel(zone);
  return (
    <div className="filter-field time-range-filter">
      <label htmlFor={id}>Time range</label>
      <select id={id} value={shown} onChange={(event) => handleSelect(event.target.value)}>
        <option value="any">Any time</option>
        {TIME_RANGE_PRESETS.map((preset) => (
          <option key={preset} value={preset}>
            {PRESET_LABELS[preset]}
          </option>
        ))}
        <option value="custom">Custom range…</option>
      </select>
      {shown === 'custom' && (
        <form
          className="custom-range"
          aria-label="Custom time range"
          // Re-mounted when the applied bounds or the zone change, so the inputs show them.
          key={`${value.start_time}|${value.end_time}|${zone}`}
          onSubmit={handleApply}
        >
          <label>
            From ({zoneName})
            <input
              type="datetime-local"
              name="from"
              defaultValue={toDateTimeLocal(value.start_time, utc)}
            />
          </label>
          <label>
            To ({zoneName})
            <input
              type="datetime-local"
              name="to"
              defaultValue={toDateTimeLocal(value.end_time, utc)}
            />
          </label>
          <button type="submit" className="button">
            Apply range
          </button>
        </form>
      )}
    </div>
  );
}
