import { textField, choiceField, withoutBlankValues } from '../../lib/searchFields';
import { withoutUndefined } from '../../lib/searchParams';
import { parseSearchFields, type ParsedSearch } from '../../lib/searchSchema';

/**
 * /compare's state in the URL: the two traces (`a`, `b`), their database (`db_id`) and which
 * aligned spans to show (`only`: `one-trace` for the spans in one trace only, `another-status`
 * for those whose status differs; every span when absent).
 */
const COMPARE_ONLY = ['one-trace', 'another-status'] as const;
export type CompareOnly = (typeof COMPARE_ONLY)[number];

export interface CompareSearch {
  /** The two traces' ids. */
  a?: string;
  b?: string;
  /** The database both live in, when not the connection's default. */
  db_id?: string;
  /** Only some of the aligned spans; all of them when absent. */
  only?: CompareOnly;
}

/** What a link to /compare may carry: the values, or their text as the address bar has it. */
export type CompareSearchInput = { [K in keyof CompareSearch]?: CompareSearch[K] | string };

const COMPARE_FIELDS = {
  a: textField,
  b: textField,
  db_id: textField,
  only: choiceField(COMPARE_ONLY, `not a choice of spans (${COMPARE_ONLY.join(' or ')})`),
};

/** Whatever is in the address bar becomes a valid state; what could not be used is listed. */
export function parseCompareSearchFields(
  raw: Record<string, unknown>,
): ParsedSearch<CompareSearch> {
  const { search, dropped } = parseSearchFields(COMPARE_FIELDS, withoutBlankValues(raw));
  return { search: withoutUndefined(search), dropped };
}

export function parseCompareSearch(raw: Record<string, unknown>): CompareSearch {
  return parseCompareSearchFields(raw).search;
}
