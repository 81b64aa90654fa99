import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory, createRouter } from '@tanstack/react-router';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../api/errors';
import { routeTree } from '../routes/routeTree';
import { App } from './App';
import { isChunkLoadError } from './RouteErrorPage';

// The real routes and shell; each page is a stand-in that can be told to crash while rendering.
const crash = vi.hoisted(() => ({ page: null as string | null, error: new Error('boom') }));
function stand(name: string) {
  return function StandInPage() {
    if (crash.page === name) throw crash.error;
    return <h1>{name} page</h1>;
  };
}
vi.mock('../features/trace-list/TraceListPage', () => ({ TraceListPage: stand('Traces') }));
vi.mock('../features/trace-view/TracePage', () => ({ TracePage: stand('Trace') }));
vi.mock('../features/sessions/SessionsPage', () => ({ SessionsPage: stand('Sessions') }));

beforeAll(() => {
  window.scrollTo = () => {};
});
beforeEach(() => {
  crash.page = null;
  crash.error = new Error('boom');
  // React reports caught render errors on the console; they are expected here.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

function renderAt(url: string) {
  // No default error component: the boundaries under test are the routes' own.
  const queryClient = new QueryClient();
  const router = createRouter({
    routeTree,
    context: { queryClient },
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  render(<App queryClient={queryClient} router={router} />);
  return router;
}

describe('a render crash in a route', () => {
  it.each([
    ['/traces', 'Traces'],
    ['/traces/abc?span=s1', 'Trace'],
    ['/sessions', 'Sessions'],
  ])('at %s is caught in the page; the header and navigation keep working', async (url, page) => {
    crash.page = page;
    const router = renderAt(url);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on this page');
    expect(alert).toHaveTextContent('boom');
    expect(router.state.location.href).toBe(url);

    // The shell is still there and still navigates.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const other = page === 'Sessions' ? 'Traces' : 'Sessions';
    await userEvent.click(within(nav).getByRole('link', { name: other }));
    expect(await screen.findByRole('heading', { name: `${other} page` })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('“Try again” renders the page afresh', async () => {
    crash.page = 'Trace';
    renderAt('/traces/abc');
    const alert = await screen.findByRole('alert');
    crash.page = null;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Trace page' })).toBeInTheDocument();
  });

  it('describes a thrown API error like the pages do, with a retry', async () => {
    crash.page = 'Sessions';
    crash.error = new HttpError(500, 'database is locked', 'http://a.test/trace_session_stats');
    renderAt('/sessions');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('the server failed (HTTP 500)');
    expect(alert).toHaveTextContent('database is locked');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('an unknown address shows “Page not found” in the shell', async () => {
    renderAt('/nowhere');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });
});

describe('isChunkLoadError', () => {
  it('recognises a failed page-code download in each browser’s words', () => {
    expect(
      isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: /assets/x.js')),
    ).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Cannot read properties of undefined'))).toBe(false);
  });
});
