import { useEffect, useMemo, useState } from 'react';
import type { TraceCosts } from '../../domain/trace/pricing/traceCosts';
import type { TraceModel } from '../../domain/trace/traceModel';
import { whenIdle } from '../../lib/whenIdle';
import type * as CostKitModule from './costKit';

/** The tables, the arithmetic and the figures' components: one chunk, loaded on demand. */
type CostKit = typeof CostKitModule;

/** Spans priced between two checks of the clock. */
const PRICE_CHUNK = 256;

let loaded: CostKit | undefined;
let loading: Promise<CostKit> | undefined;

/** Fetched from our own bundle once (the CSP allows nothing else). */
function loadCostKit(): Promise<CostKit> {
  return (loading ??= import('./costKit').then((module) => {
    loaded = module;
    return module;
  }));
}

/** A trace's estimated costs and context use, and the components that show them. */
export interface TraceCostsView {
  costs: TraceCosts;
  kit: CostKit;
  notes: CostNotes;
}

/** The estimate's caveats, for tooltips and the panel. */
export interface CostNotes {
  /** List prices, the table and its date, no cached tokens. */
  estimate: string;
  /** Why a model has no price. */
  noPrice: string;
  /** Where the context windows come from, with their date. */
  window: string;
}

/**
 * The trace's costs, once the tables have loaded after the first paint and every call has been
 * priced (null until then): the tables are about 90 kB gzipped, and neither their data nor the
 * code showing costs is in the first paint's JavaScript. The calls are priced in idle time, a
 * slice at a time (at 10,000 spans one pass was a long task after the first paint). Computed once
 * per trace model (`traceCostsScan` keeps them), so every view shows the same figures.
 */
export function useTraceCosts(tree: TraceModel): TraceCostsView | null {
  const [kit, setKit] = useState(loaded);
  const [done, setDone] = useState<{ tree: TraceModel; costs: TraceCosts } | null>(null);
  useEffect(() => {
    if (kit) return;
    let isCancelled = false;
    let idle = 0;
    const load = () =>
      void loadCostKit().then((module) => {
        if (!isCancelled) setKit(module);
      });
    // Not before the first rows are painted, and then when the browser is idle.
    const frame = requestAnimationFrame(() => {
      idle =
        typeof window.requestIdleCallback === 'function'
          ? window.requestIdleCallback(load, { timeout: 2000 })
          : window.setTimeout(load, 200);
    });
    return () => {
      isCancelled = true;
      cancelAnimationFrame(frame);
      if (typeof window.cancelIdleCallback === 'function') window.cancelIdleCallback(idle);
      window.clearTimeout(idle);
    };
  }, [kit]);
  useEffect(() => {
    if (!kit || kit.knownTraceCosts(tree)) return;
    let isCancelled = false;
    const scan = kit.traceCostsScan(tree, kit.lookupModel);
    let cancelSlice = () => {};
    const work = (hasTime: () => boolean) => {
      if (isCancelled) return;
      do {
        if (scan.step(PRICE_CHUNK)) {
          setDone({ tree, costs: scan.result() });
          return;
        }
      } while (hasTime());
      cancelSlice = whenIdle(work);
    };
    cancelSlice = whenIdle(work);
    return () => {
      isCancelled = true;
      cancelSlice();
    };
  }, [kit, tree]);
  // Costs already known (another view of the same trace priced them) show at once.
  const costs = kit
    ? (kit.knownTraceCosts(tree) ?? (done?.tree === tree ? done.costs : null))
    : null;
  return useMemo(() => (kit && costs ? { costs, kit, notes: kit.NOTES } : null), [kit, costs]);
}
