import type { TraceCosts } from '../../../domain/trace/pricing/traceCosts';
import { SpanKind } from '../../../domain/trace/spanKind';
import type { TraceModel } from '../../../domain/trace/traceModel';

/** What "Where the time went" groups spans by. */
export type BreakdownGrouping = 'type' | 'model' | 'tool' | 'agent';

export const BREAKDOWN_GROUPINGS: readonly (readonly [BreakdownGrouping, string])[] = [
  ['type', 'Span type'],
  ['model', 'Model'],
  ['tool', 'Tool'],
  ['agent', 'Agent'],
];

export interface BreakdownRow {
  /** The span type, the model or the tool's name. */
  key: string;
  count: number;
  /** Sum of the spans' durations: nested spans of one group each count in full. */
  totalUs: number;
  /** Sum of self times: what the group's spans spent outside their children. */
  selfUs: number;
  /**
   * The group's self time as a share of all spans' self time, 0–1 (0 when no span has any).
   * Not of the trace's duration: spans running in parallel each have their own self time, so
   * shares of the duration could add up to several times 100%. Span types add up to 1.
   */
  share: number;
  inputTokens: number;
  outputTokens: number;
  /** Estimated cost of the group's priced model calls, USD (0 without costs). */
  costUsd: number;
  /** The group's model calls, and those of them without a price. */
  modelCalls: number;
  unpricedCalls: number;
}

/** When an LLM span names no model (not even a model class), or a TOOL span no tool. */
export const UNNAMED = '(unnamed)';

/**
 * Count, total, self time, share of all self time, tokens and estimated cost, grouped by span
 * type (every span), by model (LLM spans), by tool name (TOOL spans) or by agent (every span, by
 * the nearest AGENT or TEAM span at or above it); most self time first. One pass, O(n).
 */
export function breakdownBy(
  tree: TraceModel,
  selfTimes: Float64Array,
  grouping: BreakdownGrouping,
  costs: Pick<TraceCosts, 'isCall' | 'costUsd' | 'agentOf'> | null = null,
): BreakdownRow[] {
  // Spans' agents come with the costs (the code is loaded after first paint): no agent rows
  // until then.
  if (grouping === 'agent' && costs === null) return [];
  const agents = grouping === 'agent' ? costs!.agentOf : null;
  const rows = new Map<string, BreakdownRow>();
  // Every span's, whatever the grouping, so a model's share is of the whole trace's work too.
  let allSelfUs = 0;
  for (let i = 0; i < tree.count; i++) {
    const selfUs = positiveOrZero(selfTimes[i]);
    allSelfUs += selfUs;
    const key = agents ? agents[i]! : groupKey(tree, i, grouping);
    if (key === null) continue;
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        count: 0,
        totalUs: 0,
        selfUs: 0,
        share: 0,
        inputTokens: 0,
        outputTokens: 0,
        costUsd: 0,
        modelCalls: 0,
        unpricedCalls: 0,
      };
      rows.set(key, row);
    }
    const durationUs = tree.durationUs[i]!;
    row.count += 1;
    if (durationUs > 0) row.totalUs += durationUs; // NaN (unreadable or reversed) counts as zero
    row.selfUs += selfUs;
    // Each span's own counts: the root's trace-wide totals are not among them.
    row.inputTokens += orZero(tree.inputTokens[i]!);
    row.outputTokens += orZero(tree.outputTokens[i]!);
    if (costs?.isCall[i] === 1) {
      const cost = costs.costUsd[i]!;
      row.modelCalls += 1;
      if (Number.isNaN(cost)) row.unpricedCalls += 1;
      else row.costUsd += cost;
    }
  }
  const result = [...rows.values()];
  for (const row of result) row.share = allSelfUs > 0 ? row.selfUs / allSelfUs : 0;
  return result.sort((a, b) => b.selfUs - a.selfUs || a.key.localeCompare(b.key));
}

function groupKey(tree: TraceModel, index: number, grouping: BreakdownGrouping): string | null {
  switch (grouping) {
    case 'type':
      return tree.nodes[index]!.type;
    case 'model':
      return tree.kind[index] === SpanKind.Llm ? nonEmpty(tree.modelLabelOf(index)?.text) : null;
    case 'tool':
      return tree.kind[index] === SpanKind.Tool ? nonEmpty(tree.toolNameOf(index)) : null;
    case 'agent':
      return null; // read from the costs' `agentOf` by the caller
  }
}

function nonEmpty(text: string | null | undefined): string {
  return text ? text : UNNAMED;
}

/** A time that could not be read (NaN, or missing) adds nothing. */
function positiveOrZero(us: number | undefined): number {
  return us !== undefined && us > 0 ? us : 0;
}

/** A count not recorded (NaN) adds nothing. */
function orZero(n: number): number {
  return Number.isNaN(n) ? 0 : n;
}
