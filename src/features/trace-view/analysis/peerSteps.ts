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

/** The groups built so far, per trace model. */
const groupsByTree = new WeakMap<PeerSource, Map<string, Int32Array>>();

function groupsOf(tree: PeerSource): Map<string, Int32Array> {
  let groups = groupsByTree.get(tree);
  if (!groups) {
    groups = new Map();
    groupsByTree.set(tree, groups);
  }
  return groups;
}

/**
 * One group, built the first time a span of it is selected: a pass over the spans of its kind
 * and a sort of the group. Grouping the whole trace on the first selection cost 100 ms at
 * 100,000 spans, most of it sorting groups nobody opened.
 */
function peerGroup(tree: PeerSource, kind: number, noun: PeerNoun, label: string): Int32Array {
  const groups = groupsOf(tree);
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

/** Spans looked at between two checks of the clock in `createPeerGroupsScan`. */
const SCAN_CHUNK = 2048;

/**
 * Builds every peer group of a trace ahead of the clicks, in steps: `step(hasTime)` goes on
 * while `hasTime()` says so and returns true once every group is built. Run in idle time after
 * the load, so that a first selection finds its group ready (building one on the click took
 * 13-26 ms at 100,000 spans). Groups are the ones `peersOf` builds: members in tree order, then
 * sorted by time; one already built on a click is kept.
 */
export function createPeerGroupsScan(tree: PeerSource): { step(hasTime: () => boolean): boolean } {
  const members = new Map<string, number[]>();
  let next = 0;
  let pending: [string, number[]][] | null = null;
  return {
    step(hasTime) {
      const groups = groupsOf(tree);
      while (next < tree.count) {
        const end = Math.min(tree.count, next + SCAN_CHUNK);
        for (let i = next; i < end; i++) {
          const kind = tree.kind[i];
          const noun = kind === undefined ? undefined : NOUNS.get(kind);
          if (noun === undefined) continue;
          const label = labelOf(tree, noun, i);
          if (label === null) continue;
          const id = `${noun}:${label}`;
          const group = members.get(id);
          if (group) group.push(i);
          else members.set(id, [i]);
        }
        next = end;
        if (!hasTime()) return false;
      }
      pending ??= [...members];
      while (pending.length > 0) {
        const [id, spans] = pending.pop()!;
        if (!groups.has(id)) groups.set(id, inTimeOrder(tree.startUs, spans));
        if (!hasTime()) return pending.length === 0;
      }
      return true;
    },
  };
}
