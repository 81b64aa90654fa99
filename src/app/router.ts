import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
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
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
