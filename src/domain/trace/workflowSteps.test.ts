import { describe, expect, it } from 'vitest';
import { indexOfName, realTrace, span, testTree } from '../../test/testTree';
import { stepNameOf, workflowStepType } from './workflowSteps';

describe('workflowStepType', () => {
  it('names each step of the real failed workflow by its name, not by position', () => {
    const tree = testTree(realTrace('trace-workflow-error.json').tree);
    const typeOf = (name: string) => workflowStepType(tree, indexOfName(tree, name));
    expect(typeOf('research.execute')).toBe('Step');
    expect(typeOf('outline.execute')).toBe('Step');
    expect(typeOf('enrich.execute')).toBe('Parallel');
    // The server says Condition: review_gate was skipped, and positions slipped by one.
    expect(tree.nodes[indexOfName(tree, 'publish.execute')]!.step_type).toBe('Condition');
    expect(typeOf('publish.execute')).toBe('Step');
    // Inside the Parallel step: not among the workflow's steps.
    expect(typeOf('seo.execute')).toBeNull();
    expect(typeOf('Content_Pipeline.run')).toBeNull();
  });

  it('shows nothing for a loop’s inner steps, which the workflow does not declare', () => {
    const tree = testTree(realTrace('trace-workflow-loop.json').tree);
    for (const name of ['extract.execute', 'transform.execute', 'load.execute']) {
      expect(workflowStepType(tree, indexOfName(tree, name))).toBeNull();
    }
    expect(workflowStepType(tree, indexOfName(tree, 'summary.execute'))).toBe('Step');
  });

  it('shows nothing when the name is ambiguous or the lists do not pair up', () => {
    const workflow = (metadata: Record<string, unknown>) =>
      testTree([
        span(0, 100, {
          type: 'WORKFLOW',
          name: 'Flow.run',
          metadata,
          spans: [span(1, 50, { type: 'WORKFLOW', name: 'a.execute', step_type: 'Step' })],
        }),
      ]);
    expect(
      workflowStepType(workflow({ steps: ['a', 'a'], step_types: ['Step', 'Loop'] }), 1),
    ).toBeNull();
    expect(workflowStepType(workflow({ steps: ['a', 'b'], step_types: ['Step'] }), 1)).toBeNull();
    expect(workflowStepType(workflow({ step_types: ['Step'] }), 1)).toBeNull();
    expect(workflowStepType(workflow({ steps: [{ name: 'a' }], step_types: ['Router'] }), 1)).toBe(
      'Router',
    );
  });
});

describe('stepNameOf', () => {
  it('drops the entry point', () => {
    expect(stepNameOf('research.execute')).toBe('research');
    expect(stepNameOf('v1.2.aexecute')).toBe('v1.2');
    expect(stepNameOf('plain')).toBe('plain');
  });
});
