import type { FilterField } from '../../api/schemas';
import { fromDateTimeLocal, toDateTimeLocal } from '../../lib/timeRange';
import { useTimeZone } from '../../lib/timeZone';
import { operatorLabel, type FilterClause, type FilterJoin } from './filterExpression';

export interface FilterClauseRowProps {
  clause: FilterClause;
  /** 0-based; the first clause has no join. */
  index: number;
  fields: readonly FilterField[];
  joins: readonly FilterJoin[];
  isInvalid: boolean;
  onChange: (clause: FilterClause) => void;
  onRemove: () => void;
}

/** One "field operator value" clause of the advanced search, with its AND/OR. */
export function FilterClauseRow({
  clause,
  index,
  fields,
  joins,
  isInvalid,
  onChange,
  onRemove,
}: FilterClauseRowProps) {
  const field = fields.find((f) => f.key === clause.key);
  const name = `Clause ${index + 1}`;

  const handleFieldChange = (key: string) => {
    const next = fields.find((f) => f.key === key);
    const op = next?.operators.includes(clause.op) ? clause.op : (next?.operators[0] ?? '');
    onChange({ ...clause, key, op, value: '' });
  };

  return (
    <div className="filter-clause" role="group" aria-label={name}>
      {index === 0 ? (
        <span className="clause-join-placeholder muted">Where</span>
      ) : (
        <select
          aria-label="Join"
          className="clause-join"
          value={clause.join}
          onChange={(event) => onChange({ ...clause, join: event.target.value as FilterJoin })}
        >
          {joins.map((join) => (
            <option key={join} value={join}>
              {join}
            </option>
          ))}
        </select>
      )}
      <select
        aria-label="Field"
        value={clause.key}
        onChange={(e) => handleFieldChange(e.target.value)}
      >
        {!field && <option value="">{clause.key || 'Choose a field'}</option>}
        {fields.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label ?? f.key}
          </option>
        ))}
      </select>
      <select
        aria-label="Operator"
        value={clause.op}
        onChange={(event) => onChange({ ...clause, op: event.target.value, value: clause.value })}
      >
        {!field?.operators.includes(clause.op) && (
          <option value={clause.op}>{clause.op || '–'}</option>
        )}
        {field?.operators.map((op) => (
          <option key={op} value={op}>
            {operatorLabel(op, field.type)}
          </option>
        ))}
      </select>
      <ClauseValueInput
        clause={clause}
        field={field}
        isInvalid={isInvalid}
        onChange={(value) => onChange({ ...clause, value })}
      />
      <button
        type="button"
        className="icon-button"
        aria-label={`Remove clause ${index + 1}`}
        title="Remove this clause"
        onClick={onRemove}
      >
        ×
      </button>
    </div>
  );
}

interface ClauseValueInputProps {
  clause: FilterClause;
  field: FilterField | undefined;
  isInvalid: boolean;
  onChange: (value: string) => void;
}

/** The value control suits the field: enum choices, a date-time, a number, or text. */
function ClauseValueInput({ clause, field, isInvalid, onChange }: ClauseValueInputProps) {
  const utc = useTimeZone() === 'utc';
  const common = { 'aria-label': 'Value', 'aria-invalid': isInvalid || undefined };
  if (clause.op === 'IN') {
    const hint = field?.values?.length ? field.values.join(', ') : 'a, b, c';
    return (
      <input
        {...common}
        type="text"
        placeholder={`Comma-separated, e.g. ${hint}`}
        value={clause.value}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  if (field?.type === 'enum' && field.values?.length) {
    return (
      <select {...common} value={clause.value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Choose a value</option>
        {field.values.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
    );
  }
  if (field?.type === 'datetime') {
    return (
      <input
        {...common}
        type="datetime-local"
        value={toDateTimeLocal(clause.value, utc)}
        onChange={(event) => onChange(fromDateTimeLocal(event.target.value, utc) ?? '')}
      />
    );
  }
  return (
    <input
      {...common}
      type="text"
      inputMode={field?.type === 'number' ? 'decimal' : undefined}
      placeholder={field?.type === 'number' ? 'A number' : 'Value'}
      value={clause.value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
