import type { TraceNode } from '../../api/schemas';

/** What matching a span to its workflow step needs of the span tree. */
export interface WorkflowTreeInput {
  nodes: readonly TraceNode[];
  parentIndex: Int32Array;
}

/** "research.execute" → "research": the step's name without the entry point. */
export function stepNameOf(spanName: string): string {
  const dot = spanName.lastIndexOf('.');
  return dot > 0 ? spanName.slice(0, dot) : spanName;
}

/**
 * The type of the workflow step that span `index` ran, from the workflow's declared `steps` and
 * `step_types` (its parent's metadata) matched by the step's name. The server's own `step_type`
 * is assigned by position among the workflow's children, so it names the wrong step once a
 * Condition was skipped or a Loop repeated; it is not used. Null when the parent declares no
 * steps, when the name is not among them (a Loop's inner steps) or appears more than once, or
 * when `steps` and `step_types` do not pair up one to one.
 */
export function workflowStepType(tree: WorkflowTreeInput, index: number): string | null {
  const parent = tree.parentIndex[index] ?? -1;
  if (parent < 0) return null;
  const metadata = tree.nodes[parent]!.metadata;
  const steps = metadata?.steps;
  const types = metadata?.step_types;
  if (!Array.isArray(steps) || !Array.isArray(types) || steps.length !== types.length) return null;
  const name = stepNameOf(tree.nodes[index]!.name);
  let found: string | null = null;
  for (let k = 0; k < steps.length; k++) {
    if (declaredName(steps[k]) !== name) continue;
    if (found !== null) return null; // two steps of that name: which one ran is unknown
    const type: unknown = types[k];
    if (typeof type !== 'string' || type === '') return null;
    found = type;
  }
  return found;
}

/** A declared step is its name, or (older servers) an object with a `name`. */
function declaredName(step: unknown): string | null {
  if (typeof step === 'string') return step;
  if (step !== null && typeof step === 'object') {
    const name = (step as Record<string, unknown>).name;
    if (typeof name === 'string') return name;
  }
  return null;
}
