import type { RefObject } from 'react';
import type { SpanFilter } from './spanFilter';

export interface WaterfallToolbarProps {
  maxDepth: number;
  spanTypes: { type: string; count: number }[];
  filter: SpanFilter;
  hideFiltered: boolean;
  filterMatchCount: number | null;
  searchQuery: string;
  searchMatchCount: number;
  searchActivePosition: number;
  searchInputRef: RefObject<HTMLInputElement | null>;
  /** Spans flagged as repeated calls; null while they are being looked for. */
  repeatedCount: number | null;
  showCriticalPath: boolean;
  /** Spans on the critical path, once computed. */
  criticalPathSpans: number | null;
  onShowCriticalPathChange: (show: boolean) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  onCollapseToDepth: (levels: number) => void;
  onFilterChange: (filter: SpanFilter) => void;
  onHideFilteredChange: (hide: boolean) => void;
  onSearchChange: (query: string) => void;
  onSearchStep: (direction: 1 | -1) => void;
}

export function WaterfallToolbar({ searchInputRef, ...props }: WaterfallToolbarProps) {
  const { filter } = props;
  const depthChoices = Array.from({ length: Math.min(props.maxDepth, 12) }, (_, i) => i + 1);
  const toggleType = (type: string) => {
    const types = new Set(filter.types);
    if (types.has(type)) types.delete(type);
    else types.add(type);
    props.onFilterChange({ ...filter, types });
  };

  return (
    <div className="waterfall-toolbar" role="toolbar" aria-label="Waterfall controls">
      <div className="toolbar-group">
        <button type="button" className="button" onClick={props.onExpandAll}>
          Expand all
        </button>
        <button type="button" className="button" onClick={props.onCollapseAll}>
          Collapse all
        </button>
        {depthChoices.length > 1 && (
          <label className="inline-field">
            Show depth
            <select
              value=""
              onChange={(event) => {
                if (event.target.value) props.onCollapseToDepth(Number(event.target.value));
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
        {props.spanTypes.map(({ type, count }) => (
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
            onChange={(event) =>
              props.onFilterChange({ ...filter, errorsOnly: event.target.checked })
            }
          />
          Errors only
        </label>
        {props.repeatedCount !== null && props.repeatedCount > 0 && (
          <label
            className="inline-field"
            title="Tools called again with the same parameters, and model calls going round in circles"
          >
            <input
              type="checkbox"
              checked={filter.repeatedOnly}
              onChange={(event) =>
                props.onFilterChange({ ...filter, repeatedOnly: event.target.checked })
              }
            />
            Repeated calls only
          </label>
        )}
        <label className="inline-field">
          <input
            type="checkbox"
            checked={props.hideFiltered}
            onChange={(event) => props.onHideFilteredChange(event.target.checked)}
          />
          Hide others
        </label>
        {props.filterMatchCount !== null && (
          <span className="muted" aria-live="polite">
            {props.filterMatchCount.toLocaleString()} matching
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
            checked={props.showCriticalPath}
            onChange={(event) => props.onShowCriticalPathChange(event.target.checked)}
          />
          Critical path
        </label>
        {props.showCriticalPath && props.criticalPathSpans !== null && (
          <span className="muted" aria-live="polite">
            {props.criticalPathSpans.toLocaleString()}{' '}
            {props.criticalPathSpans === 1 ? 'span' : 'spans'}
          </span>
        )}
      </div>

      <div className="toolbar-group span-search">
        <input
          ref={searchInputRef}
          type="search"
          aria-label="Search spans"
          placeholder="Search spans  ( / )"
          value={props.searchQuery}
          onChange={(event) => props.onSearchChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              props.onSearchStep(event.shiftKey ? -1 : 1);
            }
          }}
        />
        {props.searchQuery.trim() && (
          <span className="muted search-count" role="status">
            {props.searchMatchCount === 0
              ? 'No matches'
              : `${props.searchActivePosition + 1} of ${props.searchMatchCount.toLocaleString()}`}
          </span>
        )}
        <button
          type="button"
          className="button"
          aria-label="Previous match"
          disabled={props.searchMatchCount === 0}
          onClick={() => props.onSearchStep(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="button"
          aria-label="Next match"
          disabled={props.searchMatchCount === 0}
          onClick={() => props.onSearchStep(1)}
        >
          ↓
        </button>
      </div>
    </div>
  );
}
