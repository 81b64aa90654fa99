import { lazy, Suspense } from 'react';
import type { JsonViewerProps } from './JsonViewer';

// The viewer and its library load with the first JSON shown, not with the page.
const JsonViewer = lazy(() => import('./JsonViewer'));

/** JsonViewer, loaded on first use; a line of text stands in meanwhile. */
export function LazyJsonViewer(props: JsonViewerProps) {
  return (
    <Suspense fallback={<p className="muted">Loading JSON view…</p>}>
      <JsonViewer {...props} />
    </Suspense>
  );
}
