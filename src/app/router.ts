import { createRouter } from '@tanstack/react-router';
import { routeTree } from '../routes/routeTree';
import { RouteErrorPage } from './RouteErrorPage';

export function createAppRouter() {
  return createRouter({
    routeTree,
    defaultErrorComponent: RouteErrorPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
