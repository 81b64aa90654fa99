import { agentsOf } from '../agentOf';
import { SpanKind } from '../spanKind';
import type { TraceModel } from '../traceModel';
import { callCostUsd, contextShare, type ModelRates } from './cost';
import { modelClassOf } from './modelProvider';

/** What the catalogues say of a model (see `modelCatalog.lookupModel`). */
export interface ModelLookup {
  (
    modelId: string,
    modelClass: string | null,
  ): {
    rates: ModelRates | null;
    contextWindow: number | null;
  };
}

/** A span's model call, as far as prices go. */
export const PriceState = { NotACall: 0, Priced: 1, NoPrice: 2 } as const;
export type PriceState = (typeof PriceState)[keyof typeof PriceState];

/** The cost of a group of model calls (one model, one agent). */
interface CostGroup {
  key: string;
  calls: number;
  /** Sum over the priced calls, USD. */
  costUsd: number;
  /** Calls whose model has no price: the sum leaves them out. */
  unpricedCalls: number;
}

/** One model call's context, in time order, for the growth chart. */
export interface ContextPoint {
  index: number;
  agent: string;
  inputTokens: number;
  /** Input over the model's window (NaN when the window is unknown). */
  share: number;
}

/**
 * The estimated cost and context use of every model call of a trace, computed once per trace
 * model (`traceCostsScan` keeps them) so the row pill, the panel, the header, the tables and the
 * charts cannot disagree. Model calls are LLM spans that record tokens; a call whose model id was
 * not recorded (only the class from the span name) has no price.
 */
export interface TraceCosts {
  /** Per span, its own call's cost in USD; NaN unless `priceState` is `Priced`. */
  costUsd: Float64Array;
  priceState: Uint8Array;
  /** Per span, 1 for a model call (priced or not): readable without `PriceState`. */
  isCall: Uint8Array;
  /** Per span, the agent whose run it is in (see `agentsOf`). */
  agentOf: readonly string[];
  /** Per span, the model's context window in tokens; 0 when unknown or not a model call. */
  contextWindow: Float64Array;
  /** Per span, input tokens over the window; NaN when either is unknown. */
  contextShare: Float64Array;
  /** The priced calls' cost in span `index`'s subtree (itself included), USD. */
  subtreeCostUsd(index: number): number;
  /** Calls without a price in span `index`'s subtree. */
  subtreeUnpricedCalls(index: number): number;
  totalUsd: number;
  pricedCalls: number;
  unpricedCalls: number;
  /** Per model id and per agent (the nearest AGENT or TEAM span above), most expensive first. */
  byModel: readonly CostGroup[];
  byAgent: readonly CostGroup[];
  /** Every model call with input tokens, in start order. */
  contextPoints: readonly ContextPoint[];
}

/** Pricing as a scan that can stop and resume, so a page can spread it over short tasks. */
export interface TraceCostsScan {
  /** Prices up to `spans` more spans; true once every span has been seen. */
  step: (spans: number) => boolean;
  /** The costs, once `step` has returned true. */
  result: () => TraceCosts;
}

/** Prices every model call of the trace in one go; see `createTraceCostsScan`. */
export function computeTraceCosts(tree: TraceModel, lookup: ModelLookup): TraceCosts {
  const scan = createTraceCostsScan(tree, lookup);
  while (!scan.step(tree.count)) {
    // one step does it all
  }
  return scan.result();
}

/**
 * `computeTraceCosts` a slice at a time: at 10,000 spans and more, pricing every call in one
 * pass is a long task. One pass over the spans in pre-order, then the totals and groups.
 */
export function createTraceCostsScan(tree: TraceModel, lookup: ModelLookup): TraceCostsScan {
  const { count } = tree;
  const costUsd = new Float64Array(count).fill(Number.NaN);
  const priceState = new Uint8Array(count);
  const isCallArray = new Uint8Array(count);
  const contextWindow = new Float64Array(count);
  const share = new Float64Array(count).fill(Number.NaN);
  // Prefix sums in pre-order: a subtree is the range [i, i + subtreeSize[i]).
  const costPrefix = new Float64Array(count + 1);
  const unpricedPrefix = new Uint32Array(count + 1);
  let agentOf: readonly string[] | null = null;
  const byModel = new Map<string, CostGroup>();
  const byAgent = new Map<string, CostGroup>();
  const points: (ContextPoint & { startUs: number })[] = [];
  let totalUsd = 0;
  let pricedCalls = 0;
  let unpricedCalls = 0;
  let next = 0;

  const visit = (i: number, agents: readonly string[]) => {
    const kind = tree.kind[i]!;
    const input = tree.inputTokens[i]!;
    const output = tree.outputTokens[i]!;
    const isCall = kind === SpanKind.Llm && !(Number.isNaN(input) && Number.isNaN(output));
    if (isCall) {
      isCallArray[i] = 1;
      const label = tree.modelLabelOf(i);
      const facts =
        label && !label.isFromSpanName
          ? lookup(label.text, modelClassOf(tree.nodes[i]!.name))
          : { rates: null, contextWindow: null };
      const cost = facts.rates ? callCostUsd(facts.rates, input, output) : Number.NaN;
      const isPriced = !Number.isNaN(cost);
      priceState[i] = isPriced ? PriceState.Priced : PriceState.NoPrice;
      costUsd[i] = cost;
      contextWindow[i] = facts.contextWindow ?? 0;
      share[i] = contextShare(input, facts.contextWindow);
      if (isPriced) {
        totalUsd += cost;
        pricedCalls += 1;
      } else {
        unpricedCalls += 1;
      }
      addTo(byModel, label?.text ?? '(unnamed)', cost);
      addTo(byAgent, agents[i]!, cost);
      if (!Number.isNaN(input)) {
        points.push({
          index: i,
          agent: agents[i]!,
          inputTokens: input,
          share: share[i],
          startUs: tree.startUs[i]!,
        });
      }
    }
    costPrefix[i + 1] = costPrefix[i]! + (priceState[i] === PriceState.Priced ? costUsd[i]! : 0);
    unpricedPrefix[i + 1] = unpricedPrefix[i]! + (priceState[i] === PriceState.NoPrice ? 1 : 0);
  };

  const finish = (agents: readonly string[]): TraceCosts => {
    points.sort((a, b) => a.startUs - b.startUs || a.index - b.index);
    const end = (index: number) => index + tree.subtreeSize[index]!;
    return {
      costUsd,
      priceState,
      isCall: isCallArray,
      agentOf: agents,
      contextWindow,
      contextShare: share,
      subtreeCostUsd: (index) => costPrefix[end(index)]! - costPrefix[index]!,
      subtreeUnpricedCalls: (index) => unpricedPrefix[end(index)]! - unpricedPrefix[index]!,
      totalUsd,
      pricedCalls,
      unpricedCalls,
      byModel: sortGroups(byModel),
      byAgent: sortGroups(byAgent),
      contextPoints: points.map(({ startUs: _startUs, ...point }) => point),
    };
  };

  let costs: TraceCosts | null = null;
  return {
    step: (spans) => {
      // The agents first: one pass of their own, in the first slice.
      const agents = (agentOf ??= agentsOf(tree));
      const stop = Math.min(count, next + Math.max(1, spans));
      for (; next < stop; next++) visit(next, agents);
      return next >= count;
    },
    result: () => {
      if (next < count) throw new Error('createTraceCostsScan: result() before the last step');
      return (costs ??= finish((agentOf ??= agentsOf(tree))));
    },
  };
}

function addTo(groups: Map<string, CostGroup>, key: string, cost: number): void {
  let group = groups.get(key);
  if (!group) {
    group = { key, calls: 0, costUsd: 0, unpricedCalls: 0 };
    groups.set(key, group);
  }
  group.calls += 1;
  if (Number.isNaN(cost)) group.unpricedCalls += 1;
  else group.costUsd += cost;
}

function sortGroups(groups: Map<string, CostGroup>): CostGroup[] {
  return [...groups.values()].sort((a, b) => b.costUsd - a.costUsd || a.key.localeCompare(b.key));
}

/** Costs already computed, per trace model: every view asking gets the same object. */
const cache = new WeakMap<TraceModel, TraceCosts>();

/** The trace's costs if they have been computed (by `traceCostsScan`), else undefined. */
export function knownTraceCosts(tree: TraceModel): TraceCosts | undefined {
  return cache.get(tree);
}

/**
 * A scan pricing the trace, whose result is kept for the model (and is the kept one when an
 * earlier scan finished first): every view shows the same figures.
 */
export function traceCostsScan(tree: TraceModel, lookup: ModelLookup): TraceCostsScan {
  const known = cache.get(tree);
  if (known) return { step: () => true, result: () => known };
  const scan = createTraceCostsScan(tree, lookup);
  return {
    step: scan.step,
    result: () => {
      let costs = cache.get(tree);
      if (!costs) {
        costs = scan.result();
        cache.set(tree, costs);
      }
      return costs;
    },
  };
}
