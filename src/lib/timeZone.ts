import { useSyncExternalStore } from 'react';

/**
 * Whether times are shown in the browser's zone or in UTC. A preference of this browser, like
 * the theme: kept in local storage, not in the URL (a link should not impose a zone).
 */
export type TimeZoneChoice = 'local' | 'utc';

const STORAGE_KEY = 'agentos-viewer.time-zone';
const listeners = new Set<() => void>();

function readChoice(): TimeZoneChoice {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'utc' ? 'utc' : 'local';
  } catch {
    return 'local';
  }
}

let choice: TimeZoneChoice | null = null;

function getTimeZone(): TimeZoneChoice {
  choice ??= readChoice();
  return choice;
}

export function setTimeZone(next: TimeZoneChoice): void {
  choice = next;
  try {
    if (next === 'local') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* not persisted; the in-memory choice still applies */
  }
  listeners.forEach((listener) => listener());
}

export function useTimeZone(): TimeZoneChoice {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, getTimeZone);
}

/** "UTC", or the browser zone's short name ("CET", "GMT+5:30"), for column headers. */
export function timeZoneLabel(zone: TimeZoneChoice, at: Date = new Date()): string {
  if (zone === 'utc') return 'UTC';
  const part = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'local';
}

/**
 * Formats one date, so the browser loads its date and time-zone data (45–75 ms in Chromium,
 * whichever formatter comes first) now, in a task of its own, rather than inside the first
 * render's, which is already the page's longest task.
 */
export function warmDateFormatting(): void {
  timeZoneLabel('local', new Date(0));
}
