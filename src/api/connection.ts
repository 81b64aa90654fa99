import { useSyncExternalStore } from 'react';
import { appUrl } from '../lib/appUrl';

/**
 * Where the viewer reads traces from. `endpoint: null` is demo mode: requests go to
 * `demo-api/` beside the app, where the in-browser mock worker answers them.
 *
 * Precedence: what the user chose in the settings dialog (this browser) over the runtime
 * `config.json` deployed beside index.html, over demo mode.
 */
export interface Connection {
  endpoint: string | null;
  dbId: string | null;
  /**
   * Kept in this tab's session storage, or in local storage when `rememberKey` is set; never in
   * a URL, a query key, a log line or an error message.
   */
  securityKey: string | null;
  /** "Remember on this device": the key survives closing the tab. */
  rememberKey: boolean;
  /** A request that hangs is abandoned after this many seconds. */
  timeoutSeconds: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 30;
export const MIN_TIMEOUT_SECONDS = 1;
export const MAX_TIMEOUT_SECONDS = 600;

export interface RuntimeConfig {
  endpoint?: string | null;
  dbId?: string | null;
  /** AgentOS choices offered in Settings (the packaged server's `--agentos name=URL`). */
  endpoints?: { name: string; endpoint: string }[];
}

const SETTINGS_KEY = 'agentos-viewer.connection';
const SECURITY_KEY_KEY = 'agentos-viewer.security-key';

let defaults: RuntimeConfig = {};
let current: Connection = {
  endpoint: null,
  dbId: null,
  securityKey: null,
  rememberKey: false,
  timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
};
const listeners = new Set<() => void>();

export function normalizeEndpoint(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  return trimmed.replace(/\/+$/, '');
}

/** A timeout the user typed, as whole seconds within bounds; anything else is the default. */
export function normalizeTimeoutSeconds(value: unknown): number {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return DEFAULT_TIMEOUT_SECONDS;
  return Math.min(MAX_TIMEOUT_SECONDS, Math.max(MIN_TIMEOUT_SECONDS, Math.round(seconds)));
}

/** Reads the saved choice once at start-up, on top of the runtime config. */
export function initConnection(runtimeConfig: RuntimeConfig): void {
  defaults = runtimeConfig;
  const saved = readJson(localStorage, SETTINGS_KEY) as Partial<Connection> | null;
  const sessionKey = safeGet(sessionStorage, SECURITY_KEY_KEY);
  const rememberedKey = safeGet(localStorage, SECURITY_KEY_KEY);
  current = {
    endpoint: normalizeEndpoint(saved ? saved.endpoint : runtimeConfig.endpoint),
    dbId: (saved ? saved.dbId : runtimeConfig.dbId) ?? null,
    securityKey: sessionKey ?? rememberedKey,
    rememberKey: sessionKey === null && rememberedKey !== null,
    timeoutSeconds: normalizeTimeoutSeconds(saved?.timeoutSeconds),
  };
  window.addEventListener('storage', handleStorage);
}

/** "Forget key" in another tab of this browser also forgets the remembered key here. */
function handleStorage(event: StorageEvent): void {
  if (event.key !== SECURITY_KEY_KEY && event.key !== null) return;
  if (!current.rememberKey || safeGet(localStorage, SECURITY_KEY_KEY) !== null) return;
  current = { ...current, securityKey: null, rememberKey: false };
  listeners.forEach((listener) => listener());
}

export function getConnection(): Connection {
  return current;
}

export function setConnection(next: Connection): void {
  current = {
    ...next,
    endpoint: normalizeEndpoint(next.endpoint),
    dbId: next.dbId || null,
    securityKey: next.securityKey || null,
    rememberKey: Boolean(next.securityKey) && next.rememberKey,
    timeoutSeconds: normalizeTimeoutSeconds(next.timeoutSeconds),
  };
  safeSet(
    localStorage,
    SETTINGS_KEY,
    JSON.stringify({
      endpoint: current.endpoint,
      dbId: current.dbId,
      timeoutSeconds: current.timeoutSeconds,
    }),
  );
  storeKey(current.securityKey, current.rememberKey);
  listeners.forEach((listener) => listener());
}

/** One copy of the key at most: in local storage when remembered, else in session storage. */
function storeKey(key: string | null, remember: boolean): void {
  const [keep, drop] = remember ? [localStorage, sessionStorage] : [sessionStorage, localStorage];
  safeRemove(drop, SECURITY_KEY_KEY);
  if (key) safeSet(keep, SECURITY_KEY_KEY, key);
  else safeRemove(keep, SECURITY_KEY_KEY);
}

/** "Forget key": removes the key from both storages and from memory; the rest stays. */
export function forgetSecurityKey(): void {
  setConnection({ ...current, securityKey: null, rememberKey: false });
}

/** Forgets this browser's choice (and the key) and returns to the deployed defaults (or demo). */
export function resetConnection(): void {
  safeRemove(localStorage, SETTINGS_KEY);
  setConnection({
    endpoint: normalizeEndpoint(defaults.endpoint),
    dbId: defaults.dbId ?? null,
    securityKey: null,
    rememberKey: false,
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
  });
  safeRemove(localStorage, SETTINGS_KEY);
}

export function getRuntimeDefaults(): RuntimeConfig {
  return defaults;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useConnection(): Connection {
  return useSyncExternalStore(subscribe, getConnection);
}

/** The base URL requests go to: the endpoint, or the demo mock beside the app. */
export function baseUrlOf(connection: Connection): string {
  return connection.endpoint ?? demoBaseUrl();
}

export function demoBaseUrl(): string {
  return appUrl('demo-api');
}

export function isDemo(connection: Connection): boolean {
  return connection.endpoint === null;
}

let demoServerStarting: Promise<void> = Promise.resolve();

/**
 * Demo requests wait for `starting`: the in-browser mock server starts beside the first render
 * rather than before it, so the page and its code load meanwhile.
 */
export function holdDemoRequestsUntil(starting: Promise<void>): void {
  demoServerStarting = starting;
}

const fetchFromDemoServer: typeof fetch = (input, init) =>
  demoServerStarting.then(() => fetch(input, init));

const fetchNow: typeof fetch = (input, init) => fetch(input, init);

/** How a client for `connection` sends its requests. */
export function fetchFor(connection: Connection): typeof fetch {
  return isDemo(connection) ? fetchFromDemoServer : fetchNow;
}

// Storage can throw (disabled cookies, private modes, quota): the viewer still works without it.
function safeGet(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
function safeSet(storage: Storage, key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch {
    /* not persisted; the in-memory value still applies */
  }
}
function safeRemove(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    /* nothing to remove */
  }
}
function readJson(storage: Storage, key: string): unknown {
  const text = safeGet(storage, key);
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

// The settings dialog can be asked for from anywhere (a 401 on any page asks for the key).
let settingsOpen = false;
const settingsListeners = new Set<() => void>();

export function setConnectionSettingsOpen(open: boolean): void {
  settingsOpen = open;
  settingsListeners.forEach((listener) => listener());
}

export function useConnectionSettingsOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      settingsListeners.add(listener);
      return () => settingsListeners.delete(listener);
    },
    () => settingsOpen,
  );
}
