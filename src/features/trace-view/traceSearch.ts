import { z } from 'zod/mini';
import {
  choiceField,
  choiceWithDefaultField,
  exactTextField,
  flagField,
  positiveIntField,
} from '../../lib/searchFields';
import { parseSearchFields, type ParsedSearch, type SearchOf } from '../../lib/searchSchema';
import { parseZoom } from './timeline/timeRange';

/**
 * The trace page's view, as its URL carries it: a copied link opens the same view. Every key is
 * optional and its default is left out, so a plain trace link stays `/traces/<id>`.
 *
 * | key      | what                                   | example            |
 * | -------- | -------------------------------------- | ------------------ |
 * | span     | the selected span                      | `span=9f3c…`       |
 * | panel    | the span panel's tab, or `closed`      | `panel=raw`        |
 * | tab      | the page's view tab                    | `tab=transcript`   |
 * | group    | the charts' "Group by"                 | `group=model`      |
 * | q, match | span search text, active match (1-)    | `q=fetch&match=3`  |
 * | types    | span type chips                        | `types=LLM,TOOL`   |
 * | errors, repeated, hide, cp | filters and overlays (1 = on) | `errors=1`   |
 * | depth    | "Show depth" (1 = roots only)          | `depth=2`          |
 * | fold     | span ids whose collapse differs from `depth` (or from all expanded) | |
 * | view     | `all` after "Show the whole trace"     | `view=all`         |
 * | summary  | the header's trace summary is open     | `summary=1`        |
 * | layout   | `max`: the span panel takes the width  | `layout=max`       |
 * | zoom     | the waterfall's time range, µs from the trace's start | `zoom=1250000-2400000` |
 * | lanes    | the waterfall as swimlanes (1 = on)    | `lanes=1`          |
 * | flame    | the span the flame graph is zoomed into | `flame=9f3c…`     |
 * | tfold    | span ids of the transcript's folded cards | `tfold=9f3c…,a1b2…` |
 */
const PANEL_TABS = ['details', 'raw'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];
export const VIEW_TABS = ['waterfall', 'transcript', 'charts', 'flame'] as const;
export type ViewTab = (typeof VIEW_TABS)[number];
const GROUPINGS = ['type', 'model', 'tool', 'agent'] as const;

/** Longest `fold` list written to a link; past it the view is shared as the nearest depth. */
export const FOLD_TEXT_CAP = 2000;

// The router JSON-parses values (`?span=123` arrives as the number 123): ids become text again,
// exactly as written (see exactTextField). Choices' defaults are left out of links.
const TRACE_SEARCH_FIELDS = {
  span: exactTextField,
  db_id: exactTextField,
  panel: choiceWithDefaultField([...PANEL_TABS, 'closed'], 'not a panel tab'),
  tab: choiceWithDefaultField(VIEW_TABS, 'not a view tab'),
  group: choiceWithDefaultField(GROUPINGS, 'not a grouping'),
  q: exactTextField,
  match: positiveIntField('match is a whole number from 1'),
  /** Comma-separated, as in the URL: `LLM,TOOL`. */
  types: exactTextField,
  errors: flagField,
  repeated: flagField,
  hide: flagField,
  cp: flagField,
  depth: positiveIntField('depth is a whole number from 1'),
  /** Comma-separated span ids. */
  fold: exactTextField,
  view: choiceField(['all'], 'only view=all is known'),
  summary: flagField,
  layout: choiceField(['max'], 'only layout=max is known'),
  lanes: flagField,
  flame: exactTextField,
  /** Comma-separated span ids. */
  tfold: exactTextField,
  /** `<start>-<end>`, whole µs from the trace's start (see timeline/timeRange.ts). */
  zoom: exactTextField.check(
    z.refine(
      (text) => parseZoom(text) !== null,
      'zoom is <start µs>-<end µs> from the trace start, the start first',
    ),
  ),
};

export type TraceSearch = SearchOf<typeof TRACE_SEARCH_FIELDS>;

/** Whatever the address bar holds becomes a valid view; what cannot be used is reported. */
export function parseTraceSearch(raw: Record<string, unknown>): ParsedSearch<TraceSearch> {
  const parsed = parseSearchFields(TRACE_SEARCH_FIELDS, raw);
  const { search } = parsed;
  // Lists that hold nothing (`types=,`) and a match without a search mean nothing.
  if (search.types !== undefined && splitList(search.types).length === 0) delete search.types;
  if (search.fold !== undefined && splitList(search.fold).length === 0) delete search.fold;
  if (search.tfold !== undefined && splitList(search.tfold).length === 0) delete search.tfold;
  if (search.match !== undefined && search.q === undefined) delete search.match;
  return parsed;
}

/** The same search with keys in a fixed order: two searches are equal when these are. */
export function searchKey(search: TraceSearch): string {
  return JSON.stringify(
    Object.keys(TRACE_SEARCH_FIELDS)
      .filter((key) => search[key as keyof TraceSearch] !== undefined)
      .map((key) => [key, search[key as keyof TraceSearch]]),
  );
}

/** How lists travel in the URL: `LLM,TOOL`. */
export function listParam(items: Iterable<string>): string | undefined {
  const text = [...items].join(',');
  return text === '' ? undefined : text;
}

export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
