import { delegationsOf } from '../../../domain/trace/delegation';
import { computeSelfTimes as computeSelfTimesOf } from '../../../domain/trace/selfTimes';
import type { SpanTree } from '../../../domain/trace/buildSpanTree';
import { SpanKind } from '../../../domain/trace/spanKind';
import type { TraceModel } from '../../../domain/trace/traceModel';

/**
 * Self time per span (see the domain's `computeSelfTimes`). TODO(#11): TraceView reads
 * `model.selfTimeUs` once it takes a TraceModel; then this goes.
 */
export function computeSelfTimes(tree: SpanTree): Float64Array {
  return computeSelfTimesOf(tree, delegationsOf(tree));
}

export interface TypeTimeSummary {
  /** The span type as the server sent it (`LLM`, `TOOL`, …). */
  type: string;
  count: number;
  /** Sum of self times: nested spans of one type are not counted twice. */
  selfTimeUs: number;
}

/** Count and self time per span type, most time first. */
export function summarizeTimeByType(tree: SpanTree, selfTimes: Float64Array): TypeTimeSummary[] {
  const byType = new Map<string, TypeTimeSummary>();
  for (let i = 0; i < tree.count; i++) {
    const type = tree.nodes[i]!.type;
    let summary = byType.get(type);
    if (!summary) {
      summary = { type, count: 0, selfTimeUs: 0 };
      byType.set(type, summary);
    }
    summary.count += 1;
    summary.selfTimeUs += selfTimes[i] ?? 0;
  }
  return [...byType.values()].sort(
    (a, b) => b.selfTimeUs - a.selfTimeUs || a.type.localeCompare(b.type),
  );
}

export interface ModelTokenSummary {
  /** The model's label (see `modelLabel`), or "unknown" when an LLM span names none. */
  model: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
}

const UNKNOWN_MODEL = 'unknown';

/** Input and output tokens per model, summed over the LLM spans (the model's per-span counts). */
export function summarizeTokensByModel(tree: TraceModel): ModelTokenSummary[] {
  const byModel = new Map<string, ModelTokenSummary>();
  for (let i = 0; i < tree.count; i++) {
    if (tree.kind[i] !== SpanKind.Llm) continue;
    const model = tree.modelLabelOf(i)?.text ?? UNKNOWN_MODEL;
    let summary = byModel.get(model);
    if (!summary) {
      summary = { model, calls: 0, inputTokens: 0, outputTokens: 0 };
      byModel.set(model, summary);
    }
    summary.calls += 1;
    summary.inputTokens += orZero(tree.inputTokens[i]!);
    summary.outputTokens += orZero(tree.outputTokens[i]!);
  }
  return [...byModel.values()].sort(
    (a, b) =>
      b.inputTokens + b.outputTokens - (a.inputTokens + a.outputTokens) ||
      a.model.localeCompare(b.model),
  );
}

/** A count not recorded (NaN) adds nothing. */
function orZero(n: number): number {
  return Number.isNaN(n) ? 0 : n;
}
