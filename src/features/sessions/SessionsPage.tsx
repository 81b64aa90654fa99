import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useConnection } from '../../api/connection';
import { useApiQueries } from '../../api/queries';
import { ApiErrorState } from '../../components/ApiErrorState';
import { CopyLinkButton } from '../../components/CopyLinkButton';
import { FilterBar } from '../../components/filters/FilterBar';
import { DatabaseSelect } from '../../components/filters/DatabaseSelect';
import { FilterChips, type FilterChip } from '../../components/filters/FilterChips';
import { TextFilter } from '../../components/filters/TextFilter';
import { TimeRangeFilter } from '../../components/filters/TimeRangeFilter';
import { EmptyState, LoadingState } from '../../components/PageState';
import { Pagination } from '../../components/Pagination';
import { configChoices, type Choice } from '../../lib/configChoices';
import { PAGE_SIZES, type PageSize } from '../../lib/paginationSearch';
import { formatShortTimestamp } from '../../lib/shortTimestamp';
import { suggestionsFrom } from '../../lib/suggestions';
import { parseTimestampUs } from '../../lib/time';
import { describeTimeRange, timeRangeKind } from '../../lib/timeRange';
import { useTimeZone } from '../../lib/timeZone';
import { SessionsTable } from './SessionsTable';
import styles from './SessionsPage.module.css';
import { useSessionSummaries } from './useSessionSummaries';
import {
  clearedSessionFilters,
  hasSessionFilters,
  SESSION_FILTER_KEYS,
  SESSION_FILTER_LABELS,
  toSessionStatsParams,
  type SessionFilterKey,
  type SessionsSearch,
} from './sessionsSearch';

export interface SessionsPageProps {
  search: SessionsSearch;
  onSearchChange: (next: Partial<SessionsSearch>) => void;
}

export function SessionsPage({ search, onSearchChange }: SessionsPageProps) {
  const connection = useConnection();
  const queries = useApiQueries(search.db_id);
  const utc = useTimeZone() === 'utc';
  const choices = configChoices(useQuery(queries.config()).data);
  const { params, window } = toSessionStatsParams(search);
  const sessions = useQuery(queries.sessionStats(params, window));
  const summaries = useSessionSummaries(queries, sessions.data?.data ?? []);

  const changeFilters = useCallback(
    (change: Partial<SessionsSearch>) => onSearchChange({ ...change, page: 1 }),
    [onSearchChange],
  );
  const known: Record<SessionFilterKey, Choice[] | undefined> = {
    user_id: undefined,
    agent_id: choices.agents,
    team_id: choices.teams,
    workflow_id: choices.workflows,
  };
  const chips: FilterChip[] = SESSION_FILTER_KEYS.filter((key) => search[key] !== undefined).map(
    (key) => ({
      id: key,
      label: SESSION_FILTER_LABELS[key],
      value: search[key]!,
      onRemove: () => changeFilters({ [key]: undefined }),
    }),
  );
  if (timeRangeKind(search) !== 'any') {
    chips.push({
      id: 'time',
      label: 'Time',
      value: describeTimeRange(search, (iso) => formatShortTimestamp(parseTimestampUs(iso), utc)),
      onRemove: () =>
        changeFilters({ range: undefined, start_time: undefined, end_time: undefined }),
    });
  }
  const clearAll = () => onSearchChange(clearedSessionFilters());

  return (
    <section className="page" aria-labelledby="sessions-heading">
      <header className="page-header">
        <h1 id="sessions-heading">Sessions</h1>
        <DatabaseSelect
          databases={choices.databases}
          value={search.db_id ?? connection.dbId ?? choices.defaultDatabase}
          onChange={(dbId) => changeFilters({ db_id: dbId })}
        />
        <span className="spacer" />
        <CopyLinkButton />
      </header>
      <FilterBar label="Session filters" activeCount={chips.length}>
        {SESSION_FILTER_KEYS.map((key) => (
          <TextFilter
            key={key}
            label={SESSION_FILTER_LABELS[key]}
            value={search[key]}
            choices={suggestionsFrom(known[key], sessions.data?.data, (session) => session[key])}
            placeholder="Any"
            onCommit={(value) => changeFilters({ [key]: value })}
          />
        ))}
        <TimeRangeFilter value={search} onChange={changeFilters} />
      </FilterBar>
      <FilterChips chips={chips} onClearAll={clearAll} />
      {sessions.isPending ? (
        <LoadingState label="Loading sessions…" />
      ) : sessions.isError && !sessions.data ? (
        <ApiErrorState
          error={sessions.error}
          action="load the sessions"
          onRetry={() => void sessions.refetch()}
        />
      ) : sessions.data.data.length === 0 ? (
        hasSessionFilters(search) ? (
          <EmptyState title="No sessions match these filters">
            <p className="muted">
              {chips.map((chip) => `${chip.label}: ${chip.value}`).join(' · ')}
            </p>
            <button type="button" className="button" onClick={clearAll}>
              Clear all filters
            </button>
          </EmptyState>
        ) : (
          <EmptyState title="No sessions yet">
            <p className="muted">Traces that carry a session id are grouped here.</p>
          </EmptyState>
        )
      ) : (
        <>
          <p className={`muted ${styles.note}`} id="sessions-note">
            Newest activity first. First input, failed traces and duration are read from each
            session’s traces; a row opens them.
          </p>
          <SessionsTable
            sessions={sessions.data.data}
            summaries={summaries}
            dbId={search.db_id}
            isLoadingNext={sessions.isPlaceholderData}
            onFilter={(key, value) => changeFilters({ [key]: value })}
          />
          <Pagination
            noun="sessions"
            page={search.page}
            totalPages={sessions.data.meta.total_pages}
            totalCount={sessions.data.meta.total_count}
            pageSize={search.limit}
            pageSizes={PAGE_SIZES}
            isFetching={sessions.isPlaceholderData}
            onPageChange={(page) => onSearchChange({ page })}
            onPageSizeChange={(limit) => onSearchChange({ limit: limit as PageSize, page: 1 })}
          />
        </>
      )}
    </section>
  );
}
