import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from '@tanstack/react-router';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { flagField, positiveIntField } from '../lib/searchFields';
import { parseSearchFields } from '../lib/searchSchema';
import { useRouteSearch } from './useRouteSearch';

// A page with two search keys, as the app's routes have: one page number, one switch.
const fields = { page: positiveIntField('not a page number'), open: flagField };
const parse = (raw: Record<string, unknown>) => parseSearchFields(fields, raw);

function ThingsPage() {
  const { search, dropped, dismissDropped, replaceSearch, pushSearch } = useRouteSearch(parse);
  return (
    <>
      <p>page {search.page ?? 'none'}</p>
      <p>open {search.open ?? 'no'}</p>
      <ul aria-label="Dropped">
        {dropped.map((item) => (
          <li key={item.key}>
            {item.key}={item.value}: {item.reason}
          </li>
        ))}
      </ul>
      <button onClick={() => pushSearch((current) => ({ ...current, page: 2 }))}>Next page</button>
      <button onClick={() => replaceSearch((current) => ({ ...current, open: 1 as const }))}>
        Open
      </button>
      <button onClick={dismissDropped}>Dismiss</button>
    </>
  );
}

function renderAt(url: string) {
  const rootRoute = createRootRoute();
  const thingsRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/things',
    validateSearch: (raw: Record<string, unknown>) => parse(raw).search,
    component: ThingsPage,
  });
  const history = createMemoryHistory({ initialEntries: [url] });
  const router = createRouter({ routeTree: rootRoute.addChildren([thingsRoute]), history });
  render(<RouterProvider router={router} />);
  return { router, history };
}

beforeAll(() => {
  window.scrollTo = () => {};
});

describe('useRouteSearch', () => {
  it('gives the page only valid values, and lists what the link carried but could not use', async () => {
    renderAt('/things?page=abc&open=1&other=kept');
    expect(await screen.findByText('page none')).toBeInTheDocument();
    expect(screen.getByText('open 1')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Dropped' })).toHaveTextContent(
      'page=abc: not a page number',
    );
  });

  it('pushes a history entry for a change the reader may undo, and replaces it for a look', async () => {
    const { router, history } = renderAt('/things?open=1');
    await screen.findByText('page none');
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('page 2')).toBeInTheDocument();
    expect(router.state.location.search).toEqual({ page: 2, open: 1 });
    expect(history.length).toBe(2);

    act(() => history.push('/things'));
    await screen.findByText('open no');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByText('open 1')).toBeInTheDocument();
    // Navigating added one entry; the look change replaced it rather than adding another.
    expect(history.length).toBe(3);
  });

  it('drops the unusable values from the address at the first change, keeping the rest', async () => {
    const { router } = renderAt('/things?page=abc&open=1');
    await screen.findByText('page none');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(await screen.findByRole('list', { name: 'Dropped' })).toBeEmptyDOMElement();
    expect(router.state.location.search).toEqual({ open: 1 });
  });
});
