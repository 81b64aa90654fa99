import type { RefObject } from 'react';
import {
  useFilterResult,
  useShownCriticalPath,
  useSpanSearch,
  useTraceActions,
  useTraceView,
  useTraceViewContext,
} from '../traceViewContext';

export interface WaterfallToolbarProps {
  /** The search box, which "/" focuses from anywhere on the page. */
  searchInputRef: RefObject<HTMLInputElement | null>;
}

export function WaterfallToolbar({ searchInputRef }: WaterfallToolbarProps) {
  const { tree, repeated } = useTraceViewContext();
  const actions = useTraceActions();
  const filter = useTraceView((state) => state.filter);
  const hideFiltered = useTraceView((state) => state.hideFiltered);
  const showCriticalPath = useTraceView((state) => state.showCriticalPath);
  const filterResult = useFilterResult();
  const criticalPath = useShownCriticalPath();
  const search = useSpanSearch();
  const spanTypes = tree.spanTypeCounts;
  const repeatedCount = repeated === null ? null : repeated.spanCount;
  const depthChoices = Array.from({ length: Math.min(tree.maxDepth + 1, 12) }, (_, i) => i + 1);
  const toggleType = (type: string) => {
    const types = new Set(filter.types);
    if (types.has(type)) types.delete(type);
    else types.add(type);
    actions.setFilter({ ...filter, types });
  };

  return (
    <div className="waterfall-toolbar" role="toolbar" aria-label="Waterfall controls">
      <div className="toolbar-group">
        <button type="button" className="button" onClick={actions.expandAll}>
          Expand all
        </button>
        <button type="button" className="button" onClick={() => actions.collapseToDepth(1)}>
          Collapse all
        </button>
        {depthChoices.length > 1 && (
          <label className="inline-field">
            Show depth
            <select
              value=""
              onChange={(event) => {
                if (event.target.value) actions.collapseToDepth(Number(event.target.value));
              }}
            >
              <option value="">…</option>
              {depthChoices.map((levels) => (
                <option key={levels} value={levels}>
                  {levels}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>

      <fieldset className="toolbar-group type-filter">
        <legend className="visually-hidden">Span types</legend>
        {spanTypes.map(({ type, count }) => (
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
        <label className="inline-field">
          <input
            type="checkbox"
            checked={filter.errorsOnly}
            onChange={(event) => actions.setFilter({ ...filter, errorsOnly: event.target.checked })}
          />
          Errors only
        </label>
        {repeatedCount !== null && repeatedCount > 0 && (
          <label
            className="inline-field"
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
        <label className="inline-field">
          <input
            type="checkbox"
            checked={hideFiltered}
            onChange={(event) => actions.setHideFiltered(event.target.checked)}
          />
          Hide others
        </label>
        {filterResult !== null && (
          <span className="muted" aria-live="polite">
            {filterResult.matchCount.toLocaleString()} matching
          </span>
        )}
      </fieldset>

      <div className="toolbar-group">
        <label
          className="inline-field critical-path-toggle"
          title="The chain of spans the end of the trace waited on"
        >
          <input
            type="checkbox"
            checked={showCriticalPath}
            onChange={(event) => actions.setShowCriticalPath(event.target.checked)}
          />
          Critical path
        </label>
        {showCriticalPath && criticalPath !== null && (
          <span className="muted" aria-live="polite">
            {criticalPath.spanCount.toLocaleString()}{' '}
            {criticalPath.spanCount === 1 ? 'span' : 'spans'}
          </span>
        )}
      </div>

      <div className="toolbar-group span-search">
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
        {search.query.trim() && (
          <span className="muted search-count" role="status">
            {search.matches.length === 0
              ? 'No matches'
              : `${search.activePosition + 1} of ${search.matches.length.toLocaleString()}`}
          </span>
        )}
        <button
          type="button"
          className="button"
          aria-label="Previous match"
          disabled={search.matches.length === 0}
          onClick={() => search.step(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="button"
          aria-label="Next match"
          disabled={search.matches.length === 0}
          onClick={() => search.step(1)}
        >
          ↓
        </button>
      </div>
    </div>
  );
}
