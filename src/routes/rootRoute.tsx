import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { AppShell } from '../app/AppShell';
import { NotFoundPage } from '../app/NotFoundPage';
import { RouteErrorPage } from '../app/RouteErrorPage';

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppShell,
  notFoundComponent: NotFoundPage,
  // Only when the shell itself fails; each page has its own boundary below it.
  errorComponent: RouteErrorPage,
});
