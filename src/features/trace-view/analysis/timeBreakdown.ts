import type { TraceNode } from '../../../api/schemas';
import type { SpanTree } from '../../../domain/trace/buildSpanTree';
import { tokenCount } from '../waterfall/selfTime';

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

/** When an LLM span does not name its model, or a TOOL span its tool. */
export const UNNAMED = '(unnamed)';

/**
 * Count, total, self time, share of the trace and tokens, grouped by span type (every span), by
 * model (LLM spans) or by tool name (TOOL spans); most self time first. One pass, O(n).
 */
export function breakdownBy(
  tree: SpanTree,
  selfTimes: Float64Array,
  grouping: BreakdownGrouping,
): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  const traceUs = tree.endBoundUs - tree.startBoundUs;
  for (let i = 0; i < tree.count; i++) {
    const node = tree.nodes[i]!;
    const key = groupKey(node, grouping);
    if (key === null) continue;
    let row = rows.get(key);
    if (!row) {
      row = { key, count: 0, totalUs: 0, selfUs: 0, share: 0, inputTokens: 0, outputTokens: 0 };
      rows.set(key, row);
    }
    const durationUs = tree.endUs[i]! - tree.startUs[i]!;
    row.count += 1;
    if (durationUs > 0) row.totalUs += durationUs; // NaN and reversed times count as zero
    row.selfUs += selfTimes[i] ?? 0;
    // The root's trace-wide totals are other keys (`total_input_tokens`), so nothing counts twice.
    row.inputTokens += tokenCount(node.metadata?.input_tokens);
    row.outputTokens += tokenCount(node.metadata?.output_tokens);
  }
  const result = [...rows.values()];
  for (const row of result) row.share = traceUs > 0 ? row.selfUs / traceUs : 0;
  return result.sort((a, b) => b.selfUs - a.selfUs || a.key.localeCompare(b.key));
}

function groupKey(node: TraceNode, grouping: BreakdownGrouping): string | null {
  const type = node.type.toUpperCase();
  switch (grouping) {
    case 'type':
      return node.type;
    case 'model':
      return type === 'LLM' ? nonEmpty(node.metadata?.model) : null;
    case 'tool':
      return type === 'TOOL' ? nonEmpty(node.metadata?.tool_name, node.name) : null;
  }
}

/** The first non-empty string among `values`, else UNNAMED. */
function nonEmpty(...values: unknown[]): string {
  for (const value of values) if (typeof value === 'string' && value !== '') return value;
  return UNNAMED;
}
