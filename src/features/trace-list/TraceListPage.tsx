import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useState } from 'react';
import { useConnection } from '../../api/connection';
import { formatDetail, HttpError } from '../../api/errors';
import { useApiQueries } from '../../api/queries';
import { ApiErrorState } from '../../components/ApiErrorState';
import { CopyLinkButton } from '../../components/CopyLinkButton';
import { DroppedParamsNotice } from '../../components/DroppedParamsNotice';
import { DatabaseSelect } from '../../components/filters/DatabaseSelect';
import { FilterChips } from '../../components/filters/FilterChips';
import { LiveToggle } from '../../components/LiveToggle';
import { EmptyState, LoadingState } from '../../components/PageState';
import { Pagination } from '../../components/Pagination';
import { configChoices } from '../../lib/configChoices';
import { PAGE_SIZES, type PageSize } from '../../lib/paginationSearch';
import { formatShortTimestamp } from '../../lib/shortTimestamp';
import type { DroppedParam } from '../../lib/searchSchema';
import { parseTimestampUs } from '../../lib/time';
import { useTimeZone } from '../../lib/timeZone';
import { activeFilters } from './activeFilters';
import {
  AdvancedSearchSection,
  AdvancedSearchToggle,
  useAdvancedSearchOpen,
} from './AdvancedSearchSection';
import { DeferredResultsChart } from './DeferredResultsChart';
import { TraceFilters } from './TraceFilters';
import { TraceListEmptyState } from './TraceListEmptyState';
import { TracesTable } from './TracesTable';
import {
  clearedFilters,
  isAdvanced,
  pageSizeOf,
  type IdFilterKey,
  type TraceListSearch,
} from './traceListSearch';
import styles from './TraceListPage.module.css';
import { useChartShown } from './useChartShown';
import { LIVE_INTERVAL_MS, useTraceListData } from './useTraceListData';

export interface TraceListPageProps {
  search: TraceListSearch;
  /** What the page's link carried that could not be used. */
  dropped?: readonly DroppedParam[];
  /** A change of what is listed: filters, page, page size, database. */
  onSearchChange: (next: Partial<TraceListSearch>) => void;
  /** A change of how the page looks: sort and columns. */
  onViewChange: (next: Pick<TraceListSearch, 'sort' | 'cols'>) => void;
  onDismissDropped?: () => void;
}

export function TraceListPage({
  search,
  dropped = [],
  onSearchChange,
  onViewChange,
  onDismissDropped,
}: TraceListPageProps) {
  const connection = useConnection();
  const queries = useApiQueries(search.db_id);
  const utc = useTimeZone() === 'utc';
  const config = useQuery(queries.config());
  const choices = configChoices(config.data);
  const [isLive, setLive] = useState(false);
  const data = useTraceListData(queries, search, isLive);
  const advancedPanelId = useId();
  const [isAdvancedOpen, setAdvancedOpen] = useAdvancedSearchOpen(search.filter);
  const [isChartShown, toggleChart] = useChartShown();

  // Every filter change goes back to the first page.
  const changeFilters = useCallback(
    (change: Partial<TraceListSearch>) => onSearchChange({ ...change, page: 1 }),
    [onSearchChange],
  );
  const handleIdFilter = useCallback(
    (key: IdFilterKey, value: string) => changeFilters({ [key]: value }),
    [changeFilters],
  );
  const filters = activeFilters(search, (iso) => formatShortTimestamp(parseTimestampUs(iso), utc));
  const clearAll = () => onSearchChange(clearedFilters());

  const refused =
    isAdvanced(search) && data.error instanceof HttpError && data.error.status === 400
      ? formatDetail(data.error.detail)
      : null;

  const advancedToggle = (
    <AdvancedSearchToggle
      isOpen={isAdvancedOpen}
      panelId={advancedPanelId}
      onToggle={() => setAdvancedOpen(!isAdvancedOpen)}
    />
  );
  const advancedSection = (
    <AdvancedSearchSection
      queries={queries}
      panelId={advancedPanelId}
      isOpen={isAdvancedOpen}
      filter={search.filter}
      serverError={refused}
      onApply={(filter) => changeFilters({ filter })}
    />
  );
  const hasRows = !!(data.traces && data.meta && data.traces.length > 0);

  return (
    <section className={`page ${styles.page}`} aria-labelledby="traces-heading">
      <header className="page-header">
        <h1 id="traces-heading">Traces</h1>
        <DatabaseSelect
          databases={choices.databases}
          value={search.db_id ?? connection.dbId ?? choices.defaultDatabase}
          onChange={(dbId) => changeFilters({ db_id: dbId })}
        />
        <span className="spacer" />
        <LiveToggle
          isLive={isLive}
          intervalMs={LIVE_INTERVAL_MS}
          isPaused={search.page !== 1}
          isFetching={data.isFetching}
          isStale={data.isStale}
          staleReason={data.error?.message}
          updatedAt={data.dataUpdatedAt}
          onToggle={(next) => {
            setLive(next);
            // Live updates follow the newest traces, which are on the first page.
            if (next && search.page !== 1) onSearchChange({ page: 1 });
          }}
        />
        <CopyLinkButton />
      </header>
      <DroppedParamsNotice dropped={dropped} onDismiss={onDismissDropped} />
      <TraceFilters
        search={search}
        choices={choices}
        traces={data.traces}
        onChange={changeFilters}
        activeCount={filters.length}
      />
      <FilterChips
        chips={filters.map((f) => ({ ...f, onRemove: () => changeFilters(f.remove) }))}
        onClearAll={clearAll}
      />
      {!hasRows && (
        <>
          <div className={styles.toolbar}>{advancedToggle}</div>
          {advancedSection}
        </>
      )}
      {data.isPending && !data.error ? (
        <LoadingState label="Loading traces…" />
      ) : refused && !data.traces ? (
        <EmptyState title="No results: the server refused the advanced search">
          <p className="muted">Its message is shown under the search bar above.</p>
        </EmptyState>
      ) : data.error && !data.traces ? (
        <ApiErrorState error={data.error} action="load the traces" onRetry={data.refetch} />
      ) : data.traces && data.meta && data.traces.length === 0 ? (
        <TraceListEmptyState
          filters={filters}
          page={search.page}
          totalCount={data.meta.total_count}
          totalPages={data.meta.total_pages}
          onClearFilters={clearAll}
          onFirstPage={() => onSearchChange({ page: 1 })}
        />
      ) : data.traces && data.meta ? (
        <div className={data.isStale ? `${styles.results} ${styles.isStale}` : styles.results}>
          <TracesTable
            toolbarStart={advancedToggle}
            toolbarEnd={
              <button
                type="button"
                className="button"
                aria-pressed={isChartShown}
                title="Duration over time, above the table"
                onClick={toggleChart}
              >
                Chart
              </button>
            }
            aboveTable={
              <>
                {advancedSection}
                {isChartShown && <DeferredResultsChart traces={data.traces} dbId={search.db_id} />}
              </>
            }
            traces={data.traces}
            dbId={search.db_id}
            isLoadingNext={data.isPlaceholderData}
            onFilter={handleIdFilter}
            sort={search.sort}
            cols={search.cols}
            onViewChange={onViewChange}
          />
          <Pagination
            noun="traces"
            page={search.page}
            totalPages={data.meta.total_pages}
            totalCount={data.meta.total_count}
            pageSize={pageSizeOf(search)}
            pageSizes={PAGE_SIZES}
            isFetching={data.isPlaceholderData}
            onPageChange={(page) => onSearchChange({ page })}
            onPageSizeChange={(limit) => onSearchChange({ limit: limit as PageSize, page: 1 })}
          />
        </div>
      ) : null}
    </section>
  );
}
