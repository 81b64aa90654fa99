import { SpanKind } from './spanKind';
import type { SpanTree } from './buildSpanTree';

/** When a span has no AGENT or TEAM span above it (nor is one). */
export const NO_AGENT = '(no agent)';

const cache = new WeakMap<SpanTree, readonly string[]>();

/**
 * Per span, the agent whose run it belongs to: the name of the nearest AGENT or TEAM span at or
 * above it (a team leader's model calls are the team's). One pre-order pass, kept per tree.
 */
export function agentsOf(tree: SpanTree & { kind: Uint8Array }): readonly string[] {
  const known = cache.get(tree);
  if (known) return known;
  const agents = new Array<string>(tree.count);
  for (let i = 0; i < tree.count; i++) {
    const kind = tree.kind[i];
    const parent = tree.parentIndex[i]!;
    agents[i] =
      kind === SpanKind.Agent || kind === SpanKind.Team
        ? tree.nodes[i]!.name
        : parent >= 0
          ? agents[parent]!
          : NO_AGENT;
  }
  cache.set(tree, agents);
  return agents;
}
