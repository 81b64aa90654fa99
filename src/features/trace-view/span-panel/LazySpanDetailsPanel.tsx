import { lazy, Suspense } from 'react';
import { LoadingState } from '../../../components/PageState';
import type { SpanDetailsPanelProps } from './SpanDetailsPanel';

// The panel's code is needed only once a span is selected: it stays out of the first paint.
const SpanDetailsPanel = lazy(() =>
  import('./SpanDetailsPanel').then((module) => ({ default: module.SpanDetailsPanel })),
);

export function LazySpanDetailsPanel(props: SpanDetailsPanelProps) {
  return (
    <Suspense fallback={<LoadingState label="Loading span…" />}>
      <SpanDetailsPanel {...props} />
    </Suspense>
  );
}
