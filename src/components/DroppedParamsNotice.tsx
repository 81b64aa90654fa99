import type { DroppedParam } from '../lib/searchSchema';

export interface DroppedParamsNoticeProps {
  dropped: readonly DroppedParam[];
  onDismiss?: () => void;
}

/** Says which parts of a link no longer applied, so a colleague's view is not silently different. */
export function DroppedParamsNotice({ dropped, onDismiss }: DroppedParamsNoticeProps) {
  if (dropped.length === 0) return null;
  return (
    <div className="notice" role="note" aria-label="Link partly applied">
      <span>
        Part of this link no longer applies and was left out:{' '}
        {dropped.map((param, i) => (
          <span key={`${param.key}-${i}`}>
            {i > 0 && '; '}
            <code>
              {param.key}={param.value}
            </code>{' '}
            ({param.reason})
          </span>
        ))}
        .
      </span>
      {onDismiss && (
        <button type="button" className="button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
