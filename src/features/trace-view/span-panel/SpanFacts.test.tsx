import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { testModel } from '../../../test/testModel';
import { at, timedSpan } from '../../../test/testTraces';
import { realTrace } from '../../../test/testTree';
import { barGeometry, createTimeScale } from '../waterfall/timeScale';
import { buildTraceModel, type TraceModel } from '../../../domain/trace/traceModel';
import { SpanFacts } from './SpanFacts';

function indexOf(tree: TraceModel, name: string, nth = 0): number {
  const indices = tree.nodes.flatMap((node, i) => (node.name === name ? [i] : []));
  return indices[nth]!;
}

function renderFacts(tree: TraceModel, index: number, onSelectSpan = vi.fn()) {
  render(
    <dl>
      <SpanFacts
        tree={tree}
        index={index}
        selfTimeUs={tree.selfTimeUs[index]}
        isTraceRoot={index === 0}
        onSelectSpan={onSelectSpan}
      />
    </dl>,
  );
  return { onSelectSpan, user: userEvent.setup() };
}

/** The value of the fact named `label`. */
function fact(label: string): HTMLElement {
  const term = screen.getAllByRole('term').find((element) => element.textContent === label);
  if (!term?.nextElementSibling) throw new Error(`No fact "${label}"`);
  return term.nextElementSibling as HTMLElement;
}

describe('SpanFacts offset', () => {
  it('measures the offset on the waterfall’s axis, where the bar starts, not from start_time', () => {
    // The spans run from +1ms to +5ms; the server says the trace started at +2ms.
    const tree = testModel(
      [timedSpan(1000, 5000, { type: 'AGENT', spans: [timedSpan(2600, 3000)] })],
      { start_time: at(2000), end_time: at(4000) },
    );
    renderFacts(tree, 1);
    // From start_time it would read +600µs, while the bar starts 1.6ms into the 4ms axis.
    expect(fact('Offset')).toHaveTextContent('+1.6ms');
    const scale = createTimeScale(tree.axisStartUs, tree.axisEndUs);
    expect(barGeometry(scale, tree.startUs[1]!, tree.endUs[1]!).leftPercent).toBe(40);
  });
});

describe('SpanFacts on the real team trace', () => {
  const tree = buildTraceModel(realTrace('trace-team-delegation.json'));

  it('names the member run a delegate_task_to_member call started, as a link to it', async () => {
    const call = indexOf(tree, 'delegate_task_to_member', 1);
    const { onSelectSpan, user } = renderFacts(tree, call);
    await user.click(within(fact('Delegated to')).getByRole('button', { name: 'Writer.run' }));
    expect(onSelectSpan).toHaveBeenCalledWith(indexOf(tree, 'Writer.run'));
    // 265,613µs − the 247,281µs its member ran (by hand from the file's timestamps).
    expect(fact('Self time')).toHaveTextContent('18ms (7%)');
  });

  it('names the call that started a member run, as a link back', async () => {
    const { onSelectSpan, user } = renderFacts(tree, indexOf(tree, 'Researcher.run'));
    await user.click(
      within(fact('Delegated by')).getByRole('button', { name: 'delegate_task_to_member' }),
    );
    expect(onSelectSpan).toHaveBeenCalledWith(indexOf(tree, 'delegate_task_to_member', 0));
  });

  it('says nothing about delegation on other spans', () => {
    renderFacts(tree, indexOf(tree, 'web_search'));
    expect(screen.queryByText('Delegated to')).toBeNull();
    expect(screen.queryByText('Delegated by')).toBeNull();
  });
});

describe('SpanFacts step type', () => {
  it('takes the type of a workflow step from its name, not from the server’s position', () => {
    const tree = buildTraceModel(realTrace('trace-workflow-error.json'));
    renderFacts(tree, indexOf(tree, 'publish.execute'));
    // The server sent "Condition": the skipped review_gate shifted the positions.
    expect(fact('Step type')).toHaveTextContent(/^Step$/);
  });

  it('shows no step type for a loop’s inner step rather than a wrong one', () => {
    const tree = buildTraceModel(realTrace('trace-workflow-loop.json'));
    renderFacts(tree, indexOf(tree, 'extract.execute'));
    expect(screen.queryByText('Step type')).toBeNull();
  });
});
