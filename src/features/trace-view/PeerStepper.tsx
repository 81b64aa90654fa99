import { peersOf } from './analysis/peerSteps';
import { stepPosition } from './analysis/timeSteps';
import { StepControl } from './StepControl';
import { useSelectedIndex, useTraceActions, useTraceViewContext } from './traceViewContext';

/**
 * The selected span's peers (the other calls of its tool or model, the other runs of its agent)
 * in time order, and a step to the next (1) or previous (-1), which selects and centres it.
 */
export function usePeerSteps() {
  const { tree } = useTraceViewContext();
  const actions = useTraceActions();
  const selected = useSelectedIndex();
  const peers = selected === null ? null : peersOf(tree, selected);
  return {
    peers,
    position: peers === null || selected === null ? -1 : peers.order.indexOf(selected),
    step: (direction: 1 | -1) => {
      if (peers === null) return;
      const next = stepPosition(peers.order, tree.startUs, selected, direction);
      if (next >= 0) actions.select(peers.order[next]!, 'center');
    },
  };
}

/** "search: call 2 of 5 ↑ ↓" in the span panel, for a tool, model or agent used more than once. */
export function PeerStepper() {
  const { peers, position, step } = usePeerSteps();
  if (peers === null) return null;
  const unit = peers.noun === 'agent' ? 'run' : 'call';
  const of = `${unit} of ${peers.label}`;
  return (
    <StepControl
      label={`${unit === 'run' ? 'Runs' : 'Calls'} of ${peers.label}`}
      subject={peers.label}
      status={`${peers.label}: ${unit} ${(position + 1).toLocaleString()} of ${peers.order.length.toLocaleString()}`}
      previous={{ label: `Previous ${of}`, title: `Previous ${of} (Shift+N)` }}
      next={{ label: `Next ${of}`, title: `Next ${of} (N)` }}
      onStep={step}
      isLine
    />
  );
}
