import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiQueries } from '../../api/queries';
import type { FilterExpr } from '../../api/schemas';
import { ApiErrorState } from '../../components/ApiErrorState';
import { AdvancedSearchBar } from './AdvancedSearchBar';
import type { FilterJoin } from './filterExpression';
import styles from './TraceListPage.module.css';

/** Open whenever an expression is applied, unless the reader closed it. */
export function useAdvancedSearchOpen(filter: FilterExpr | undefined) {
  const [isOpenByUser, setOpenByUser] = useState<boolean | null>(null);
  return [isOpenByUser ?? filter !== undefined, setOpenByUser] as const;
}

export interface AdvancedSearchToggleProps {
  isOpen: boolean;
  panelId: string;
  onToggle: () => void;
}

/** The disclosure button; it sits in the results toolbar, the panel just below it. */
export function AdvancedSearchToggle({ isOpen, panelId, onToggle }: AdvancedSearchToggleProps) {
  return (
    <button
      type="button"
      className={`link-button ${styles.disclosure}`}
      aria-expanded={isOpen}
      aria-controls={panelId}
      onClick={onToggle}
    >
      <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span> Advanced search
    </button>
  );
}

export interface AdvancedSearchSectionProps {
  queries: ApiQueries;
  panelId: string;
  isOpen: boolean;
  filter: FilterExpr | undefined;
  serverError: string | null;
  onApply: (filter: FilterExpr | undefined) => void;
}

/** The advanced search bar, built from GET /traces/filter-schema once it is opened. */
export function AdvancedSearchSection({
  queries,
  panelId,
  isOpen,
  filter,
  serverError,
  onApply,
}: AdvancedSearchSectionProps) {
  const schema = useQuery({ ...queries.filterSchema(), enabled: isOpen });
  const joins = (schema.data?.logical_operators ?? ['AND', 'OR']).filter(
    (op): op is FilterJoin => op === 'AND' || op === 'OR',
  );
  if (!isOpen) return null;
  return (
    <div id={panelId}>
      {schema.isPending ? (
        <p className="muted">Loading the fields you can search on…</p>
      ) : schema.isError ? (
        <ApiErrorState
          error={schema.error}
          action="load the search fields"
          onRetry={() => void schema.refetch()}
        />
      ) : (
        <AdvancedSearchBar
          filter={filter}
          fields={schema.data.fields}
          joins={joins.length ? joins : ['AND']}
          serverError={serverError}
          onApply={onApply}
        />
      )}
    </div>
  );
}
