import { useSyncExternalStore } from 'react';
import type { TraceDetail } from '../../api/schemas';

/**
 * The trace file the user opened, held in this tab's memory only: never uploaded, never in the
 * URL or in any storage. A reload forgets it, as it should.
 */
export type OpenedTraceFile =
  | { status: 'reading'; id: number; fileName: string }
  | { status: 'loaded'; id: number; fileName: string; trace: TraceDetail }
  | { status: 'failed'; id: number; fileName: string; error: unknown };

let current: OpenedTraceFile | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

/** A fresh id per file opened, so the page starts over even for a file of the same name. */
export function newTraceFileId(): number {
  return nextId++;
}

export function setOpenedTraceFile(file: OpenedTraceFile | null): void {
  current = file;
  for (const listener of listeners) listener();
}

function getOpenedTraceFile(): OpenedTraceFile | null {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOpenedTraceFile(): OpenedTraceFile | null {
  return useSyncExternalStore(subscribe, getOpenedTraceFile, getOpenedTraceFile);
}
