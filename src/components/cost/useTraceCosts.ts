import { useEffect, useMemo, useState } from 'react';
import type { TraceCosts } from '../../domain/trace/pricing/traceCosts';
import type { TraceModel } from '../../domain/trace/traceModel';
import type * as CostKitModule from './costKit';

/** The tables, the arithmetic and the figures' components: one chunk, loaded on demand. */
type CostKit = typeof CostKitModule;

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
 * The trace's costs, once the tables have loaded after the first paint (null until then): they
 * are about 90 kB gzipped, and neither their data nor the code showing costs is in the first
 * paint's JavaScript. Computed once per trace model (`traceCostsOf` keeps them), so every view
 * shows the same figures.
 */
export function useTraceCosts(tree: TraceModel): TraceCostsView | null {
  const [kit, setKit] = useState(loaded);
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
  return useMemo(
    () => (kit ? { costs: kit.traceCostsOf(tree, kit.lookupModel), kit, notes: kit.NOTES } : null),
    [kit, tree],
  );
}
