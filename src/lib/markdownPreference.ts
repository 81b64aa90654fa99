import { useSyncExternalStore } from 'react';

/**
 * Whether model text is rendered as Markdown. A preference of this browser, like the theme:
 * kept in local storage, not in the URL. On unless switched off.
 */
const MARKDOWN_STORAGE_KEY = 'agentos-trace-viewer:markdown';
const listeners = new Set<() => void>();
let isOn: boolean | null = null;

function readChoice(): boolean {
  try {
    return localStorage.getItem(MARKDOWN_STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

function getMarkdown(): boolean {
  isOn ??= readChoice();
  return isOn;
}

export function setMarkdown(next: boolean): void {
  isOn = next;
  try {
    localStorage.setItem(MARKDOWN_STORAGE_KEY, next ? 'on' : 'off');
  } catch {
    /* not persisted; the in-memory choice still applies */
  }
  listeners.forEach((listener) => listener());
}

export function useMarkdownPreference(): boolean {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, getMarkdown);
}
