import { formatDuration } from '../../lib/time';
import type { TraceModel } from '../../domain/trace/traceModel';

export interface ErrorLandingNoticeProps {
  tree: TraceModel;
  /** The span the page landed on. */
  index: number;
  onShowWholeTrace: () => void;
}

/** Says why a failed trace opened on one span, with the way back to the whole trace. */
export function ErrorLandingNotice({ tree, index, onShowWholeTrace }: ErrorLandingNoticeProps) {
  const node = tree.nodes[index]!;
  const offsetUs = tree.offsetUs(index);
  return (
    <div className="notice error-landing" role="note" aria-label="Error-first landing">
      <span>
        <span className="error-mark" aria-hidden="true">
          !
        </span>{' '}
        This trace failed. Showing where it went wrong first:{' '}
        <strong className="error-landing-name">{node.name}</strong> ({node.type}
        {Number.isFinite(offsetUs) && `, at +${formatDuration(Math.max(0, offsetUs))}`}), the
        earliest failing span with no failing span below it.
      </span>
      <button type="button" className="button" onClick={onShowWholeTrace}>
        Show the whole trace
      </button>
    </div>
  );
}
