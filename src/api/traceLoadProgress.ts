import { hashKey, type QueryKey } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { TraceLoadProgress } from './readTraceStream';

/*
 * How far each trace download is, by query key: written by the query function as bytes and
 * spans arrive, read by the page's progress bar. Query state has no room for progress, and the
 * download outlives the component that started it (the route's loader starts it).
 */

const progressByKey = new Map<string, TraceLoadProgress>();
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Records the progress of the download of `queryKey`; null when it is over. */
export function setTraceLoadProgress(queryKey: QueryKey, progress: TraceLoadProgress | null): void {
  const key = hashKey(queryKey);
  if (progress) progressByKey.set(key, progress);
  else progressByKey.delete(key);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The progress of the download of `queryKey`, or null before it starts and after it ends. */
export function useTraceLoadProgress(queryKey: QueryKey): TraceLoadProgress | null {
  const key = hashKey(queryKey);
  const read = useCallback(() => progressByKey.get(key) ?? null, [key]);
  return useSyncExternalStore(subscribe, read, read);
}
