import { useId } from 'react';
import type { TraceSummary } from '../../api/schemas';
import { FilterBar } from '../../components/filters/FilterBar';
import { TextFilter } from '../../components/filters/TextFilter';
import { TimeRangeFilter } from '../../components/filters/TimeRangeFilter';
import type { ConfigChoices } from '../../lib/configChoices';
import { oneOf } from '../../lib/searchParams';
import { suggestionsFrom } from '../../lib/suggestions';
import styles from './TraceFilters.module.css';
import {
  ID_FILTER_KEYS,
  ID_FILTER_LABELS,
  TRACE_STATUSES,
  type IdFilterKey,
  type TraceListSearch,
} from './traceListSearch';

export interface TraceFiltersProps {
  search: TraceListSearch;
  choices: ConfigChoices;
  /** The rows on screen: their ids are offered as suggestions too. */
  traces?: readonly TraceSummary[];
  onChange: (change: Partial<TraceListSearch>) => void;
  /** How many filters are on (the chips below), for the phone's folded filters. */
  activeCount: number;
}

const STATUS_HINT =
  'the server filters by the root span’s status, so OK can include traces with failing spans';

/** The GET /traces filters, one labelled control each. */
export function TraceFilters({
  search,
  choices,
  traces,
  onChange,
  activeCount,
}: TraceFiltersProps) {
  const statusId = useId();
  const statusHintId = useId();
  const known: Partial<Record<IdFilterKey, ConfigChoices['agents']>> = {
    agent_id: choices.agents,
    team_id: choices.teams,
    workflow_id: choices.workflows,
  };
  return (
    <FilterBar label="Trace filters" activeCount={activeCount}>
      <div className="filter-field">
        <span className={styles.labelRow}>
          <label htmlFor={statusId}>Status</label>
          {/* The server's status is the root span's: a run whose tool failed can still be OK. */}
          <span id={statusHintId} className={styles.hint} title={STATUS_HINT}>
            of the root span<span className="visually-hidden">: {STATUS_HINT}</span>
          </span>
        </span>
        <select
          id={statusId}
          aria-describedby={statusHintId}
          value={search.status ?? ''}
          onChange={(event) => onChange({ status: oneOf(event.target.value, TRACE_STATUSES) })}
        >
          <option value="">Any</option>
          <option value="OK">OK</option>
          <option value="ERROR">Error</option>
        </select>
      </div>
      {ID_FILTER_KEYS.map((key) => (
        <TextFilter
          key={key}
          label={ID_FILTER_LABELS[key]}
          value={search[key]}
          choices={suggestionsFrom(known[key], traces, (trace) => trace[key])}
          placeholder="Any"
          onCommit={(value) => onChange({ [key]: value })}
        />
      ))}
      <TimeRangeFilter value={search} onChange={onChange} />
    </FilterBar>
  );
}
