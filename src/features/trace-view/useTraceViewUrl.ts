import { useCallback, useEffect, useRef } from 'react';
import type { SpanTree } from '../../domain/trace/buildSpanTree';
import { searchKey, type TraceSearch } from './traceSearch';
import { isSameUrlView, searchFromView, type TraceViewStore } from './traceViewStore';

/** View changes reach the URL after this pause, so holding ↓ does not flood the history API. */
const URL_WRITE_DELAY_MS = 100;

/**
 * Keeps the URL and the view store in step. The store leads: a change shows at once and is
 * written to the URL (replacing the history entry) shortly after. A URL this hook did not write
 * (Back, a link to this same trace) is applied to the store. `fixed` are keys the view does not
 * own (the database) and keeps as they are.
 */
export function useTraceViewUrl(
  tree: SpanTree,
  store: TraceViewStore,
  search: TraceSearch,
  writeSearch: (search: TraceSearch) => Promise<void> | void,
  fixed: TraceSearch,
): () => Promise<void> {
  // The URL's state as last written or received, and the keys this hook wrote: a URL arriving
  // with one of those is our own write catching up, and must not move the view (the user may
  // have moved on since).
  const current = useRef(searchKey(search));
  const written = useRef<string[]>([]);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef({ writeSearch, fixed });
  useEffect(() => {
    latest.current = { writeSearch, fixed };
  });

  const write = useCallback(async () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const next = { ...searchFromView(tree, store.getState()), ...latest.current.fixed };
    const key = searchKey(next);
    if (key === current.current) return;
    current.current = key;
    written.current = [...written.current.slice(-19), key];
    await latest.current.writeSearch(next);
  }, [tree, store]);

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        // Only what the URL carries matters; scroll requests and the help dialog do not.
        if (isSameUrlView(state, previous)) return;
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => void write(), URL_WRITE_DELAY_MS);
      }),
    [store, write],
  );
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const key = searchKey(search);
  useEffect(() => {
    if (key === current.current || written.current.includes(key)) return;
    current.current = key;
    store.getState().applySearch(search);
    // `search` is read when its key changes; a new object with the same content is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, store]);

  return useCallback(async () => {
    if (timer.current !== undefined) await write();
  }, [write]);
}
