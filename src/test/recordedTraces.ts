import { parseTraceDetail } from '../api/parse';
import type { SpanTree } from '../domain/trace/buildSpanTree';
import { buildTraceModel, type TraceModel } from '../domain/trace/traceModel';

/** For tests: the real AgentOS traces recorded in src/mocks/recorded/real-agentos. */
const RECORDED = import.meta.glob<unknown>('../mocks/recorded/real-agentos/trace-*.json', {
  eager: true,
  import: 'default',
});

/** The trace model of a recorded trace file, e.g. `recordedTree('trace-team-delegation.json')`. */
export function recordedTree(file: string): TraceModel {
  const entry = Object.entries(RECORDED).find(([path]) => path.endsWith(`/${file}`));
  if (!entry) throw new Error(`No recorded trace ${file}`);
  return buildTraceModel(parseTraceDetail(entry[1]));
}

/** The index of the span with this id. */
export function indexOf(tree: SpanTree, id: string): number {
  const index = tree.indexById.get(id);
  if (index === undefined) throw new Error(`No span ${id}`);
  return index;
}
