import type { RefObject } from 'react';
import { Popover } from '../../../components/Popover';
import { KeyboardShortcutsDialog } from '../KeyboardShortcutsDialog';
import {
  useFilterResult,
  useShownCriticalPath,
  useSpanSearch,
  useTraceActions,
  useTraceView,
  useTraceViewContext,
} from '../traceViewContext';
import { hasLanes } from '../swimlanes/hasLanes';
import { levelCounts } from './levelCounts';
import styles from './WaterfallToolbar.module.css';

export interface WaterfallToolbarProps {
  /** The search box, which "/" focuses from anywhere on the page. */
  searchInputRef: RefObject<HTMLInputElement | null>;
}

/**
 * One row that does not reflow: search, the two toggles people use most, the rest in popovers,
 * and what the filters found at the end, in a slot of its own (so nothing moves when they change).
 */
export function WaterfallToolbar({ searchInputRef }: WaterfallToolbarProps) {
  const { repeated, tree } = useTraceViewContext();
  const actions = useTraceActions();
  const filter = useTraceView((state) => state.filter);
  const hideFiltered = useTraceView((state) => state.hideFiltered);
  const showCriticalPath = useTraceView((state) => state.showCriticalPath);
  const isHelpOpen = useTraceView((state) => state.isHelpOpen);
  const showLanes = useTraceView((state) => state.showLanes);
  const filterResult = useFilterResult();
  const criticalPath = useShownCriticalPath();
  const search = useSpanSearch();
  const moreFilters = filter.types.size + (filter.repeatedOnly ? 1 : 0) + (hideFiltered ? 1 : 0);
  const repeatedCount = repeated === null ? null : repeated.spanCount;

  // "…" while the long texts are still being looked through: the count can only grow. Before a
  // first match, "Searching" is read out but not shown, to leave the query its room in the box.
  const isSearching = !!search.query.trim() && search.matches.length === 0 && !search.isComplete;
  const searchCount = !search.query.trim()
    ? ''
    : search.matches.length === 0
      ? search.isComplete
        ? 'No matches'
        : '…'
      : `${search.activePosition + 1} of ${search.matches.length.toLocaleString()}${search.isComplete ? '' : '…'}`;

  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Waterfall controls">
      <div className={styles.search}>
        {/* The count sits inside the box's right end, as in a browser's find bar. */}
        <span
          className={styles.searchField}
          // The text stops where the count starts: room for its characters, no more.
          style={{ '--count-chars': searchCount.length } as React.CSSProperties}
        >
          <input
            ref={searchInputRef}
            type="search"
            aria-label="Search spans"
            placeholder="Search spans  ( / )"
            value={search.query}
            onChange={(event) => actions.setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                search.step(event.shiftKey ? -1 : 1);
              }
            }}
          />
          <span className={`muted search-count ${styles.searchCount}`} role="status">
            {isSearching && <span className="visually-hidden">Searching</span>}
            {searchCount}
          </span>
        </span>
        <button
          type="button"
          className="button"
          aria-label="Previous match"
          data-compact=""
          disabled={search.matches.length === 0}
          onClick={() => search.step(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="button"
          aria-label="Next match"
          data-compact=""
          disabled={search.matches.length === 0}
          onClick={() => search.step(1)}
        >
          ↓
        </button>
      </div>

      <label className={styles.toggle}>
        <input
          type="checkbox"
          checked={filter.errorsOnly}
          onChange={(event) => actions.setFilter({ ...filter, errorsOnly: event.target.checked })}
        />
        Errors only
      </label>
      <label className={styles.toggle} title="The chain of spans the end of the trace waited on">
        <input
          type="checkbox"
          checked={showCriticalPath}
          onChange={(event) => actions.setShowCriticalPath(event.target.checked)}
        />
        Critical path
      </label>

      {hasLanes(tree.spanTypeCounts.map(({ type }) => type)) && (
        <label
          className={styles.toggle}
          title="One lane per agent or workflow step, with the hand-offs between them"
        >
          <input
            type="checkbox"
            checked={showLanes}
            onChange={(event) => actions.setShowLanes(event.target.checked)}
          />
          Lanes
        </label>
      )}

      <Popover
        label={moreFilters > 0 ? `Filters (${moreFilters})` : 'Filters'}
        ariaLabel="More filters"
        contentLabel="Filters"
        isActive={moreFilters > 0}
      >
        <SpanTypeFilter />
        {repeatedCount !== null && repeatedCount > 0 && (
          <label
            className={styles.toggle}
            title="Tools called again with the same parameters, and model calls going round in circles"
          >
            <input
              type="checkbox"
              checked={filter.repeatedOnly}
              onChange={(event) =>
                actions.setFilter({ ...filter, repeatedOnly: event.target.checked })
              }
            />
            Repeated calls only
          </label>
        )}
        <label className={styles.toggle} title="Leave out the spans the filters do not keep">
          <input
            type="checkbox"
            checked={hideFiltered}
            onChange={(event) => actions.setHideFiltered(event.target.checked)}
          />
          Hide others
        </label>
      </Popover>

      {/* Lanes have no levels to fold. */}
      {!showLanes && (
        <Popover label="Levels" ariaLabel="Expand or collapse levels" contentLabel="Levels">
          <LevelChoices />
        </Popover>
      )}

      <KeyboardShortcutsDialog isOpen={isHelpOpen} onOpenChange={actions.setHelpOpen} />

      {/* Cut first when the row is short of room; the whole text stays in the title. */}
      <p className={`muted ${styles.outcome}`} aria-live="polite">
        {filterResult !== null && (
          <OutcomeText text={`${filterResult.matchCount.toLocaleString()} matching`} />
        )}
        {showCriticalPath && criticalPath !== null && (
          <OutcomeText
            text={`${criticalPath.spanCount.toLocaleString()} ${criticalPath.spanCount === 1 ? 'span' : 'spans'} on the critical path`}
          />
        )}
      </p>
    </div>
  );
}

function OutcomeText({ text }: { text: string }) {
  return <span title={text}>{text}</span>;
}

function SpanTypeFilter() {
  const { tree } = useTraceViewContext();
  const actions = useTraceActions();
  const filter = useTraceView((state) => state.filter);
  const toggleType = (type: string) => {
    const types = new Set(filter.types);
    if (types.has(type)) types.delete(type);
    else types.add(type);
    actions.setFilter({ ...filter, types });
  };
  return (
    <fieldset className={styles.types}>
      <legend>Span types</legend>
      {tree.spanTypeCounts.map(({ type, count }) => (
        <button
          key={type}
          type="button"
          className="type-chip"
          aria-pressed={filter.types.has(type)}
          onClick={() => toggleType(type)}
          title={`Show only ${type} spans (with their ancestors)`}
        >
          {type} <span className="muted">{count.toLocaleString()}</span>
        </button>
      ))}
    </fieldset>
  );
}

function LevelChoices() {
  const { tree } = useTraceViewContext();
  const actions = useTraceActions();
  const collapseDepth = useTraceView((state) => state.collapseDepth);
  const counts = levelCounts(tree);
  return (
    <>
      <div className={styles.levelActions}>
        <button type="button" className="button" onClick={actions.expandAll}>
          Expand all
        </button>
        <button type="button" className="button" onClick={() => actions.collapseToDepth(1)}>
          Collapse all
        </button>
      </div>
      {counts.length > 1 && (
        <fieldset className={styles.levels}>
          <legend>Expand to level</legend>
          {counts.map((count, i) => (
            <button
              key={i}
              type="button"
              className={styles.level}
              aria-pressed={collapseDepth === i + 1}
              onClick={() => actions.collapseToDepth(i + 1)}
            >
              <span>Level {i + 1}</span>
              <span className="muted">
                {count.toLocaleString()} {count === 1 ? 'span' : 'spans'}
              </span>
            </button>
          ))}
        </fieldset>
      )}
    </>
  );
}
