import type { SortingState, VisibilityState } from '@tanstack/react-table';
import { z } from 'zod/mini';

/*
 * The table's view in the URL: `sort` names one column, `-` first for descending
 * (`sort=-duration`); `cols` lists what differs from the default columns, `-` first for a hidden
 * column and bare for a shown one, separated by dots (`cols=-input.run_id`). A default view has
 * neither. The ids are the table's column ids (traceColumns.tsx; a test keeps them in step).
 */

/** The columns a header click sorts (on this page only: the server has no sort parameter). */
export const SORTABLE_COLUMNS = [
  'name',
  'status',
  'duration',
  'start_time',
  'total_spans',
  'error_count',
] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];
export type TraceSort = SortableColumn | `-${SortableColumn}`;

/** The columns the column menu shows or hides (the name always shows). */
export const HIDEABLE_COLUMNS = [
  'status',
  'duration',
  'start_time',
  'total_spans',
  'error_count',
  'input',
  'entity',
  'user_id',
  'session_id',
  'run_id',
] as const;
export type HideableColumn = (typeof HIDEABLE_COLUMNS)[number];

/** Hidden until asked for: the run id is long and rarely read in a list. */
const DEFAULT_HIDDEN_COLUMNS: ReadonlySet<HideableColumn> = new Set(['run_id']);

const isSortable = (id: string): id is SortableColumn =>
  (SORTABLE_COLUMNS as readonly string[]).includes(id);
const isHideable = (id: string): id is HideableColumn =>
  (HIDEABLE_COLUMNS as readonly string[]).includes(id);

export const sortField = z.pipe(
  z.string().check(
    z.refine((text) => isSortable(text.startsWith('-') ? text.slice(1) : text), {
      error: `not a sortable column (${SORTABLE_COLUMNS.join(', ')})`,
    }),
  ),
  z.transform((text: string) => text as TraceSort),
);

export interface ColumnsParam {
  /** The normalized parameter; undefined when it asks for the default columns. */
  cols?: string;
  /** Tokens naming no column the menu offers: left out, and reported. */
  unknown: string[];
}

/** Reads `cols` token by token, so an unknown column costs only itself. */
export const colsField = z.pipe(
  z.string(),
  z.transform((text: string): ColumnsParam => {
    const hidden = new Set(DEFAULT_HIDDEN_COLUMNS);
    const unknown: string[] = [];
    for (const token of text.split('.')) {
      if (token === '') continue;
      const id = token.startsWith('-') ? token.slice(1) : token;
      if (!isHideable(id)) unknown.push(token);
      else if (token.startsWith('-')) hidden.add(id);
      else hidden.delete(id);
    }
    return { cols: colsParam(hidden), unknown };
  }),
);

/** The normalized `cols` for a set of hidden columns: in the table's order, defaults left out. */
function colsParam(hidden: ReadonlySet<string>): string | undefined {
  const tokens = HIDEABLE_COLUMNS.flatMap((id) => {
    const isHidden = hidden.has(id);
    if (isHidden === DEFAULT_HIDDEN_COLUMNS.has(id)) return [];
    return [isHidden ? `-${id}` : id];
  });
  return tokens.length > 0 ? tokens.join('.') : undefined;
}

/** TanStack Table's sorting state for a `sort` value. */
export function sortingFromParam(sort: TraceSort | undefined): SortingState {
  if (!sort) return [];
  return sort.startsWith('-') ? [{ id: sort.slice(1), desc: true }] : [{ id: sort, desc: false }];
}

/** The `sort` value for a sorting state: its first column, if the URL can name it. */
export function sortParamFrom(sorting: SortingState): TraceSort | undefined {
  const first = sorting[0];
  if (!first || !isSortable(first.id)) return undefined;
  return first.desc ? `-${first.id}` : first.id;
}

/** TanStack Table's visibility state for a normalized `cols` value. */
export function visibilityFromParam(cols: string | undefined): VisibilityState {
  const visibility: VisibilityState = {};
  for (const id of DEFAULT_HIDDEN_COLUMNS) visibility[id] = false;
  for (const token of cols?.split('.') ?? []) {
    if (token.startsWith('-')) visibility[token.slice(1)] = false;
    else if (token !== '') visibility[token] = true;
  }
  return visibility;
}

/** The normalized `cols` value for a visibility state. */
export function colsParamFrom(visibility: VisibilityState): string | undefined {
  const isVisible = (id: HideableColumn) => visibility[id] ?? !DEFAULT_HIDDEN_COLUMNS.has(id);
  return colsParam(new Set(HIDEABLE_COLUMNS.filter((id) => !isVisible(id))));
}
