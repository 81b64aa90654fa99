import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_TIMEOUT_SECONDS,
  fetchFor,
  forgetSecurityKey,
  getConnection,
  holdDemoRequestsUntil,
  initConnection,
  normalizeTimeoutSeconds,
  resetConnection,
  setConnection,
  type Connection,
} from './connection';

const KEY_ITEM = 'agentos-viewer.security-key';
const SETTINGS_ITEM = 'agentos-viewer.connection';

const base: Connection = {
  endpoint: 'http://agentos.test:7777',
  dbId: null,
  securityKey: null,
  rememberKey: false,
  timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
};

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  initConnection({});
});
afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('the security key', () => {
  it('lives in session storage by default, never in local storage', () => {
    setConnection({ ...base, securityKey: 's3cret' });
    expect(sessionStorage.getItem(KEY_ITEM)).toBe('s3cret');
    expect(localStorage.getItem(KEY_ITEM)).toBeNull();
    expect(localStorage.getItem(SETTINGS_ITEM)).not.toContain('s3cret');
  });

  it('moves to local storage when remembered, leaving no session copy, and back', () => {
    setConnection({ ...base, securityKey: 's3cret' });
    setConnection({ ...base, securityKey: 's3cret', rememberKey: true });
    expect(localStorage.getItem(KEY_ITEM)).toBe('s3cret');
    expect(sessionStorage.getItem(KEY_ITEM)).toBeNull();
    setConnection({ ...base, securityKey: 's3cret', rememberKey: false });
    expect(localStorage.getItem(KEY_ITEM)).toBeNull();
    expect(sessionStorage.getItem(KEY_ITEM)).toBe('s3cret');
  });

  it('is read back at start-up, remembered or not', () => {
    localStorage.setItem(KEY_ITEM, 'remembered');
    initConnection({});
    expect(getConnection()).toMatchObject({ securityKey: 'remembered', rememberKey: true });
    sessionStorage.setItem(KEY_ITEM, 'this-tab');
    initConnection({});
    expect(getConnection()).toMatchObject({ securityKey: 'this-tab', rememberKey: false });
  });

  it('“Forget key” clears both storages and memory, and keeps the rest', () => {
    setConnection({ ...base, dbId: 'db-2', securityKey: 's3cret', rememberKey: true });
    sessionStorage.setItem(KEY_ITEM, 'stale-copy');
    forgetSecurityKey();
    expect(localStorage.getItem(KEY_ITEM)).toBeNull();
    expect(sessionStorage.getItem(KEY_ITEM)).toBeNull();
    expect(getConnection()).toMatchObject({
      endpoint: base.endpoint,
      dbId: 'db-2',
      securityKey: null,
      rememberKey: false,
    });
  });

  it('is forgotten here when another tab forgets the remembered key', () => {
    setConnection({ ...base, securityKey: 's3cret', rememberKey: true });
    localStorage.removeItem(KEY_ITEM);
    window.dispatchEvent(new StorageEvent('storage', { key: KEY_ITEM, newValue: null }));
    expect(getConnection().securityKey).toBeNull();
  });

  it('“Reset to defaults” forgets it too', () => {
    setConnection({ ...base, securityKey: 's3cret', rememberKey: true });
    resetConnection();
    expect(localStorage.getItem(KEY_ITEM)).toBeNull();
    expect(sessionStorage.getItem(KEY_ITEM)).toBeNull();
    expect(getConnection().securityKey).toBeNull();
  });

  it('is not “remembered” when there is none', () => {
    setConnection({ ...base, securityKey: '', rememberKey: true });
    expect(getConnection()).toMatchObject({ securityKey: null, rememberKey: false });
  });
});

describe('the request time-out', () => {
  it('is kept with the endpoint', () => {
    setConnection({ ...base, timeoutSeconds: 2 });
    initConnection({});
    expect(getConnection().timeoutSeconds).toBe(2);
    expect(JSON.parse(localStorage.getItem(SETTINGS_ITEM)!)).toMatchObject({ timeoutSeconds: 2 });
  });

  it('is whole seconds within bounds, the default otherwise', () => {
    expect(normalizeTimeoutSeconds('2')).toBe(2);
    expect(normalizeTimeoutSeconds(2.4)).toBe(2);
    expect(normalizeTimeoutSeconds('0')).toBe(1);
    expect(normalizeTimeoutSeconds(100_000)).toBe(600);
    expect(normalizeTimeoutSeconds('')).toBe(DEFAULT_TIMEOUT_SECONDS);
    expect(normalizeTimeoutSeconds('abc')).toBe(DEFAULT_TIMEOUT_SECONDS);
    expect(normalizeTimeoutSeconds(undefined)).toBe(DEFAULT_TIMEOUT_SECONDS);
  });
});

describe('requests in demo mode', () => {
  afterEach(() => {
    holdDemoRequestsUntil(Promise.resolve());
    vi.unstubAllGlobals();
  });

  it('wait for the demo server to start; a real server is asked at once', async () => {
    const sent: string[] = [];
    vi.stubGlobal('fetch', (input: string) => {
      sent.push(input);
      return Promise.resolve(new Response('{}'));
    });
    let started!: () => void;
    holdDemoRequestsUntil(new Promise<void>((resolve) => (started = resolve)));

    const demo = fetchFor({ ...base, endpoint: null })('/demo-api/traces');
    const real = fetchFor(base)('http://agentos.test:7777/traces');
    await real;
    expect(sent).toEqual(['http://agentos.test:7777/traces']);

    started();
    await demo;
    expect(sent).toEqual(['http://agentos.test:7777/traces', '/demo-api/traces']);
  });

  it('fail with the reason when the demo server could not start', async () => {
    holdDemoRequestsUntil(Promise.reject(new Error('no service workers here')));
    await expect(fetchFor({ ...base, endpoint: null })('/demo-api/traces')).rejects.toThrow(
      'no service workers here',
    );
  });
});
