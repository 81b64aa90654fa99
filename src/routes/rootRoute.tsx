import { createRootRoute } from '@tanstack/react-router';
import { AppShell } from '../app/AppShell';
import { NotFoundPage } from '../app/NotFoundPage';

export const rootRoute = createRootRoute({
  component: AppShell,
  notFoundComponent: NotFoundPage,
});
