import { describe, expect, it, vi } from 'vitest';
import { loadRuntimeConfig } from './runtimeConfig';

function serveConfig(body: unknown) {
  vi.spyOn(globalThis, 'fetch').mockResolvedValue(Response.json(body));
}

describe('loadRuntimeConfig', () => {
  it('makes a proxy path absolute on the page’s origin, so it is used like a typed URL', async () => {
    serveConfig({ endpoint: '/agentos/local', dbId: 'traces-db' });
    const config = await loadRuntimeConfig();
    expect(config.endpoint).toBe(`${window.location.origin}/agentos/local`);
    expect(config.dbId).toBe('traces-db');
  });

  it('keeps an absolute endpoint as it is', async () => {
    serveConfig({ endpoint: 'https://agentos.example.com', dbId: null });
    expect((await loadRuntimeConfig()).endpoint).toBe('https://agentos.example.com');
  });

  it('does not take a protocol-relative //host for a path on this server', async () => {
    serveConfig({ endpoint: '//other.example.com/agentos' });
    expect((await loadRuntimeConfig()).endpoint).toBe('//other.example.com/agentos');
  });

  it('reads the named AgentOS choices the packaged server offers', async () => {
    serveConfig({
      endpoint: '/agentos/prod',
      endpoints: [
        { name: 'prod', endpoint: '/agentos/prod' },
        { name: 'staging', endpoint: 'https://staging.example.com' },
      ],
    });
    expect((await loadRuntimeConfig()).endpoints).toEqual([
      { name: 'prod', endpoint: `${window.location.origin}/agentos/prod` },
      { name: 'staging', endpoint: 'https://staging.example.com' },
    ]);
  });

  it('ignores a config.json whose choices are malformed, and starts on demo data', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    serveConfig({ endpoint: '/agentos/prod', endpoints: [{ name: 'prod' }] });
    expect(await loadRuntimeConfig()).toEqual({});
  });
});
