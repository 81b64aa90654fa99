import { useSyncExternalStore } from 'react';

interface Clock {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => number;
}

/** One clock per interval, shared by every subscriber; its timer runs only while watched. */
const clocks = new Map<number, Clock>();

function createClock(intervalMs: number): Clock {
  let now = Date.now();
  let timer: number | undefined;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (timer === undefined) {
        now = Date.now();
        timer = window.setInterval(() => {
          now = Date.now();
          listeners.forEach((l) => l());
        }, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== undefined) {
          window.clearInterval(timer);
          timer = undefined;
        }
      };
    },
    getSnapshot: () => now,
  };
}

/**
 * The current time in epoch ms, updated every `intervalMs`, so relative times ("3 min ago")
 * stay true on a page left open.
 */
export function useNow(intervalMs = 30_000): number {
  let clock = clocks.get(intervalMs);
  if (!clock) {
    clock = createClock(intervalMs);
    clocks.set(intervalMs, clock);
  }
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot);
}
