import type { FilterCondition, FilterExpr, FilterField } from '../../api/schemas';

/**
 * The advanced search bar edits a flat list of clauses joined by AND/OR; this module turns them
 * into the search DSL of POST /traces/search and back. AND binds tighter than OR, as people read
 * it: `a AND b OR c` is `(a AND b) OR c`, sent as an OR of AND groups.
 */
export type FilterJoin = 'AND' | 'OR';

export interface FilterClause {
  key: string;
  op: string;
  /** As typed. For IN, a comma-separated list. Datetimes are ISO 8601 with a zone. */
  value: string;
  /** How this clause joins the one before it; ignored on the first. */
  join: FilterJoin;
}

const OPERATOR_LABELS: Record<string, string> = {
  EQ: 'equals',
  NEQ: 'does not equal',
  GT: 'greater than',
  GTE: 'at least',
  LT: 'less than',
  LTE: 'at most',
  IN: 'is one of',
  CONTAINS: 'contains',
  STARTSWITH: 'starts with',
};

const DATETIME_OPERATOR_LABELS: Record<string, string> = {
  GT: 'after',
  GTE: 'at or after',
  LT: 'before',
  LTE: 'at or before',
};

export function operatorLabel(op: string, fieldType?: string): string {
  return (
    (fieldType === 'datetime' ? DATETIME_OPERATOR_LABELS[op] : undefined) ??
    OPERATOR_LABELS[op] ??
    op
  );
}

/** IN's list: comma-separated, trimmed, empty items dropped. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function isClauseComplete(clause: FilterClause): boolean {
  if (!clause.key || !clause.op) return false;
  return clause.op === 'IN' ? splitList(clause.value).length > 0 : clause.value.trim() !== '';
}

/** Numbers for number fields; text that is not a number is sent as is, for the server to judge. */
function typedValue(text: string, field: FilterField | undefined): unknown {
  const trimmed = text.trim();
  if (field?.type === 'number' && trimmed !== '' && Number.isFinite(Number(trimmed))) {
    return Number(trimmed);
  }
  return trimmed;
}

function conditionFromClause(clause: FilterClause, field?: FilterField): FilterCondition {
  if (clause.op === 'IN') {
    // IN is the odd one in the DSL: a plural `values`.
    return {
      op: 'IN',
      key: clause.key,
      values: splitList(clause.value).map((v) => typedValue(v, field)),
    };
  }
  return {
    op: clause.op as Exclude<FilterCondition['op'], 'IN'>,
    key: clause.key,
    value: typedValue(clause.value, field),
  };
}

/** The DSL expression for the complete clauses, or null when there are none. */
export function buildFilterExpr(
  clauses: readonly FilterClause[],
  fields: readonly FilterField[] = [],
): FilterExpr | null {
  const groups: FilterCondition[][] = [];
  for (const clause of clauses) {
    if (!isClauseComplete(clause)) continue;
    const condition = conditionFromClause(
      clause,
      fields.find((f) => f.key === clause.key),
    );
    const current = groups[groups.length - 1];
    if (current && clause.join === 'AND') current.push(condition);
    else groups.push([condition]);
  }
  const terms: FilterExpr[] = groups.map((group) =>
    group.length === 1 ? group[0]! : { op: 'AND', conditions: group },
  );
  if (terms.length === 0) return null;
  return terms.length === 1 ? terms[0]! : { op: 'OR', conditions: terms };
}

/** Ands expressions together, flattening nested ANDs; null when there is nothing. */
export function andAll(exprs: ReadonlyArray<FilterExpr | null | undefined>): FilterExpr | null {
  const conditions: FilterExpr[] = [];
  for (const expr of exprs) {
    if (!expr) continue;
    if (expr.op === 'AND' && 'conditions' in expr) conditions.push(...expr.conditions);
    else conditions.push(expr);
  }
  if (conditions.length === 0) return null;
  return conditions.length === 1 ? conditions[0]! : { op: 'AND', conditions };
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function valueText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function clauseFrom(raw: unknown, join: FilterJoin): FilterClause | null {
  const expr = asRecord(raw);
  if (!expr || typeof expr.op !== 'string' || typeof expr.key !== 'string') return null;
  if (expr.op === 'IN') {
    if (!Array.isArray(expr.values) || 'value' in expr) return null;
    const items = expr.values.map(valueText);
    if (items.some((item) => item === null || item.includes(','))) return null;
    return { key: expr.key, op: 'IN', value: items.join(', '), join };
  }
  if (!('value' in expr) || 'values' in expr) return null;
  const text = valueText(expr.value);
  return text === null ? null : { key: expr.key, op: expr.op, value: text, join };
}

function andGroupFrom(raw: unknown, join: FilterJoin): FilterClause[] | null {
  const expr = asRecord(raw);
  if (expr?.op === 'AND') {
    if (!Array.isArray(expr.conditions) || expr.conditions.length === 0) return null;
    const clauses = expr.conditions.map((c, i) => clauseFrom(c, i === 0 ? join : 'AND'));
    return clauses.every((c) => c !== null) ? clauses : null;
  }
  const clause = clauseFrom(raw, join);
  return clause ? [clause] : null;
}

/**
 * The clauses an expression reads as, or null when the bar cannot show it (NOT, deeper nesting,
 * or a malformed expression): the page then shows it as JSON and still sends it as it is.
 */
export function clausesFromFilterExpr(raw: unknown): FilterClause[] | null {
  const expr = asRecord(raw);
  if (!expr) return null;
  if (expr.op === 'OR') {
    if (!Array.isArray(expr.conditions) || expr.conditions.length === 0) return null;
    const groups = expr.conditions.map((c, i) => andGroupFrom(c, i === 0 ? 'AND' : 'OR'));
    return groups.every((g) => g !== null) ? groups.flat() : null;
  }
  return andGroupFrom(expr, 'AND');
}

const SYMBOLS: Record<string, string> = {
  EQ: '=',
  NEQ: '≠',
  GT: '>',
  GTE: '≥',
  LT: '<',
  LTE: '≤',
  CONTAINS: 'contains',
  STARTSWITH: 'starts with',
};

/** One line of text for an expression, for chips and empty states: `status = ERROR AND …`. */
export function describeFilterExpr(raw: unknown, nested = false): string {
  const expr = asRecord(raw);
  if (!expr) return JSON.stringify(raw);
  if ((expr.op === 'AND' || expr.op === 'OR') && Array.isArray(expr.conditions)) {
    const text = expr.conditions.map((c) => describeFilterExpr(c, true)).join(` ${expr.op} `);
    return nested && expr.conditions.length > 1 ? `(${text})` : text;
  }
  if (expr.op === 'NOT') return `NOT ${describeFilterExpr(expr.condition, true)}`;
  if (typeof expr.key === 'string' && expr.op === 'IN' && Array.isArray(expr.values)) {
    return `${expr.key} in (${expr.values.map((v) => valueText(v) ?? JSON.stringify(v)).join(', ')})`;
  }
  if (typeof expr.key === 'string' && typeof expr.op === 'string' && 'value' in expr) {
    const value = valueText(expr.value) ?? JSON.stringify(expr.value);
    return `${expr.key} ${SYMBOLS[expr.op] ?? expr.op} ${value}`;
  }
  return JSON.stringify(raw);
}
