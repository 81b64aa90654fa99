import { useDeferredValue, useMemo, useState } from 'react';
import type { SpanTree } from '../../../domain/trace/buildSpanTree';
import { searchSpans } from './spanSearch';

/**
 * The "Search spans" box: matches in tree order, which one is active, next/previous.
 * Results are computed from a deferred copy of the query: typing stays responsive while a
 * 100,000-span scan runs, and there is no fixed debounce delay before results appear.
 */
export function useSpanSearch(tree: SpanTree) {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [active, setActive] = useState(0);

  const { matches, mask } = useMemo(() => {
    const found = searchSpans(tree, deferredQuery);
    const matchMask = new Uint8Array(tree.count);
    for (const index of found) matchMask[index] = 1;
    return { matches: found, mask: found.length > 0 ? matchMask : null };
  }, [tree, deferredQuery]);

  const activePosition = matches.length === 0 ? -1 : Math.min(active, matches.length - 1);

  return {
    query,
    setQuery: (next: string) => {
      setQuery(next);
      setActive(0);
    },
    matches,
    mask,
    activePosition,
    activeIndex: activePosition >= 0 ? matches[activePosition]! : null,
    /** Moves to the next (1) or previous (-1) match, wrapping; returns the span index. */
    step: (direction: 1 | -1): number | null => {
      if (matches.length === 0) return null;
      const next = (activePosition + direction + matches.length) % matches.length;
      setActive(next);
      return matches[next]!;
    },
  };
}
