import { whenIdle } from '../../../lib/whenIdle';
import type { SpanTree } from '../../../domain/trace/buildSpanTree';
import { createSpanSearchScan, type SpanSearchResult, type SpanSearchScan } from './spanSearch';

/**
 * The first slice runs in the render that asks for the query: the short fields of every span,
 * so the rows in view show their matches in the same frame. Kept under a long task.
 */
const FIRST_SLICE_MS = 30;

interface Search {
  tree: SpanTree;
  query: string;
  scan: SpanSearchScan;
  result: SpanSearchResult;
  /** Stops the scan's next slice; null when none is waiting. */
  cancel: (() => void) | null;
}

/**
 * One open trace's span search, shared by every component that shows it: the search for a
 * (tree, query) starts when first asked for, goes on in idle time, and tells its subscribers
 * as matches arrive (for `useSyncExternalStore`). Keeps the two latest searches: while a new
 * query is typed, React still renders the previous one, which must not start over.
 */
export function createSpanSearchRunner(firstSliceMs = FIRST_SLICE_MS) {
  const listeners = new Set<() => void>();
  let latest: Search[] = [];

  const goOn = (search: Search) => {
    search.cancel = whenIdle((hasTime) => {
      search.cancel = null;
      const isDone = search.scan.step(hasTime);
      search.result = search.scan.result();
      for (const listener of listeners) listener();
      if (!isDone) goOn(search);
    });
  };
  const pause = (search: Search) => {
    search.cancel?.();
    search.cancel = null;
  };

  return {
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The matches so far for `query` in `tree`: the same object until more are found. */
    result: (tree: SpanTree, query: string): SpanSearchResult => {
      const known = latest.find((search) => search.tree === tree && search.query === query);
      if (known) {
        // Only the search asked for last goes on; another one asked again resumes.
        if (known !== latest[0]) {
          latest.forEach(pause);
          latest = [known, ...latest.filter((search) => search !== known)];
        }
        if (!known.result.isComplete && known.cancel === null) goOn(known);
        return known.result;
      }
      const scan = createSpanSearchScan(tree, query);
      const end = performance.now() + firstSliceMs;
      const isDone = scan.step(() => performance.now() < end);
      const search: Search = { tree, query, scan, result: scan.result(), cancel: null };
      latest.forEach(pause);
      latest = [search, ...latest.slice(0, 1)];
      if (!isDone) goOn(search);
      return search.result;
    },
    /** Stops every scan (the trace is closed). */
    stop: (): void => {
      latest.forEach(pause);
      latest = [];
    },
  };
}
