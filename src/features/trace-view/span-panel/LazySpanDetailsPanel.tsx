import { lazy, Suspense, useState } from 'react';
import { LoadingState } from '../../../components/PageState';
import type * as SpanDetailsPanelModule from './SpanDetailsPanel';
import type { SpanDetailsPanelProps } from './SpanDetailsPanel';

type PanelModule = typeof SpanDetailsPanelModule;

// Once the code has arrived it is rendered directly: going through Suspense even for a resolved
// module makes React show the fallback, and it holds a fallback ~300 ms before the content.
let loaded: PanelModule | null = null;
const loadPanel = (): Promise<PanelModule> =>
  import('./SpanDetailsPanel').then((module) => (loaded = module));

// The panel's code is needed only once a span is selected: it stays out of the first paint.
const SuspendingPanel = lazy(() =>
  loadPanel().then((module) => ({ default: module.SpanDetailsPanel })),
);

/** Fetches the panel's code ahead of the first click, once the waterfall is on screen. */
export function preloadSpanDetailsPanel(): void {
  void loadPanel();
}

export function LazySpanDetailsPanel(props: SpanDetailsPanelProps) {
  // Which way is decided once per panel: a panel that started through Suspense and switched to
  // the loaded module on a later render (the costs arriving, say) was a different component, so
  // React unmounted it and mounted a new one under the reader, scroll and focus lost.
  const [module] = useState(loaded);
  if (module) return <module.SpanDetailsPanel {...props} />;
  return (
    <Suspense fallback={<LoadingState label="Loading span…" />}>
      <SuspendingPanel {...props} />
    </Suspense>
  );
}
