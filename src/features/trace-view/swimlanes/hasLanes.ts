import { SpanKind, spanKind } from '../../../domain/trace/spanKind';
import type { TraceModel } from '../../../domain/trace/traceModel';

/**
 * Whether a trace has lanes to show: it holds a team or a workflow. Apart from the layout, so
 * the toolbar can ask before the swimlanes' code is loaded.
 */
export function hasLanes(model: Pick<TraceModel, 'spanTypeCounts'>): boolean {
  return model.spanTypeCounts.some(({ type }) => {
    const kind = spanKind(type);
    return kind === SpanKind.Team || kind === SpanKind.Workflow;
  });
}
