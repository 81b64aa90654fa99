import { useMemo, useState } from 'react';
import { useDebounce } from 'use-debounce';
import type { SpanTree } from './buildSpanTree';
import { searchSpans } from './spanSearch';

/**
 * The "Search spans" box: matches in tree order, which one is active, next/previous.
 * Typing is debounced on big traces so each keystroke does not scan 100,000 spans.
 */
export function useSpanSearch(tree: SpanTree) {
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebounce(query, tree.count > 5_000 ? 150 : 0);
  const [active, setActive] = useState(0);

  const { matches, mask } = useMemo(() => {
    const found = searchSpans(tree, debouncedQuery);
    const matchMask = new Uint8Array(tree.count);
    for (const index of found) matchMask[index] = 1;
    return { matches: found, mask: found.length > 0 ? matchMask : null };
  }, [tree, debouncedQuery]);

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
