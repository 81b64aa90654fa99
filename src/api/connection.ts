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
  /** Held in session storage only: never in a URL, a log line or an error message. */
  securityKey: string | null;
}

export interface RuntimeConfig {
  endpoint?: string | null;
  dbId?: string | null;
}

const SETTINGS_KEY = 'agentos-viewer.connection';
const SECURITY_KEY_KEY = 'agentos-viewer.security-key';

let defaults: RuntimeConfig = {};
let current: Connection = { endpoint: null, dbId: null, securityKey: null };
const listeners = new Set<() => void>();

export function normalizeEndpoint(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  return trimmed.replace(/\/+$/, '');
}

/** Reads the saved choice once at start-up, on top of the runtime config. */
export function initConnection(runtimeConfig: RuntimeConfig): void {
  defaults = runtimeConfig;
  const saved = readJson(localStorage, SETTINGS_KEY) as Partial<Connection> | null;
  current = {
    endpoint: normalizeEndpoint(saved ? saved.endpoint : runtimeConfig.endpoint),
    dbId: (saved ? saved.dbId : runtimeConfig.dbId) ?? null,
    securityKey: safeGet(sessionStorage, SECURITY_KEY_KEY),
  };
}

export function getConnection(): Connection {
  return current;
}

export function setConnection(next: Connection): void {
  current = { ...next, endpoint: normalizeEndpoint(next.endpoint), dbId: next.dbId || null };
  safeSet(
    localStorage,
    SETTINGS_KEY,
    JSON.stringify({ endpoint: current.endpoint, dbId: current.dbId }),
  );
  if (current.securityKey) safeSet(sessionStorage, SECURITY_KEY_KEY, current.securityKey);
  else safeRemove(sessionStorage, SECURITY_KEY_KEY);
  listeners.forEach((listener) => listener());
}

/** Forgets this browser's choice and returns to the deployed defaults (or demo). */
export function resetConnection(): void {
  safeRemove(localStorage, SETTINGS_KEY);
  setConnection({
    endpoint: normalizeEndpoint(defaults.endpoint),
    dbId: defaults.dbId ?? null,
    securityKey: null,
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
