import type { TraceNode } from '../../api/schemas';
import { SpanKind, spanKind } from './spanKind';
import { toolName } from './toolName';

/**
 * The part of the span tree (`buildSpanTree`'s arrays) that delegation needs. Written out here
 * because the domain does not import features; the tree satisfies it as it is.
 */
export interface DelegationTreeInput {
  count: number;
  nodes: readonly TraceNode[];
  parentIndex: Int32Array;
  subtreeSize: Int32Array;
  startUs: Float64Array;
  endUs: Float64Array;
}

/**
 * Team delegation, as the real server records it: a member's run (`Researcher.run`, AGENT or
 * TEAM) is a *sibling* of the `delegate_task_to_member` TOOL span that started it, not its child,
 * and that TOOL span covers the member's run in time.
 */
export interface Delegations {
  /** For a member run: the index of the TOOL span that delegated to it; -1 otherwise. */
  toolOf: Int32Array;
  /** For a delegating TOOL span: its member runs' indices, in start order. */
  membersOf: ReadonlyMap<number, readonly number[]>;
  /** Number of member runs linked to a TOOL span. */
  linkCount: number;
}

/** `delegate_task_to_member`, and `delegate_task_to_members` (a team that delegates to all). */
const DELEGATE_TOOL = /^delegate_task_to_members?$/;

function isDelegateTool(node: TraceNode): boolean {
  const tool = toolName(node);
  return tool !== null && DELEGATE_TOOL.test(tool);
}

function isMemberRun(node: TraceNode): boolean {
  const kind = spanKind(node.type);
  return kind === SpanKind.Agent || kind === SpanKind.Team;
}

/** "Researcher.arun" → "Researcher": the run's name without its entry point. */
export function memberName(node: TraceNode): string {
  const dot = node.name.lastIndexOf('.');
  return dot > 0 ? node.name.slice(0, dot) : node.name;
}

/**
 * agno's member id is the member's name made URL-safe ("Research Agent" → "research-agent"),
 * while the span is named after the name with spaces as underscores ("Research_Agent.run"):
 * both compare equal once reduced to lower-case letters and digits.
 */
function nameKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The `member_id` the TOOL span was called with, reduced by `nameKey`; null when absent. */
function requestedMember(node: TraceNode): string | null {
  let parameters = node.metadata?.parameters;
  if (typeof parameters === 'string') {
    try {
      parameters = JSON.parse(parameters) as unknown;
    } catch {
      return null;
    }
  }
  if (parameters === null || typeof parameters !== 'object') return null;
  const memberId = (parameters as Record<string, unknown>).member_id;
  return typeof memberId === 'string' && memberId !== '' ? nameKey(memberId) : null;
}

/**
 * Links each member run to the delegating TOOL span among its siblings whose time contains the
 * run's start: the one called with the member's id when there is one, else the latest-started
 * one (the nearest in time). One pass over each span's children, in start order; a stack per
 * candidate set drops the TOOL spans that ended before the current start, so the pass stays
 * O(n) when children come sorted (the server sorts them), O(n log n) otherwise.
 */
export function findDelegations(tree: DelegationTreeInput): Delegations {
  const { count, nodes, subtreeSize, startUs, endUs } = tree;
  const toolOf = new Int32Array(count).fill(-1);
  const membersOf = new Map<number, number[]>();
  let linkCount = 0;
  // Spans with a delegating TOOL child: found in one pass, so other parents cost nothing more.
  const parents = new Set<number>();
  for (let i = 0; i < count; i++) {
    const parent = tree.parentIndex[i]!;
    if (parent >= 0 && isDelegateTool(nodes[i]!)) parents.add(parent);
  }

  // By start; on equal starts the TOOL span first, as it is the one that starts the member.
  const startOrder = (a: number, b: number) =>
    startUs[a]! - startUs[b]! ||
    Number(isDelegateTool(nodes[b]!)) - Number(isDelegateTool(nodes[a]!)) ||
    a - b;

  for (const parent of parents) {
    const children: number[] = [];
    let isSorted = true;
    const stop = parent + subtreeSize[parent]!;
    for (let c = parent + 1; c < stop; c += subtreeSize[c]!) {
      const node = nodes[c]!;
      if (!(endUs[c]! >= startUs[c]!)) continue; // unparsable or reversed times: no link
      if (!isDelegateTool(node) && !isMemberRun(node)) continue;
      const previous = children.at(-1);
      if (previous !== undefined && startOrder(previous, c) > 0) isSorted = false;
      children.push(c);
    }
    if (!isSorted) children.sort(startOrder);

    const anyTool: number[] = [];
    /**
     * With no member_id naming the run (agno may send an agent's id, not its name), the open
     * call that covers the whole run and has no run yet, latest first: parallel delegations
     * then pair one to one. Else one that covers it, else the latest open one.
     */
    const fallbackTool = (stack: number[], run: number): number => {
      let covering = -1;
      for (let k = stack.length - 1; k >= 0; k--) {
        const tool = stack[k]!;
        if (endUs[tool]! < endUs[run]!) continue;
        const isFree = !membersOf.has(tool) || toolName(nodes[tool]!) !== 'delegate_task_to_member';
        if (isFree) return tool;
        if (covering < 0) covering = tool;
      }
      return covering >= 0 ? covering : (stack.at(-1) ?? -1);
    };
    const toolsByMember = new Map<string, number[]>();
    const open = (stack: number[] | undefined, at: number): number => {
      if (!stack) return -1;
      while (stack.length > 0 && endUs[stack.at(-1)!]! < at) stack.pop();
      return stack.at(-1) ?? -1;
    };
    for (const c of children) {
      const node = nodes[c]!;
      if (isDelegateTool(node)) {
        anyTool.push(c);
        const member = requestedMember(node);
        if (member !== null) {
          const stack = toolsByMember.get(member);
          if (stack) stack.push(c);
          else toolsByMember.set(member, [c]);
        }
        continue;
      }
      const start = startUs[c]!;
      let tool = open(toolsByMember.get(nameKey(memberName(node))), start);
      if (tool < 0) tool = fallbackTool(open(anyTool, start) >= 0 ? anyTool : [], c);
      if (tool < 0) continue;
      toolOf[c] = tool;
      const members = membersOf.get(tool);
      if (members) members.push(c);
      else membersOf.set(tool, [c]);
      linkCount += 1;
    }
  }
  return { toolOf, membersOf, linkCount };
}

const cache = new WeakMap<DelegationTreeInput, Delegations>();

/**
 * `findDelegations`, once per tree. The trace model's `delegations` reads it through here, so
 * callers still on a plain `SpanTree` share the one result. TODO(#11): once every caller reads
 * `model.delegations`, the model keeps it itself and this cache goes.
 */
export function delegationsOf(tree: DelegationTreeInput): Delegations {
  let delegations = cache.get(tree);
  if (!delegations) {
    delegations = findDelegations(tree);
    cache.set(tree, delegations);
  }
  return delegations;
}

/** The other end of span `index`'s delegation (its first member, or its TOOL span), or -1. */
export function delegationPartner(delegations: Delegations, index: number): number {
  const tool = delegations.toolOf[index] ?? -1;
  if (tool >= 0) return tool;
  return delegations.membersOf.get(index)?.[0] ?? -1;
}
