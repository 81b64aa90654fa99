import { useMemo } from 'react';
import { errorsInTimeOrder, stepErrorPosition } from './analysis/errorSteps';
import { useSelectedIndex, useTraceActions, useTraceViewContext } from './traceViewContext';
import styles from './ErrorStepper.module.css';

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
      const next = stepErrorPosition(order, tree.startUs, selected, direction);
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
    <div className={styles.stepper} role="group" aria-label="Errors">
      <span className={styles.stepperStatus} role="status">
        {position >= 0
          ? `Error ${(position + 1).toLocaleString()} of ${count.toLocaleString()}`
          : `${count.toLocaleString()} ${count === 1 ? 'error' : 'errors'}`}
      </span>
      <button
        type="button"
        className="button"
        aria-label="Previous error"
        title="Previous error (Shift+E)"
        onClick={() => step(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button"
        aria-label="Next error"
        title="Next error (E)"
        onClick={() => step(1)}
      >
        ↓
      </button>
    </div>
  );
}
