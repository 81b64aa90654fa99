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
  const key = peerKey(tree, index);
  if (key === null) return null;
  const order = peerGroups(tree).get(key.id);
  return order && order.length > 1 ? { noun: key.noun, label: key.label, order } : null;
}

function peerKey(tree: PeerSource, index: number) {
  const kind = tree.kind[index];
  let noun: PeerNoun;
  let label: string | null;
  if (kind === SpanKind.Tool) {
    noun = 'tool';
    label = tree.toolNameOf(index);
  } else if (kind === SpanKind.Llm) {
    noun = 'model';
    label = tree.modelLabelOf(index)?.text ?? null;
  } else if (kind === SpanKind.Agent) {
    noun = 'agent';
    label = tree.nodes[index]?.name ?? null;
  } else {
    return null;
  }
  return label === null ? null : { noun, label, id: `${noun}:${label}` };
}

/** Every peer group of a trace, built once per trace model (one pass, then a sort per group). */
const groupsByTree = new WeakMap<PeerSource, Map<string, Int32Array>>();

function peerGroups(tree: PeerSource): Map<string, Int32Array> {
  let groups = groupsByTree.get(tree);
  if (groups) return groups;
  const lists = new Map<string, number[]>();
  for (let i = 0; i < tree.count; i++) {
    const key = peerKey(tree, i);
    if (key === null) continue;
    const list = lists.get(key.id);
    if (list) list.push(i);
    else lists.set(key.id, [i]);
  }
  groups = new Map();
  for (const [id, list] of lists) groups.set(id, inTimeOrder(tree.startUs, list));
  groupsByTree.set(tree, groups);
  return groups;
}
