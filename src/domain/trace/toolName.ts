import type { TraceNode } from '../../api/schemas';
import { SpanKind, spanKind } from './spanKind';

/**
 * The tool a TOOL span ran: its `metadata.tool_name`, else its name (agno names TOOL spans after
 * the tool, and the attribute can be dropped by OpenTelemetry's attribute limit). Null for spans
 * of other kinds, which run no tool.
 */
export function toolName(node: Pick<TraceNode, 'name' | 'type' | 'metadata'>): string | null {
  if (spanKind(node.type) !== SpanKind.Tool) return null;
  const name = node.metadata?.tool_name;
  return typeof name === 'string' && name !== '' ? name : node.name;
}
