import { cleanup, render, renderHook, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_TIMEOUT_SECONDS,
  setConnection,
  setConnectionSettingsOpen,
  useConnectionSettingsOpen,
} from '../api/connection';
import { HttpError, NetworkError, NotJsonError, SchemaError, TimeoutError } from '../api/errors';
import { ApiErrorState } from './ApiErrorState';

const BASE = 'http://agentos.test:7777';

function connect(securityKey: string | null) {
  setConnection({
    endpoint: BASE,
    dbId: null,
    securityKey,
    rememberKey: false,
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
  });
}

function show(error: unknown, props: { notFoundTitle?: string; onRetry?: () => void } = {}) {
  cleanup();
  render(<ApiErrorState error={error} action="load the traces" {...props} />);
  return screen.getByRole('alert');
}

beforeEach(() => {
  connect(null);
  setConnectionSettingsOpen(false);
  sessionStorage.clear();
});

describe('ApiErrorState', () => {
  it('401 without a key asks for one, and opens the settings', async () => {
    const alert = show(new HttpError(401, 'Authorization header required', `${BASE}/traces`));
    expect(alert).toHaveTextContent('This AgentOS needs a security key');
    expect(alert).toHaveTextContent('The server said: Authorization header required.');
    expect(alert).toHaveTextContent('This page stays as it is');
    const open = renderHook(() => useConnectionSettingsOpen());
    await userEvent.click(within(alert).getByRole('button', { name: 'Enter security key' }));
    expect(open.result.current).toBe(true);
  });

  it('401 with a key says the key was refused, without showing it', () => {
    connect('my-secret-key');
    const alert = show(new HttpError(401, 'Invalid authentication token', `${BASE}/traces`));
    expect(alert).toHaveTextContent('The security key was not accepted');
    expect(within(alert).getByRole('button', { name: 'Change security key' })).toBeVisible();
    expect(alert).not.toHaveTextContent('my-secret-key');
  });

  it('403 says access is denied', () => {
    const alert = show(new HttpError(403, 'Insufficient permissions', `${BASE}/traces`));
    expect(alert).toHaveTextContent('Access denied');
    expect(alert).toHaveTextContent('Insufficient permissions');
  });

  it('404 of a trace uses the page’s words; of a list, points at the URL', () => {
    const trace = show(new HttpError(404, 'Trace not found', `${BASE}/traces/abc`), {
      notFoundTitle: 'Trace not found',
    });
    expect(trace).toHaveTextContent('Trace not found');
    expect(trace).toHaveTextContent('another user');
    const list = show(new HttpError(404, 'Not Found', `${BASE}/prefix/traces?page=1`));
    expect(list).toHaveTextContent('this server has no such page (HTTP 404)');
    expect(list).toHaveTextContent('for /prefix/traces');
    expect(within(list).getByRole('button', { name: 'Open settings' })).toBeVisible();
  });

  it('422 lists each problem readably', () => {
    const alert = show(
      new HttpError(
        422,
        [
          { loc: ['query', 'limit'], msg: 'Input should be greater than or equal to 1' },
          { loc: ['query', 'page'], msg: 'Input should be a valid integer' },
        ],
        `${BASE}/traces`,
      ),
    );
    expect(alert).toHaveTextContent('the server rejected the request (HTTP 422)');
    const items = within(alert).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'limit (query): Input should be greater than or equal to 1',
      'page (query): Input should be a valid integer',
    ]);
  });

  it('500 shows the detail and a retry', async () => {
    const onRetry = vi.fn();
    const alert = show(
      new HttpError(500, 'Error retrieving traces: database is locked', `${BASE}/traces`),
      { onRetry },
    );
    expect(alert).toHaveTextContent('Could not load the traces: the server failed (HTTP 500)');
    expect(alert).toHaveTextContent(
      'The server said: Error retrieving traces: database is locked.',
    );
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('a network failure explains both “down” and CORS, with this page’s origin', () => {
    const alert = show(new NetworkError(`${BASE}/traces`));
    expect(alert).toHaveTextContent(`no answer from ${BASE}`);
    expect(alert).toHaveTextContent('not running');
    expect(alert).toHaveTextContent('(CORS)');
    expect(alert).toHaveTextContent(
      `add ${window.location.origin} to the AgentOS’s allowed origins`,
    );
    expect(alert).toHaveTextContent('cors_allowed_origins');
    expect(alert).toHaveTextContent('reverse proxy');
  });

  it('a time-out says how long it waited and where to change it', () => {
    const alert = show(new TimeoutError(`${BASE}/traces`, 2000));
    expect(alert).toHaveTextContent('did not answer in time');
    expect(alert).toHaveTextContent(`${BASE} did not answer within 2 s`);
    expect(alert).toHaveTextContent('Request timeout');
  });

  it('an HTML error page blames the proxy and quotes its title', () => {
    const alert = show(
      new HttpError(502, 'Bad Gateway', `${BASE}/traces`, undefined, '502 Bad Gateway'),
    );
    expect(alert).toHaveTextContent('a proxy or gateway answered (HTTP 502)');
    expect(alert).toHaveTextContent('HTML page (“502 Bad Gateway”)');
  });

  it('a 200 HTML page says the URL is not the API', () => {
    const alert = show(new NotJsonError(`${BASE}/traces`, 200, 'text/html', 'Sign in', false));
    expect(alert).toHaveTextContent('the answer is not from the AgentOS API');
    expect(alert).toHaveTextContent('an HTML page (“Sign in”) instead of JSON');
  });

  it('a schema error names the JSON path and what was expected', () => {
    const alert = show(
      new SchemaError('$.data[3].start_time', 'expected string, received number', `${BASE}/traces`),
      { onRetry: () => {} },
    );
    expect(alert).toHaveTextContent('not in the form the viewer expects');
    expect(alert).toHaveTextContent('At $.data[3].start_time: expected string, received number.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
    const missing = show(new SchemaError('$.tree[0].id', 'expected string, received undefined'));
    expect(missing).toHaveTextContent(
      'At $.tree[0].id: expected string, but the field is missing.',
    );
  });

  it('shows server text as text, never as markup', () => {
    const alert = show(new HttpError(500, '<img src=x onerror=alert(1)>', `${BASE}/traces`));
    expect(alert.querySelector('img')).toBeNull();
    expect(alert).toHaveTextContent('<img src=x onerror=alert(1)>');
  });
});
