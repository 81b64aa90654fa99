import { useEffect, useState } from 'react';
import type { TraceModel } from '../../../domain/trace/traceModel';
import { whenIdle } from '../../../lib/whenIdle';
import type { CriticalPath } from './criticalPath';
import { createPeerGroupsScan } from './peerSteps';
import type { RepeatedCalls } from './repeatedCalls';

/**
 * Spans looked at between two checks of the clock. Small: comparing a model call's input with the
 * previous one's can take a millisecond on long conversations, and 512 spans made one slice a
 * 50-160 ms long task after the first paint (bench traces of 10,000 and 100,000 spans).
 */
const SCAN_CHUNK = 32;

interface Done<T> {
  tree: TraceModel;
  result: T;
}

/**
 * The repeated calls of a trace, found after the first paint in idle time, a slice at a time:
 * at 100,000 spans the scan takes longer than a frame, and nothing on screen waits for it.
 * Null until it is done. The detector's code loads then too, keeping it out of the first paint.
 */
export function useRepeatedCalls(tree: TraceModel): RepeatedCalls | null {
  const [done, setDone] = useState<Done<RepeatedCalls> | null>(null);
  useEffect(() => {
    let isCancelled = false;
    let cancelSlice = () => {};
    const start = () =>
      void import('./repeatedCalls').then(({ createRepeatedCallsScan }) => {
        if (isCancelled) return;
        const scan = createRepeatedCallsScan(tree);
        const work = (hasTime: () => boolean) => {
          if (isCancelled) return;
          do {
            if (scan.step(SCAN_CHUNK)) {
              setDone({ tree, result: scan.result() });
              return;
            }
          } while (hasTime());
          cancelSlice = whenIdle(work);
        };
        cancelSlice = whenIdle(work);
      });
    // Not even the code is fetched before the first rows are on screen: the frame after next.
    const frame = requestAnimationFrame(() => {
      cancelSlice = whenIdle(start);
    });
    return () => {
      isCancelled = true;
      cancelAnimationFrame(frame);
      cancelSlice();
    };
  }, [tree]);
  return done?.tree === tree ? done.result : null;
}

/**
 * Computes in idle time, after the first rows are on screen, what a first click would otherwise
 * compute (each is kept per trace): the delegation links, the self times and the peer groups.
 * At 100,000 spans they were 35-50 ms of the first selection.
 */
export function useSelectionFactsWhenIdle(tree: TraceModel): void {
  useEffect(() => {
    let cancelSlice = () => {};
    const peers = createPeerGroupsScan(tree);
    const steps: ((hasTime: () => boolean) => boolean)[] = [
      () => tree.delegations !== undefined,
      () => tree.selfTimeUs !== undefined,
      (hasTime) => peers.step(hasTime),
    ];
    const work = (hasTime: () => boolean) => {
      while (steps.length > 0) {
        if (steps[0]!(hasTime)) steps.shift();
        if (!hasTime()) break;
      }
      if (steps.length > 0) cancelSlice = whenIdle(work);
    };
    const frame = requestAnimationFrame(() => {
      cancelSlice = whenIdle(work);
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelSlice();
    };
  }, [tree]);
}

/** Critical paths already computed, per tree: every component asking gets the same one. */
const criticalPaths = new WeakMap<TraceModel, CriticalPath>();

/**
 * The critical path, computed (and its code loaded) the first time it is asked for, then kept
 * for the tree: switching the toggle off and on again costs nothing.
 */
export function useCriticalPath(tree: TraceModel, isWanted: boolean): CriticalPath | null {
  const [, setDone] = useState<CriticalPath | null>(null);
  const known = criticalPaths.get(tree);
  useEffect(() => {
    if (!isWanted || criticalPaths.has(tree)) return;
    let isCancelled = false;
    void import('./criticalPath').then(({ computeCriticalPath }) => {
      if (isCancelled) return;
      const result = criticalPaths.get(tree) ?? computeCriticalPath(tree);
      criticalPaths.set(tree, result);
      setDone(result);
    });
    return () => {
      isCancelled = true;
    };
  }, [tree, isWanted]);
  return isWanted ? (known ?? null) : null;
}
