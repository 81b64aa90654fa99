import { useId, useState, type FormEvent } from 'react';
import type { FilterExpr, FilterField } from '../../api/schemas';
import {
  buildFilterExpr,
  clausesFromFilterExpr,
  isClauseComplete,
  type FilterClause,
  type FilterJoin,
} from './filterExpression';
import { FilterClauseRow } from './FilterClauseRow';

export interface AdvancedSearchBarProps {
  /** The applied expression (from the URL). */
  filter: FilterExpr | undefined;
  /** From GET /traces/filter-schema; the bar offers exactly these fields and operators. */
  fields: readonly FilterField[];
  joins: readonly FilterJoin[];
  /** The server's 400 message for the applied expression. */
  serverError: string | null;
  onApply: (filter: FilterExpr | undefined) => void;
}

type Draft = { id: number; clause: FilterClause };
let nextId = 1;
const withIds = (clauses: FilterClause[]): Draft[] =>
  clauses.map((clause) => ({ id: nextId++, clause }));

function initialState(filter: FilterExpr | undefined, fields: readonly FilterField[]) {
  const clauses = filter === undefined ? [] : clausesFromFilterExpr(filter);
  const blank: FilterClause = {
    key: fields[0]?.key ?? '',
    op: fields[0]?.operators[0] ?? '',
    value: '',
    join: 'AND',
  };
  return {
    source: JSON.stringify(filter ?? null),
    // An expression the clauses cannot show (NOT, nesting) opens as JSON.
    mode: clauses === null ? ('json' as const) : ('clauses' as const),
    drafts: withIds(clauses?.length ? clauses : [blank]),
    json: filter === undefined ? '' : JSON.stringify(filter, null, 2),
    problem: null as string | null,
    invalid: new Set<number>(),
  };
}

/** Clauses built from the server's filter schema, joined by AND/OR; or the expression as JSON. */
export function AdvancedSearchBar({
  filter,
  fields,
  joins,
  serverError,
  onApply,
}: AdvancedSearchBarProps) {
  const jsonId = useId();
  const [state, setState] = useState(() => initialState(filter, fields));
  // Back/forward or a cleared chip changed the applied expression: start again from it.
  if (state.source !== JSON.stringify(filter ?? null)) setState(initialState(filter, fields));
  const { mode, drafts, json, problem, invalid } = state;
  const update = (patch: Partial<typeof state>) => setState((s) => ({ ...s, ...patch }));

  const blankClause = (): FilterClause => ({
    key: fields[0]?.key ?? '',
    op: fields[0]?.operators[0] ?? '',
    value: '',
    join: 'AND',
  });

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'json') {
      if (json.trim() === '') return onApply(undefined);
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch (error) {
        return update({ problem: `This is not valid JSON: ${(error as Error).message}` });
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return update({
          problem:
            'The expression must be a JSON object, e.g. {"op": "EQ", "key": "status", "value": "ERROR"}.',
        });
      }
      // The server is the judge of the rest: its 400 message shows below.
      return onApply(parsed as FilterExpr);
    }
    const clauses = drafts.map((d) => d.clause);
    if (clauses.length === 1 && clauses[0]?.value.trim() === '') return onApply(undefined);
    const incomplete = drafts.filter((d) => !isClauseComplete(d.clause));
    if (incomplete.length > 0) {
      const numbers = incomplete.map((d) => drafts.indexOf(d) + 1).join(', ');
      return update({
        problem: `Complete or remove clause ${numbers}: each needs a field, an operator and a value.`,
        invalid: new Set(incomplete.map((d) => d.id)),
      });
    }
    onApply(buildFilterExpr(clauses, fields) ?? undefined);
  };

  const switchMode = () => {
    if (mode === 'clauses') {
      const expr = buildFilterExpr(
        drafts.map((d) => d.clause),
        fields,
      );
      return update({
        mode: 'json',
        json: expr ? JSON.stringify(expr, null, 2) : '',
        problem: null,
      });
    }
    let clauses: FilterClause[] | null;
    try {
      clauses = json.trim() === '' ? [blankClause()] : clausesFromFilterExpr(JSON.parse(json));
    } catch {
      clauses = null;
    }
    if (!clauses) {
      return update({
        problem:
          'This expression cannot be shown as clauses (it uses NOT, nesting, or is not valid).',
      });
    }
    update({ mode: 'clauses', drafts: withIds(clauses), problem: null, invalid: new Set() });
  };

  return (
    <form
      className="advanced-search"
      aria-label="Advanced search"
      onSubmit={handleSubmit}
      noValidate
    >
      {mode === 'clauses' ? (
        <div className="filter-clauses">
          {drafts.map((draft, index) => (
            <FilterClauseRow
              key={draft.id}
              clause={draft.clause}
              index={index}
              fields={fields}
              joins={joins}
              isInvalid={invalid.has(draft.id)}
              onChange={(clause) =>
                update({
                  drafts: drafts.map((d) => (d.id === draft.id ? { ...d, clause } : d)),
                  problem: null,
                })
              }
              onRemove={() => {
                const rest = drafts.filter((d) => d.id !== draft.id);
                update({ drafts: rest.length ? rest : withIds([blankClause()]), problem: null });
              }}
            />
          ))}
        </div>
      ) : (
        <div className="filter-json">
          <label htmlFor={jsonId}>Filter expression (JSON)</label>
          <textarea
            id={jsonId}
            rows={5}
            spellCheck={false}
            value={json}
            placeholder='{"op": "AND", "conditions": [{"op": "EQ", "key": "status", "value": "ERROR"}]}'
            onChange={(event) => update({ json: event.target.value, problem: null })}
          />
        </div>
      )}
      <div className="advanced-actions">
        {mode === 'clauses' && (
          <button
            type="button"
            className="button"
            onClick={() => update({ drafts: [...drafts, ...withIds([blankClause()])] })}
          >
            Add clause
          </button>
        )}
        <button type="submit" className="button primary">
          Apply search
        </button>
        {filter !== undefined && (
          <button type="button" className="button" onClick={() => onApply(undefined)}>
            Clear search
          </button>
        )}
        <button type="button" className="link-button" onClick={switchMode}>
          {mode === 'clauses' ? 'Edit as JSON' : 'Edit as clauses'}
        </button>
      </div>
      {problem && (
        <p className="search-problem" role="alert">
          {problem}
        </p>
      )}
      {serverError && !problem && (
        <p className="search-problem" role="alert">
          <strong>The server refused this search:</strong> {serverError}
        </p>
      )}
    </form>
  );
}
