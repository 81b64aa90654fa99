import { useContext, useDeferredValue, useSyncExternalStore } from 'react';
import { TraceViewContext } from '../traceViewContext';

const noSubscription = () => () => {};
const noQuery = () => '';

/**
 * The waterfall's search query, whose matches the panel marks; '' outside an open trace (a span
 * shown on its own, tests). Deferred: marking megabytes of text never delays typing.
 */
export function usePanelSearchQuery(): string {
  const context = useContext(TraceViewContext);
  const query = useSyncExternalStore(
    context ? context.store.subscribe : noSubscription,
    context ? () => context.store.getState().query : noQuery,
  );
  return useDeferredValue(query);
}
