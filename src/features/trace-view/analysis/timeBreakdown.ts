import { SpanKind } from '../../../domain/trace/spanKind';
import type { TraceModel } from '../../../domain/trace/traceModel';

/** What "Where the time went" groups spans by. */
export type BreakdownGrouping = 'type' | 'model' | 'tool';

export const BREAKDOWN_GROUPINGS: readonly (readonly [BreakdownGrouping, string])[] = [
  ['type', 'Span type'],
  ['model', 'Model'],
  ['tool', 'Tool'],
];

export interface BreakdownRow {
  /** The span type, the model or the tool's name. */
  key: string;
  count: number;
  /** Sum of the spans' durations: nested spans of one group each count in full. */
  totalUs: number;
  /** Sum of self times: what the group's spans spent outside their children. */
  selfUs: number;
  /** Self time as a share of the trace's duration, 0–1 (0 when the trace has no duration). */
  share: number;
  inputTokens: number;
  outputTokens: number;
}

/** When an LLM span names no model (not even a model class), or a TOOL span no tool. */
export const UNNAMED = '(unnamed)';

/**
 * Count, total, self time, share of the trace and tokens, grouped by span type (every span), by
 * model (LLM spans) or by tool name (TOOL spans); most self time first. One pass, O(n).
 */
export function breakdownBy(
  tree: TraceModel,
  selfTimes: Float64Array,
  grouping: BreakdownGrouping,
): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  // The length of the waterfall's axis, so shares match what the bars show.
  const traceUs = tree.axisEndUs - tree.axisStartUs;
  for (let i = 0; i < tree.count; i++) {
    const key = groupKey(tree, i, grouping);
    if (key === null) continue;
    let row = rows.get(key);
    if (!row) {
      row = { key, count: 0, totalUs: 0, selfUs: 0, share: 0, inputTokens: 0, outputTokens: 0 };
      rows.set(key, row);
    }
    const durationUs = tree.durationUs[i]!;
    row.count += 1;
    if (durationUs > 0) row.totalUs += durationUs; // NaN (unreadable or reversed) counts as zero
    row.selfUs += selfTimes[i] ?? 0;
    // Each span's own counts: the root's trace-wide totals are not among them.
    row.inputTokens += orZero(tree.inputTokens[i]!);
    row.outputTokens += orZero(tree.outputTokens[i]!);
  }
  const result = [...rows.values()];
  for (const row of result) row.share = traceUs > 0 ? row.selfUs / traceUs : 0;
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
  }
}

function nonEmpty(text: string | null | undefined): string {
  return text ? text : UNNAMED;
}

/** A count not recorded (NaN) adds nothing. */
function orZero(n: number): number {
  return Number.isNaN(n) ? 0 : n;
}
