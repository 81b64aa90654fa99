import type { TraceDetail } from '../../api/schemas';
import { durationBetweenUs, parseTimestampUs } from '../../lib/time';
import { buildSpanTree, type SpanTree } from './buildSpanTree';
import { delegationsOf, type Delegations } from './delegation';
import { modelLabel, type ModelLabel } from './modelLabel';
import { computeSelfTimes } from './selfTimes';
import { spanKind } from './spanKind';
import { toolName } from './toolName';

interface TokenTotals {
  input: number;
  output: number;
  /** Where the numbers came from: the roots' trace-wide totals, or a sum over the spans. */
  source: 'root' | 'sum' | 'none';
}

export interface SpanTypeCount {
  /** The span type as the server sent it (`LLM`, `TOOL`, …). */
  type: string;
  count: number;
}

/**
 * A trace as every view reads it, built once per trace by `buildTraceModel`: the span tree's
 * arrays plus each fact derived from the spans, each by one rule, here. The waterfall, the span
 * panel, the header, the charts, the analyses, the Markdown export and the comparison all read
 * these rather than the raw nodes, so they cannot disagree.
 *
 * Per-span facts are typed arrays indexed like the tree (pre-order), because traces reach
 * 100,000 spans; the facts few views need (delegations, self times, type counts) are computed on
 * first use and kept.
 */
export interface TraceModel extends SpanTree {
  /**
   * The time axis, epoch µs: the earliest span start and the latest span end (as
   * `startBoundUs`/`endBoundUs`, which in a model hold the same values). When no span time parses
   * it is the trace's own start and end, and 0 when those do not parse either. The waterfall's
   * bars and ticks, every offset ("+1.2s", the panel's "Offset", the error landing) and the
   * charts' shares all measure from it, so a bar and the panel never place a span differently.
   */
  axisStartUs: number;
  axisEndUs: number;
  /** Span `index`'s start on the axis, µs after `axisStartUs`; NaN when its start does not parse. */
  offsetUs(index: number): number;
  /**
   * The trace's own `start_time`/`end_time`, epoch µs (NaN when unparsable): what the header, the
   * Markdown export and the comparison give as the trace's start and duration. Not the axis: the
   * server's times can differ from the spans' (a span exported late, a clock apart).
   */
  reportedStartUs: number;
  reportedEndUs: number;
  /** Per span, end − start in µs; NaN when a time does not parse or the end is before the start. */
  durationUs: Float64Array;
  /** Per span, its `SpanKind`, from `type` (see `spanKind`). */
  kind: Uint8Array;
  /**
   * Per span, the tokens its own `metadata.input_tokens`/`output_tokens` record (see
   * `tokenCount`), NaN when not recorded. agno puts them on LLM spans; the root's trace-wide
   * `total_input_tokens` are other keys, so summing spans never counts anything twice.
   */
  inputTokens: Float64Array;
  outputTokens: Float64Array;
  /** Per span, input + output tokens (a side not recorded counts 0); NaN when neither is. */
  totalTokens: Float64Array;
  /**
   * The trace's tokens: the roots' `total_input_tokens`/`total_output_tokens` when any root
   * records them (agno's run totals), else the sum of the spans' own counts.
   */
  tokenTotals: TokenTotals;
  /** The model of span `index` (see `modelLabel`); null when it names none. */
  modelLabelOf(index: number): ModelLabel | null;
  /** The tool span `index` ran (see `toolName`); null when it is not a TOOL span. */
  toolNameOf(index: number): string | null;
  /** Team delegation links (see `findDelegations`); computed on first use. */
  readonly delegations: Delegations;
  /** Per span, self time in µs (see `computeSelfTimes`); computed on first use. */
  readonly selfTimeUs: Float64Array;
  /** The span types present, as sent, most frequent first (ties in order met); on first use. */
  readonly spanTypeCounts: readonly SpanTypeCount[];
}

/** Plain decimal digits: what a proxy makes of an integer when it sends it as a string. */
const DECIMAL = /^\s*\d+(?:\.\d+)?\s*$/;

/**
 * A token count as recorded: a finite, non-negative number, or the same written as a decimal
 * string ("912", as some proxies and exporters send them). Null for anything else (absent, null,
 * "", "n/a", negative): not recorded. The one rule for reading tokens, so the header, the charts,
 * the export and the comparison count the same.
 */
export function tokenCount(value: unknown): number | null {
  const n = typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * Builds the model of a trace: its span tree (built here unless given: a big trace's page builds
 * the tree and the rest in separate tasks), then each derived fact in one pass or on demand.
 */
export function buildTraceModel(
  trace: TraceDetail,
  tree: SpanTree = buildSpanTree(trace.tree),
): TraceModel {
  const { count, nodes, startUs, endUs } = tree;
  const reportedStartUs = parseTimestampUs(trace.start_time);
  const reportedEndUs = parseTimestampUs(trace.end_time);
  const [axisStartUs, axisEndUs] = timeAxis(tree, reportedStartUs, reportedEndUs);

  const durationUs = new Float64Array(count);
  const kind = new Uint8Array(count);
  const inputTokens = new Float64Array(count);
  const outputTokens = new Float64Array(count);
  const totalTokens = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const node = nodes[i]!;
    durationUs[i] = durationBetweenUs(startUs[i]!, endUs[i]!);
    kind[i] = spanKind(node.type);
    const input = tokenCount(node.metadata?.input_tokens);
    const output = tokenCount(node.metadata?.output_tokens);
    inputTokens[i] = input ?? Number.NaN;
    outputTokens[i] = output ?? Number.NaN;
    totalTokens[i] = input === null && output === null ? Number.NaN : (input ?? 0) + (output ?? 0);
  }

  let delegations: Delegations | undefined;
  let selfTimeUs: Float64Array | undefined;
  let spanTypeCounts: SpanTypeCount[] | undefined;
  const model: TraceModel = {
    ...tree,
    startBoundUs: axisStartUs,
    endBoundUs: axisEndUs,
    axisStartUs,
    axisEndUs,
    offsetUs: (index) => (startUs[index] ?? Number.NaN) - axisStartUs,
    reportedStartUs,
    reportedEndUs,
    durationUs,
    kind,
    inputTokens,
    outputTokens,
    totalTokens,
    tokenTotals: sumTokens(tree, inputTokens, outputTokens),
    modelLabelOf: (index) => {
      const node = nodes[index];
      return node ? modelLabel(node) : null;
    },
    toolNameOf: (index) => {
      const node = nodes[index];
      return node ? toolName(node) : null;
    },
    // Through `delegationsOf`'s cache, so callers not yet reading the model share this result.
    get delegations() {
      return (delegations ??= delegationsOf(model));
    },
    get selfTimeUs() {
      return (selfTimeUs ??= computeSelfTimes(model, model.delegations));
    },
    get spanTypeCounts() {
      return (spanTypeCounts ??= countSpanTypes(nodes));
    },
  };
  return model;
}

/**
 * The axis from the spans' times (`buildSpanTree`'s bounds) when any parses; else from the
 * trace's own times, so a trace whose spans all have broken times still gets a sensible axis.
 */
function timeAxis(
  tree: SpanTree,
  reportedStartUs: number,
  reportedEndUs: number,
): [number, number] {
  for (let i = 0; i < tree.count; i++) {
    if (Number.isFinite(tree.startUs[i]!) || Number.isFinite(tree.endUs[i]!)) {
      return [tree.startBoundUs, tree.endBoundUs];
    }
  }
  const times = [reportedStartUs, reportedEndUs].filter(Number.isFinite);
  if (times.length === 0) return [0, 0];
  return [Math.min(...times), Math.max(...times)];
}

function sumTokens(
  tree: SpanTree,
  inputTokens: Float64Array,
  outputTokens: Float64Array,
): TokenTotals {
  let rootInput = 0;
  let rootOutput = 0;
  let hasRootTotals = false;
  for (let i = 0; i < tree.count; i += tree.subtreeSize[i]!) {
    const metadata = tree.nodes[i]!.metadata;
    const input = tokenCount(metadata?.total_input_tokens);
    const output = tokenCount(metadata?.total_output_tokens);
    if (input !== null || output !== null) hasRootTotals = true;
    rootInput += input ?? 0;
    rootOutput += output ?? 0;
  }
  if (hasRootTotals) return { input: rootInput, output: rootOutput, source: 'root' };

  let input = 0;
  let output = 0;
  let found = false;
  for (let i = 0; i < tree.count; i++) {
    const spanInput = inputTokens[i]!;
    const spanOutput = outputTokens[i]!;
    if (!Number.isNaN(spanInput)) input += spanInput;
    if (!Number.isNaN(spanOutput)) output += spanOutput;
    if (!Number.isNaN(spanInput) || !Number.isNaN(spanOutput)) found = true;
  }
  return found ? { input, output, source: 'sum' } : { input: 0, output: 0, source: 'none' };
}

/**
 * The span types present, counted on the type text as sent (the waterfall's type filter keeps
 * spans by that text), most frequent first. Also what the type filter offers until it reads the
 * model.
 */
export function countSpanTypes(nodes: SpanTree['nodes']): SpanTypeCount[] {
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node.type, (counts.get(node.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count);
}
