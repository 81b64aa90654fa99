import { useId } from 'react';
import { TextFilter } from '../../components/filters/TextFilter';
import { TimeRangeFilter } from '../../components/filters/TimeRangeFilter';
import type { ConfigChoices } from '../../lib/configChoices';
import { oneOf } from '../../lib/searchParams';
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
  onChange: (change: Partial<TraceListSearch>) => void;
}

const PLACEHOLDERS: Partial<Record<IdFilterKey, string>> = {
  agent_id: 'Any agent',
  team_id: 'Any team',
  workflow_id: 'Any workflow',
  user_id: 'Any user',
  session_id: 'Any session',
  run_id: 'Any run',
};

const STATUS_HINT =
  'the server filters by the root span’s status, so OK can include traces with failing spans';

/** The GET /traces filters, one labelled control each. */
export function TraceFilters({ search, choices, onChange }: TraceFiltersProps) {
  const statusId = useId();
  const statusHintId = useId();
  const suggestions: Partial<Record<IdFilterKey, ConfigChoices['agents']>> = {
    agent_id: choices.agents,
    team_id: choices.teams,
    workflow_id: choices.workflows,
  };
  return (
    <div role="search" className="trace-filters" aria-label="Trace filters">
      <div className="filter-field">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          aria-describedby={statusHintId}
          value={search.status ?? ''}
          onChange={(event) => onChange({ status: oneOf(event.target.value, TRACE_STATUSES) })}
        >
          <option value="">Any status</option>
          <option value="OK">OK</option>
          <option value="ERROR">Error</option>
        </select>
        {/* The server's status is the root span's: a run whose tool failed can still be OK. */}
        <span id={statusHintId} className="filter-hint" title={STATUS_HINT}>
          of the root span<span className="visually-hidden">: {STATUS_HINT}</span>
        </span>
      </div>
      {ID_FILTER_KEYS.map((key) => (
        <TextFilter
          key={key}
          label={ID_FILTER_LABELS[key]}
          value={search[key]}
          choices={suggestions[key]}
          placeholder={PLACEHOLDERS[key]}
          onCommit={(value) => onChange({ [key]: value })}
        />
      ))}
      <TimeRangeFilter value={search} onChange={onChange} />
    </div>
  );
}
