import { memberName } from '../../../domain/trace/delegation';
import type { TraceModel } from '../../../domain/trace/traceModel';

export interface DelegationMarkProps {
  tree: TraceModel;
  index: number;
}

/**
 * On a `delegate_task_to_member` row, whom it delegated to; on a member run's row, that it was
 * delegated. The server makes the two siblings, so nothing else on screen ties them together.
 */
export function DelegationMark({ tree, index }: DelegationMarkProps) {
  const delegations = tree.delegations;
  const tool = delegations.toolOf[index]!;
  if (tool >= 0) {
    const by = tree.nodes[tool]!.name;
    return (
      <span
        className="delegation-mark"
        role="img"
        aria-label={`Delegated by ${by}`}
        title={`Run for the team's ${by} call (D jumps to it)`}
      >
        ⇠ delegated
      </span>
    );
  }
  const members = delegations.membersOf.get(index);
  if (!members) return null;
  const names = members.map((member) => memberName(tree.nodes[member]!)).join(', ');
  return (
    <span
      className="delegation-mark"
      role="img"
      aria-label={`Delegated to ${names}`}
      title={`Delegated to ${names}: the member's run is the row below, and this call's self time excludes it (D jumps to it)`}
    >
      ⇢ {names}
    </span>
  );
}
