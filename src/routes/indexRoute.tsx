import { createRoute, redirect } from '@tanstack/react-router';
import { rootRoute } from './rootRoute';

export const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's redirect protocol
    throw redirect({ to: '/traces' });
  },
});
