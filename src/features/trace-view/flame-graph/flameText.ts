import type { TraceModel } from '../../../domain/trace/traceModel';
import { formatDuration } from '../../../lib/time';

type TextTree = Pick<
  TraceModel,
  'nodes' | 'durationUs' | 'selfTimeUs' | 'isError' | 'depth' | 'childCount'
>;

/** What the tooltip shows of a span, as text. */
export function spanFacts(tree: TextTree, index: number) {
  const node = tree.nodes[index]!;
  return {
    name: node.name,
    type: node.type,
    duration: formatDuration(tree.durationUs[index]!),
    selfTime: formatDuration(tree.selfTimeUs[index]!),
    isError: tree.isError[index] === 1,
  };
}

/** The selected span for a screen reader: "LLM gpt-4o, 1.20s, self time 1.10s, level 3, failed". */
export function spanDescription(tree: TextTree, index: number): string {
  const facts = spanFacts(tree, index);
  const children = tree.childCount[index]!;
  return [
    `${facts.type} ${facts.name}`,
    facts.duration,
    `self time ${facts.selfTime}`,
    `level ${tree.depth[index]! + 1}`,
    children > 0
      ? `${children.toLocaleString('en')} ${children === 1 ? 'child' : 'children'}`
      : 'no children',
    ...(facts.isError ? ['failed'] : []),
  ].join(', ');
}
