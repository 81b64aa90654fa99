import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { demoBaseUrl } from '../api/connection';
import { server } from './mswServer';

describe('the shared MSW server', () => {
  it('answers as the demo AgentOS at the demo base URL', async () => {
    const response = await fetch(`${demoBaseUrl()}/traces?page=1&limit=3`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: unknown[]; meta: { limit: number } };
    expect(body.data).toHaveLength(3);
    expect(body.meta.limit).toBe(3);
  });

  it('fails a request that no handler answers', async () => {
    // MSW reports the unhandled request on the console as well; keep the test output clean.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(fetch('http://agentos.invalid/traces')).rejects.toThrow(
      'Cannot bypass a request when using the "error" strategy for the "onUnhandledRequest" option.',
    );
    expect(consoleError).toHaveBeenCalledWith(
      expect.stringContaining('GET http://agentos.invalid/traces'),
    );
  });

  it('drops a test’s own handlers after that test', async () => {
    server.use(http.get(`${demoBaseUrl()}/health`, () => HttpResponse.text('overridden')));
    expect(await (await fetch(`${demoBaseUrl()}/health`)).text()).toBe('overridden');
  });

  it('is back to the demo handlers in the next test', async () => {
    expect(await (await fetch(`${demoBaseUrl()}/health`)).json()).toEqual({ status: 'ok' });
  });
});
