import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import type { DroppedParam, ParsedSearch } from '../lib/searchSchema';

export interface RouteSearch<T> {
  /** Only valid values: what the page shows. */
  search: T;
  /** What the link carried but could not be used, for the page to say so. */
  dropped: DroppedParam[];
  /** Takes the unusable values out of the address, keeping the rest (the entry is replaced). */
  dismissDropped: () => void;
  /**
   * A change to how the page looks, not where the reader went: the history entry is replaced
   * and the scroll position kept. Given the current valid search, returns the next.
   */
  replaceSearch: (next: (current: T) => T) => void;
  /** A change the reader may want Back to undo (a filter, a page): a new history entry. */
  pushSearch: (next: (current: T) => T) => void;
}

/**
 * A route's search as its page reads it, and the ways to change it. `parse` is the route's own
 * parser (the one its `validateSearch` uses), a stable function.
 *
 * The router lays the address bar's values under the validated ones, so a value the schema
 * dropped is still in `useSearch()`: it is parsed again here, so the page gets only valid values
 * and the list of what the link lost. Changes start from the parsed search too, so the values a
 * link could not use are left behind at the first change.
 */
export function useRouteSearch<T extends object>(
  parse: (raw: Record<string, unknown>) => ParsedSearch<T>,
): RouteSearch<T> {
  // The current route's search: each page's route is the deepest match, under a root without
  // search parameters of its own.
  const raw = useSearch({ strict: false });
  const { search, dropped } = useMemo(() => parse(raw), [parse, raw]);
  const navigate = useNavigate();
  const changeSearch = useCallback(
    (next: (current: T) => T, isReplace: boolean) =>
      void navigate({
        // This page, with the same params (the router reads '.' from the current match).
        to: '.',
        search: (previous: Record<string, unknown>) => next(parse(previous).search),
        ...(isReplace && { replace: true, resetScroll: false }),
      }),
    [navigate, parse],
  );
  const replaceSearch = useCallback(
    (next: (current: T) => T) => changeSearch(next, true),
    [changeSearch],
  );
  const pushSearch = useCallback(
    (next: (current: T) => T) => changeSearch(next, false),
    [changeSearch],
  );
  const dismissDropped = useCallback(() => replaceSearch((current) => current), [replaceSearch]);
  return { search, dropped, dismissDropped, replaceSearch, pushSearch };
}
