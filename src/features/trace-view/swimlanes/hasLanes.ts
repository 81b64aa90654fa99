import { SpanKind, spanKind } from '../../../domain/trace/spanKind';

/**
 * Whether a trace whose spans have these types has lanes to show: it holds a team or a
 * workflow. Apart from the layout, so the toolbar and the link's check can ask before the
 * swimlanes' code is loaded.
 */
export function hasLanes(types: Iterable<string>): boolean {
  for (const type of types) {
    const kind = spanKind(type);
    if (kind === SpanKind.Team || kind === SpanKind.Workflow) return true;
  }
  return false;
}
