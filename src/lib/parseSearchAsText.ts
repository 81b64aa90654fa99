/**
 * The router's `parseSearch`: every value arrives as text. The router's default JSON-parses
 * values, so a hand-made link such as `?session_id={"a":1}` or `?start_time=123` handed pages an
 * object or a number where they expect text, and React crashed rendering it (a route's
 * `validateSearch` drops a bad value, but the router merges the raw parameters back under the
 * validated ones). Values the app itself quoted (its links write the text `42` as `"42"`, so
 * it is not taken for a number) are unquoted; the validators read numbers and the advanced
 * search's JSON from text. A `__proto__` key is dropped.
 */
export function parseSearchAsText(searchStr: string): Record<string, string> {
  const search: Record<string, string> = {};
  const query = searchStr.startsWith('?') ? searchStr.slice(1) : searchStr;
  for (const [key, raw] of new URLSearchParams(query)) {
    if (key === '__proto__' || Object.hasOwn(search, key)) continue;
    search[key] = unquote(raw);
  }
  return search;
}

function unquote(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  try {
    const value = JSON.parse(raw) as unknown;
    return typeof value === 'string' ? value : raw;
  } catch {
    return raw;
  }
}
