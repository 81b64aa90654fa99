import type { TraceNode } from '../../../api/schemas';
import type { SpanTree } from '../../../domain/trace/buildSpanTree';

/**
 * Spans whose name, id, model, tool name, input or output contain the query, case-insensitive,
 * in tree order. A case-insensitive RegExp avoids lower-casing megabyte-sized strings.
 */
export function searchSpans(tree: SpanTree, query: string): Int32Array {
  const trimmed = query.trim();
  if (!trimmed) return new Int32Array(0);
  const pattern = new RegExp(trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  const found: number[] = [];
  for (let i = 0; i < tree.count; i++) {
    if (spanMatches(tree.nodes[i]!, pattern)) found.push(i);
  }
  return Int32Array.from(found);
}

function spanMatches(node: TraceNode, pattern: RegExp): boolean {
  const metadata = node.metadata;
  return (
    pattern.test(node.name) ||
    pattern.test(node.id) ||
    (typeof metadata?.model === 'string' && pattern.test(metadata.model)) ||
    (typeof metadata?.tool_name === 'string' && pattern.test(metadata.tool_name)) ||
    (node.input != null && pattern.test(node.input)) ||
    (node.output != null && pattern.test(node.output))
  );
}
