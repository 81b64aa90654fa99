import type { TraceModel } from '../../../domain/trace/traceModel';
import { formatDuration } from '../../../lib/time';

type FactsTree = Pick<
  TraceModel,
  | 'nodes'
  | 'durationUs'
  | 'selfTimeUs'
  | 'isError'
  | 'depth'
  | 'childCount'
  | 'offsetUs'
  | 'inputTokens'
  | 'outputTokens'
>;

/** What a span's tooltip shows (the flame graph's and the waterfall's), as text. */
export function spanFacts(tree: FactsTree, index: number) {
  const node = tree.nodes[index]!;
  const offset = tree.offsetUs(index);
  const input = tree.inputTokens[index]!;
  const output = tree.outputTokens[index]!;
  const isError = tree.isError[index] === 1;
  return {
    name: node.name,
    type: node.type,
    start: offset === 0 ? '0' : `+${formatDuration(offset)}`,
    duration: formatDuration(tree.durationUs[index]!),
    selfTime: formatDuration(tree.selfTimeUs[index]!),
    /** "1,204 → 88", or null when the span records no tokens. */
    tokens:
      Number.isNaN(input) && Number.isNaN(output)
        ? null
        : `${tokenText(input)} → ${tokenText(output)}`,
    status: isError ? 'Error' : node.status === 'OK' ? 'OK' : node.status || 'Unset',
    isError,
  };
}

function tokenText(count: number): string {
  return Number.isNaN(count) ? '?' : count.toLocaleString('en');
}

/** The selected span for a screen reader: "LLM gpt-4o, 1.20s, self time 1.10s, level 3, failed". */
export function spanDescription(tree: FactsTree, index: number): string {
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
