import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ApiQueries } from '../../api/queries';
import type { FilterExpr } from '../../api/schemas';
import { ApiErrorState } from '../../components/ApiErrorState';
import { AdvancedSearchBar } from './AdvancedSearchBar';
import type { FilterJoin } from './filterExpression';

export interface AdvancedSearchSectionProps {
  queries: ApiQueries;
  filter: FilterExpr | undefined;
  serverError: string | null;
  onApply: (filter: FilterExpr | undefined) => void;
}

/** A disclosure around the advanced search bar; open whenever an expression is applied. */
export function AdvancedSearchSection({
  queries,
  filter,
  serverError,
  onApply,
}: AdvancedSearchSectionProps) {
  const panelId = useId();
  const [isOpenByUser, setOpenByUser] = useState<boolean | null>(null);
  const isOpen = isOpenByUser ?? filter !== undefined;
  const schema = useQuery({ ...queries.filterSchema(), enabled: isOpen });
  const joins = (schema.data?.logical_operators ?? ['AND', 'OR']).filter(
    (op): op is FilterJoin => op === 'AND' || op === 'OR',
  );

  return (
    <div className="advanced-section">
      <button
        type="button"
        className="link-button disclosure"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpenByUser(!isOpen)}
      >
        <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span> Advanced search
      </button>
      {isOpen && (
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
      )}
    </div>
  );
}
