import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory, createRouter } from '@tanstack/react-router';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoBaseUrl } from '../../api/connection';
import { App } from '../../app/App';
import { server } from '../../test/mswServer';
import { realAnswer } from '../../test/testTree';
import { routeTree } from '../../routes/routeTree';
import { LIVE_INTERVAL_MS } from './useTraceListData';

// The real routes against the mock AgentOS handlers (src/test/mswServer), in demo mode.

beforeAll(() => {
  // Recharts measures its container; jsdom has no layout (see the size spy below).
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  // The router restores scroll positions; jsdom does not scroll.
  window.scrollTo = () => {};
});
beforeEach(() => {
  // Spies are restored before each test (restoreMocks), so this one is set here.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ width: 800, height: 180 }),
  );
});
afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

function renderAt(url: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  const router = createRouter({
    routeTree,
    context: { queryClient },
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  render(<App queryClient={queryClient} router={router} />);
  return router;
}

describe('TraceListPage', () => {
  it('keeps the rows and marks them stale when a live refresh fails', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    renderAt('/traces');
    const table = await screen.findByRole('table', { name: 'Traces' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(21));

    server.use(
      http.get(`${demoBaseUrl()}/traces`, () =>
        HttpResponse.json({ detail: 'Database is locked' }, { status: 500 }),
      ),
    );
    await user.click(screen.getByRole('checkbox', { name: /Auto-refresh/ }));
    await act(() => vi.advanceTimersByTimeAsync(LIVE_INTERVAL_MS + 100));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Refresh failed .*Database is locked.*showing data from/);
    expect(within(table).getAllByRole('row')).toHaveLength(21);

    // The next refresh works again and the warning goes.
    server.resetHandlers();
    await act(() => vi.advanceTimersByTimeAsync(LIVE_INTERVAL_MS + 100));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('shows the server’s 400 message for an expression from the URL', async () => {
    const filter = encodeURIComponent(JSON.stringify({ op: 'NOT', condition: {} }));
    renderAt(`/traces?filter=${filter}`);
    const bar = await screen.findByRole('form', { name: 'Advanced search' });
    // NOT cannot be shown as clauses, so the bar opens on the JSON.
    expect(within(bar).getByLabelText('Filter expression (JSON)')).toHaveValue(
      JSON.stringify({ op: 'NOT', condition: {} }, null, 2),
    );
    expect(await within(bar).findByRole('alert')).toHaveTextContent(
      "Invalid filter expression: NOT filter requires 'condition' field.",
    );
  });

  it('shows a trace with failing spans as failed, with the root span’s status beside it', async () => {
    // A page the real AgentOS sent: Inventory_Auditor.run is OK at the root with 25 errors.
    server.use(
      http.get(`${demoBaseUrl()}/traces`, () =>
        HttpResponse.json(realAnswer('traces-page1.json') as object),
      ),
    );
    renderAt('/traces');
    const table = await screen.findByRole('table', { name: 'Traces' });
    const row = (await within(table).findByRole('link', { name: 'Inventory_Auditor.run' })).closest(
      'tr',
    )!;
    expect(within(row).getByText('ERROR')).toBeVisible();
    expect(within(row).getByText('root span OK · 25 failing spans')).toBeVisible();
    const clean = within(table)
      .getAllByRole('link', { name: 'Stock_Price_Agent.run' })[0]!
      .closest('tr')!;
    expect(within(clean).getByText('OK')).toBeVisible();
    expect(within(clean).queryByText(/root span/)).toBeNull();
    // The filter says what the server filters on.
    expect(screen.getByLabelText('Status')).toHaveAccessibleDescription(
      /the server filters by the root span’s status, so OK can include traces with failing spans/,
    );
  });

  it('pages an advanced search by 10 unless the URL says otherwise, and the plain list by 20', async () => {
    const bodies: unknown[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST')
        void request
          .clone()
          .json()
          .then((body) => bodies.push(body));
    });
    const filter = encodeURIComponent(JSON.stringify({ op: 'EQ', key: 'status', value: 'OK' }));
    const router = renderAt(`/traces?filter=${filter}`);
    const table = await screen.findByRole('table', { name: 'Traces' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(11));
    const size = screen.getByRole('combobox', { name: 'Page size' });
    expect(size).toHaveValue('10');
    expect(bodies).toContainEqual(expect.objectContaining({ limit: 10, group_by: 'run' }));
    expect(router.state.location.search).not.toHaveProperty('limit');

    // Picked, it stays in the URL, even at the plain list's default.
    await userEvent.selectOptions(size, '20');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(21));
    expect(router.state.location.search).toMatchObject({ limit: 20 });

    // The plain list's default is 20, so it needs no parameter there.
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).not.toHaveProperty('filter'));
    expect(router.state.location.search).not.toHaveProperty('limit');
    expect(screen.getByRole('combobox', { name: 'Page size' })).toHaveValue('20');
    server.events.removeAllListeners();
  });
});
