import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import {
  DEFAULT_TIMEOUT_SECONDS,
  getConnection,
  initConnection,
  setConnection,
  setConnectionSettingsOpen,
} from '../../api/connection';
import { SettingsDialog } from './SettingsDialog';

const KEY_ITEM = 'agentos-viewer.security-key';
const ENDPOINT = 'http://agentos.test:7777';

let fetchSpy: MockInstance<typeof fetch>;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  initConnection({});
  // The database probe (GET /config) answers nothing useful here.
  fetchSpy = vi
    .spyOn(globalThis, 'fetch')
    .mockImplementation(() => Promise.resolve(Response.json({ databases: [] })));
});
afterEach(() => {
  act(() => setConnectionSettingsOpen(false));
});

function openSettings() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SettingsDialog />
    </QueryClientProvider>,
  );
  act(() => setConnectionSettingsOpen(true));
  return screen.getByRole('dialog', { name: 'Connection settings' });
}

function saved(securityKey: string, rememberKey = false) {
  setConnection({
    endpoint: ENDPOINT,
    dbId: null,
    securityKey,
    rememberKey,
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
  });
}

describe('SettingsDialog: the security key', () => {
  it('is kept for this tab only unless “Remember on this device” is ticked', async () => {
    const user = userEvent.setup();
    let dialog = openSettings();
    await user.type(within(dialog).getByLabelText('AgentOS URL'), ENDPOINT);
    await user.type(within(dialog).getByLabelText('Security key'), 'tab-key');
    expect(within(dialog).getByLabelText('Remember on this device')).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(sessionStorage.getItem(KEY_ITEM)).toBe('tab-key');
    expect(localStorage.getItem(KEY_ITEM)).toBeNull();

    act(() => setConnectionSettingsOpen(true));
    dialog = screen.getByRole('dialog', { name: 'Connection settings' });
    await user.click(within(dialog).getByLabelText('Remember on this device'));
    expect(within(dialog).getByText(/local storage until you forget it/)).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(localStorage.getItem(KEY_ITEM)).toBe('tab-key');
    expect(sessionStorage.getItem(KEY_ITEM)).toBeNull();
  });

  it('“Forget key” clears it everywhere at once', async () => {
    saved('remembered-key', true);
    sessionStorage.setItem(KEY_ITEM, 'stray-copy');
    const user = userEvent.setup();
    const dialog = openSettings();
    expect(within(dialog).getByLabelText('Remember on this device')).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Forget key' }));
    expect(localStorage.getItem(KEY_ITEM)).toBeNull();
    expect(sessionStorage.getItem(KEY_ITEM)).toBeNull();
    expect(getConnection().securityKey).toBeNull();
    expect(within(dialog).getByLabelText('Security key')).toHaveValue('');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Key forgotten');
    expect(within(dialog).queryByRole('button', { name: 'Forget key' })).toBeNull();
  });

  it('offers “Forget key” only when a key is stored', () => {
    const dialog = openSettings();
    expect(within(dialog).queryByRole('button', { name: 'Forget key' })).toBeNull();
  });

  it('can never be submitted into a URL: the field has no name and the form posts', () => {
    const dialog = openSettings();
    const field = within(dialog).getByLabelText('Security key');
    expect(field).not.toHaveAttribute('name');
    expect(field.closest('form')).toHaveAttribute('method', 'post');
  });

  it('goes with the database probe only to the saved endpoint’s origin', async () => {
    saved('probe-key');
    const user = userEvent.setup();
    const dialog = openSettings();
    const url = within(dialog).getByLabelText('AgentOS URL');
    // The client always calls fetch with a URL string.
    const urls = () => fetchSpy.mock.calls.map(([input]) => input as string);
    const authorizationTo = (origin: string) =>
      fetchSpy.mock.calls
        .filter(([input]) => (input as string).startsWith(origin))
        .map(([, init]) => init?.headers as Record<string, string>)
        .map((headers) => headers.Authorization ?? null);

    await waitFor(() => expect(authorizationTo(ENDPOINT)).toEqual(['Bearer probe-key']));
    await user.clear(url);
    await user.type(url, 'http://elsewhere.test:7777');
    await waitFor(() => expect(authorizationTo('http://elsewhere.test:7777')).toEqual([null]));
    // Half-typed addresses were never asked: the probe waits for the typing to pause.
    expect(urls().filter((url) => !url.startsWith('http://elsewhere.test:7777/'))).toEqual([
      `${ENDPOINT}/config`,
    ]);
  });
});

describe('SettingsDialog: the request time-out', () => {
  it('is an advanced setting, saved with the endpoint', async () => {
    const user = userEvent.setup();
    const dialog = openSettings();
    await user.type(within(dialog).getByLabelText('AgentOS URL'), ENDPOINT);
    await user.click(within(dialog).getByText('Advanced'));
    const timeout = within(dialog).getByLabelText('Request timeout (seconds)');
    expect(timeout).toHaveValue(30);
    await user.clear(timeout);
    await user.type(timeout, '2');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(getConnection().timeoutSeconds).toBe(2);
    initConnection({});
    expect(getConnection()).toMatchObject({ endpoint: ENDPOINT, timeoutSeconds: 2 });
  });
});
