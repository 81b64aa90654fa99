import type { TraceNode } from '../../../api/schemas';
import { Fact } from './Fact';
import { IoSection } from './IoSection';
import { workflowSteps } from './spanSections';

export interface WorkflowSectionProps {
  node: TraceNode;
  isRoot: boolean;
}

/** A workflow run: its description and its declared steps with their types. */
export function WorkflowSection({ node, isRoot }: WorkflowSectionProps) {
  const metadata = node.metadata ?? {};
  const description = typeof metadata.description === 'string' ? metadata.description : null;
  const steps = workflowSteps(metadata);
  const stepsCount =
    typeof metadata.steps_count === 'number' ? metadata.steps_count : steps.length || null;
  return (
    <>
      <section className="span-section" aria-label="Workflow">
        <h3>Workflow</h3>
        <dl className="facts">
          {description && <Fact label="Description">{description}</Fact>}
          {stepsCount !== null && <Fact label="Steps">{stepsCount.toLocaleString()}</Fact>}
        </dl>
        {steps.length > 0 && (
          <table className="steps-table" aria-label="Workflow steps">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Step</th>
                <th scope="col">Type</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((step, i) => (
                <tr key={i}>
                  <td className="numeric muted">{i + 1}</td>
                  <td>{step.name}</td>
                  <td>{step.type ?? <span className="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <IoSection node={node} isRoot={isRoot} />
    </>
  );
}
