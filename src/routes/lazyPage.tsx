import { lazy, Suspense, type ComponentType } from 'react';
import { LoadingState } from '../components/PageState';

/**
 * A page whose code loads when its route is first shown, so each route's first paint needs
 * only its own JavaScript.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  // One quiet second try: a dropped connection during navigation is common and often brief.
  const Page = lazy(() =>
    load()
      .catch(() => new Promise((resolve) => setTimeout(resolve, 500)).then(load))
      .then((component) => ({ default: component })),
  );
  return function LazyPage(props: P) {
    return (
      <Suspense fallback={<LoadingState label="Loading…" />}>
        <Page {...props} />
      </Suspense>
    );
  };
}
