import { SpanKind } from '../../../domain/trace/spanKind';
import type { TraceModel } from '../../../domain/trace/traceModel';
import { inTimeOrder } from './timeSteps';

type PeerSource = Pick<
  TraceModel,
  'count' | 'kind' | 'nodes' | 'startUs' | 'modelLabelOf' | 'toolNameOf'
>;

/** What a span's peers have in common. */
type PeerNoun = 'tool' | 'model' | 'agent';

export interface Peers {
  noun: PeerNoun;
  /** The tool's, model's or agent's name. */
  label: string;
  /** Every call of it in the trace, in time order (ties in tree order); two or more. */
  order: Int32Array;
}

/**
 * A span's peers (Weave's word): the other calls of the same tool, of the same model, or runs of
 * the same agent. Null for other spans, and for a call that is the only one of its kind.
 */
export function peersOf(tree: PeerSource, index: number): Peers | null {
  const kind = tree.kind[index];
  const noun = kind === undefined ? undefined : NOUNS.get(kind);
  if (kind === undefined || noun === undefined) return null;
  const label = labelOf(tree, noun, index);
  if (label === null) return null;
  const order = peerGroup(tree, kind, noun, label);
  return order.length > 1 ? { noun, label, order } : null;
}

const NOUNS = new Map<number, PeerNoun>([
  [SpanKind.Tool, 'tool'],
  [SpanKind.Llm, 'model'],
  [SpanKind.Agent, 'agent'],
]);

function labelOf(tree: PeerSource, noun: PeerNoun, index: number): string | null {
  if (noun === 'tool') return tree.toolNameOf(index);
  if (noun === 'model') return tree.modelLabelOf(index)?.text ?? null;
  return tree.nodes[index]?.name ?? null;
}

/** The groups asked for so far, per trace model. */
const groupsByTree = new WeakMap<PeerSource, Map<string, Int32Array>>();

/**
 * One group, built the first time a span of it is selected: a pass over the spans of its kind
 * and a sort of the group. Grouping the whole trace on the first selection cost 100 ms at
 * 100,000 spans, most of it sorting groups nobody opened.
 */
function peerGroup(tree: PeerSource, kind: number, noun: PeerNoun, label: string): Int32Array {
  let groups = groupsByTree.get(tree);
  if (!groups) {
    groups = new Map();
    groupsByTree.set(tree, groups);
  }
  const id = `${noun}:${label}`;
  let order = groups.get(id);
  if (!order) {
    const members: number[] = [];
    for (let i = 0; i < tree.count; i++) {
      if (tree.kind[i] === kind && labelOf(tree, noun, i) === label) members.push(i);
    }
    order = inTimeOrder(tree.startUs, members);
    groups.set(id, order);
  }
  return order;
}
