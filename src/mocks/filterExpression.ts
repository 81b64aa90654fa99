import type { FilterExpr, FilterSchemaResponse, TraceSummary } from '../api/schemas';

/*
 * The search DSL of POST /traces/search, as AgentOS implements it (agno.db.filter_converter):
 * the same checks in the same order, the same error messages (Python reprs included), and SQL's
 * three-valued logic, so a missing field never matches EQ, NEQ or NOT.
 */

const STRING_OPERATORS = ['EQ', 'NEQ', 'CONTAINS', 'STARTSWITH', 'IN'];
const TEXT_OPERATORS = ['EQ', 'NEQ', 'CONTAINS', 'STARTSWITH'];
const NUMBER_OPERATORS = ['EQ', 'NEQ', 'GT', 'GTE', 'LT', 'LTE'];
const TIME_OPERATORS = ['GT', 'GTE', 'LT', 'LTE'];

function field(key: string, label: string, type: string, operators: string[]) {
  // The server sends `values: null` on every field that is not an enum.
  return { key, label, type, operators, values: null };
}

/** The GET /traces/filter-schema answer, as agno 2.9.0 sends it (traces-filter-schema.json). */
export const FILTER_SCHEMA: FilterSchemaResponse = {
  fields: [
    {
      key: 'status',
      label: 'Status',
      type: 'enum',
      operators: ['EQ', 'NEQ', 'IN'],
      values: ['OK', 'ERROR'],
    },
    field('user_id', 'User ID', 'string', STRING_OPERATORS),
    field('agent_id', 'Agent ID', 'string', STRING_OPERATORS),
    field('team_id', 'Team ID', 'string', STRING_OPERATORS),
    field('workflow_id', 'Workflow ID', 'string', STRING_OPERATORS),
    field('session_id', 'Session ID', 'string', STRING_OPERATORS),
    field('run_id', 'Run ID', 'string', STRING_OPERATORS),
    field('name', 'Trace Name', 'string', TEXT_OPERATORS),
    field('trace_id', 'Trace ID', 'string', STRING_OPERATORS),
    field('duration_ms', 'Duration (ms)', 'number', NUMBER_OPERATORS),
    field('start_time', 'Start Time', 'datetime', TIME_OPERATORS),
    field('end_time', 'End Time', 'datetime', TIME_OPERATORS),
    field('created_at', 'Created At', 'datetime', TIME_OPERATORS),
  ],
  logical_operators: ['AND', 'OR'],
};

const DATETIME_COLUMNS = new Set(['start_time', 'end_time', 'created_at']);
const SINGLE_VALUE_OPS = new Set(['EQ', 'NEQ', 'GT', 'GTE', 'LT', 'LTE', 'CONTAINS', 'STARTSWITH']);
/** The server refuses deeper nesting (a guard against stack exhaustion). */
const MAX_FILTER_DEPTH = 10;

/** The server answers 400 with `detail` = this message. */
export class InvalidFilterExpressionError extends Error {
  constructor(reason: string) {
    super(`Invalid filter expression: ${reason}`);
    this.name = 'InvalidFilterExpressionError';
  }
}

/** Validates a raw JSON filter the way the server does, or throws its 400 message. */
export function parseFilterExpression(raw: unknown): FilterExpr {
  return parseAt(raw, 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(reason: string): never {
  throw new InvalidFilterExpressionError(reason);
}

function parseAt(raw: unknown, depth: number): FilterExpr {
  if (depth > MAX_FILTER_DEPTH) {
    fail(`Filter expression exceeds maximum nesting depth of ${MAX_FILTER_DEPTH}`);
  }
  if (!isRecord(raw) || !('op' in raw)) {
    fail(`Invalid filter: must be a dict with 'op' key. Got: ${pythonRepr(raw)}`);
  }
  const op = raw.op;
  const got = `Got: ${pythonRepr(raw)}`;

  if (typeof op === 'string' && SINGLE_VALUE_OPS.has(op)) {
    const key = raw.key;
    const value = raw.value;
    if (key === undefined || key === null || value === undefined || value === null) {
      fail(`${op} filter requires 'key' and 'value' fields. ${got}`);
    }
    return { op, key: columnOf(key), value } as FilterExpr;
  }
  if (op === 'IN') {
    const key = raw.key;
    const values = raw.values;
    if (key === undefined || key === null || values === undefined || values === null) {
      fail(`IN filter requires 'key' and 'values' fields. ${got}`);
    }
    const column = columnOf(key);
    if (!Array.isArray(values)) fail(`IN filter requires 'values' to be a list. ${got}`);
    return { op: 'IN', key: column, values };
  }
  if (op === 'AND' || op === 'OR') {
    const conditions = raw.conditions;
    // Python's `if not conditions` also refuses an empty list.
    if (!Array.isArray(conditions) || conditions.length === 0) {
      fail(`${op} filter requires 'conditions' field. ${got}`);
    }
    return { op, conditions: conditions.map((c) => parseAt(c, depth + 1)) };
  }
  if (op === 'NOT') {
    const condition = raw.condition;
    if (!isRecord(condition) || Object.keys(condition).length === 0) {
      fail(`NOT filter requires 'condition' field. ${got}`);
    }
    return { op: 'NOT', condition: parseAt(condition, depth + 1) };
  }
  return fail(`Unknown filter operator: ${pythonStr(op)}`);
}

/**
 * Any key is accepted: agno 2.9.0 answers 200 with an empty page for one it does not store
 * (search-unknown-key.json), as a missing field never matches.
 */
function columnOf(key: unknown): string {
  return typeof key === 'string' ? key : pythonStr(key);
}

/** Python's `repr()` of a JSON value, as the server's f-strings print the filter it got. */
function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return pythonStringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (isRecord(value)) {
    const parts = Object.entries(value).map(([k, v]) => `${pythonStringRepr(k)}: ${pythonRepr(v)}`);
    return `{${parts.join(', ')}}`;
  }
  return 'None'; // not reachable from JSON
}

function pythonStr(value: unknown): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

function pythonStringRepr(text: string): string {
  // Python picks double quotes only when the text has a single quote and no double quote.
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

// ---------------------------------------------------------------------------------------------
// Evaluation.

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Epoch microseconds of an ISO 8601 date or date-time, like Python's `fromisoformat`; no zone
 * means UTC (the server stores UTC). NaN when it cannot be parsed.
 */
export function parseIsoToUs(text: string): number {
  const match = ISO_PATTERN.exec(text.trim());
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return Number.NaN;
  }
  const ms = Date.UTC(Number(y), month - 1, day, hour, minute, second);
  const micros = fraction ? Number(fraction.padEnd(6, '0').slice(0, 6)) : 0;
  let offsetMinutes = 0;
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
  }
  return (ms - offsetMinutes * 60_000) * 1000 + micros;
}

/** `duration_ms` as the server stores it: whole milliseconds between start and end. */
export function traceDurationMs(trace: Pick<TraceSummary, 'start_time' | 'end_time'>): number {
  return Math.floor((parseIsoToUs(trace.end_time) - parseIsoToUs(trace.start_time)) / 1000);
}

type Truth = boolean | null;

function fieldValue(trace: TraceSummary, key: string): unknown {
  if (key === 'duration_ms') return traceDurationMs(trace);
  return (trace as Record<string, unknown>)[key];
}

/**
 * The two sides of a comparison in comparable form: instants for datetimes (a value that does
 * not parse is compared as text, as the server then does), numbers for duration_ms, else text.
 */
function operands(
  key: string,
  stored: unknown,
  value: unknown,
): [string | number, string | number] {
  if (DATETIME_COLUMNS.has(key)) {
    const left = typeof stored === 'string' ? parseIsoToUs(stored) : Number.NaN;
    const right = typeof value === 'string' ? parseIsoToUs(value) : Number.NaN;
    if (!Number.isNaN(left) && !Number.isNaN(right)) return [left, right];
    return [pythonStr(stored), pythonStr(value)];
  }
  if (key === 'duration_ms')
    return [Number(stored), typeof value === 'number' ? value : Number(value)];
  return [pythonStr(stored), pythonStr(value)];
}

function compare(op: string, left: string | number, right: string | number): Truth {
  if (typeof left === 'number' && (Number.isNaN(left) || Number.isNaN(right))) {
    return null;
  }
  switch (op) {
    case 'EQ':
      return left === right;
    case 'NEQ':
      return left !== right;
    case 'GT':
      return left > right;
    case 'GTE':
      return left >= right;
    case 'LT':
      return left < right;
    case 'LTE':
      return left <= right;
    default:
      return false;
  }
}

function evaluate(expr: FilterExpr, trace: TraceSummary): Truth {
  switch (expr.op) {
    case 'AND': {
      let result: Truth = true;
      for (const c of expr.conditions) {
        const r = evaluate(c, trace);
        if (r === false) return false;
        if (r === null) result = null;
      }
      return result;
    }
    case 'OR': {
      let result: Truth = false;
      for (const c of expr.conditions) {
        const r = evaluate(c, trace);
        if (r === true) return true;
        if (r === null) result = null;
      }
      return result;
    }
    case 'NOT': {
      const r = evaluate(expr.condition, trace);
      return r === null ? null : !r;
    }
    case 'IN': {
      const raw = fieldValue(trace, expr.key);
      if (raw === undefined || raw === null) return null;
      return expr.values.some((v) => compare('EQ', ...operands(expr.key, raw, v)) === true);
    }
    case 'CONTAINS':
    case 'STARTSWITH': {
      const raw = fieldValue(trace, expr.key);
      if (raw === undefined || raw === null) return null;
      const haystack = pythonStr(raw).toLowerCase();
      const needle = pythonStr(expr.value).toLowerCase();
      return expr.op === 'CONTAINS' ? haystack.includes(needle) : haystack.startsWith(needle);
    }
    default: {
      const raw = fieldValue(trace, expr.key);
      if (raw === undefined || raw === null) return null;
      return compare(expr.op, ...operands(expr.key, raw, expr.value));
    }
  }
}

/**
 * Whether `trace` matches. SQL semantics: a comparison with a missing field is unknown, and
 * unknown is not a match, even under NOT.
 */
export function matchesFilter(expr: FilterExpr, trace: TraceSummary): boolean {
  return evaluate(expr, trace) === true;
}
