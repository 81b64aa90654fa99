import { useMemo } from 'react';
import { errorsInTimeOrder, stepPosition } from './analysis/timeSteps';
import { StepControl } from './StepControl';
import { useSelectedIndex, useTraceActions, useTraceViewContext } from './traceViewContext';

/**
 * The trace's failing spans in time order, where the selection is among them, and a step to
 * the next (1) or previous (-1): it selects that span, unfolds its ancestors and centres it.
 */
export function useErrorSteps() {
  const { tree } = useTraceViewContext();
  const actions = useTraceActions();
  const selected = useSelectedIndex();
  const order = useMemo(() => errorsInTimeOrder(tree), [tree]);
  return {
    count: order.length,
    /** The selected span's place among the errors (0-based), -1 when it is not one. */
    position: selected === null ? -1 : order.indexOf(selected),
    step: (direction: 1 | -1) => {
      const next = stepPosition(order, tree.startUs, selected, direction);
      if (next >= 0) actions.select(order[next]!, 'center');
    },
  };
}

/**
 * "Error 2 of 7 ↑ ↓" in the header, whichever view is open: visits each failing span in time
 * order; only when there are some.
 */
export function ErrorStepper() {
  const { count, position, step } = useErrorSteps();
  if (count === 0) return null;
  return (
    <StepControl
      label="Errors"
      tone="error"
      status={
        position >= 0
          ? `Error ${(position + 1).toLocaleString()} of ${count.toLocaleString()}`
          : `${count.toLocaleString()} ${count === 1 ? 'error' : 'errors'}`
      }
      previous={{ label: 'Previous error', title: 'Previous error (Shift+E)' }}
      next={{ label: 'Next error', title: 'Next error (E)' }}
      onStep={step}
    />
  );
}
