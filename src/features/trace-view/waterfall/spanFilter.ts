import type { SpanTree } from '../../../domain/trace/buildSpanTree';
import { countSpanTypes, type SpanTypeCount } from '../../../domain/trace/traceModel';

export interface SpanFilter {
  /** Span types to keep; empty means every type. */
  types: ReadonlySet<string>;
  errorsOnly: boolean;
  /** Only the calls flagged as repeated (see analysis/repeatedCalls). */
  repeatedOnly: boolean;
}

export function isFilterActive(filter: SpanFilter): boolean {
  return filter.types.size > 0 || filter.errorsOnly || filter.repeatedOnly;
}

export interface FilterResult {
  /** 1 where the span itself passes the filter. */
  matches: Uint8Array;
  /** 1 where the span passes or has a descendant that does: ancestors are kept for context. */
  keep: Uint8Array;
  matchCount: number;
}

/**
 * One pass down for matches, one reverse pass to keep their ancestors. `repeated` marks the
 * repeated calls (1 per span); while it is not known yet, "repeated only" matches nothing.
 */
export function applySpanFilter(
  tree: SpanTree,
  filter: SpanFilter,
  repeated?: Uint8Array | null,
): FilterResult {
  const matches = new Uint8Array(tree.count);
  const keep = new Uint8Array(tree.count);
  let matchCount = 0;
  for (let i = 0; i < tree.count; i++) {
    const typeOk = filter.types.size === 0 || filter.types.has(tree.nodes[i]!.type);
    const errorOk = !filter.errorsOnly || tree.isError[i] === 1;
    const repeatOk = !filter.repeatedOnly || repeated?.[i] === 1;
    if (typeOk && errorOk && repeatOk) {
      matches[i] = 1;
      keep[i] = 1;
      matchCount++;
    }
  }
  for (let i = tree.count - 1; i >= 0; i--) {
    const parent = tree.parentIndex[i]!;
    if (keep[i] === 1 && parent >= 0) keep[parent] = 1;
  }
  return { matches, keep, matchCount };
}

/**
 * The span types present in a trace, most frequent first, for the filter's choices. TODO(#11):
 * TraceView reads `model.spanTypeCounts` once it takes a TraceModel; then this goes.
 */
export function spanTypesIn(tree: SpanTree): SpanTypeCount[] {
  return countSpanTypes(tree.nodes);
}
