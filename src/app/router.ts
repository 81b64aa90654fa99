import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { listScrollKey } from '../lib/listReturn';
import { parseSearchAsText } from '../lib/parseSearchAsText';
import { routeTree } from '../routes/routeTree';
import { RouteErrorPage } from './RouteErrorPage';

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultErrorComponent: RouteErrorPage,
    // Search values reach the routes as text only: see parseSearchAsText.
    parseSearch: parseSearchAsText,
    scrollRestoration: true,
    // The list's position belongs to its view, so "← Traces" from a trace restores it too; other
    // pages keep the router's default, one position per history entry.
    getScrollRestorationKey: (location) =>
      location.pathname === '/traces'
        ? listScrollKey(location.searchStr)
        : location.state.__TSR_key || location.href,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
