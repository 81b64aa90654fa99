import { CopyButton } from '../../../components/CopyButton';
import { LongText } from './LongText';

export interface SpanErrorBlockProps {
  error: string | null | undefined;
  /** A root span's error is the trace's, which the server puts on the trace instead. */
  isRoot: boolean;
}

/**
 * The span's error, first and prominent. A note rather than an alert: it is part of what the
 * span is, not news to announce.
 */
export function SpanErrorBlock({ error, isRoot }: SpanErrorBlockProps) {
  return (
    <section className="span-error" role="note" aria-label="Span error">
      <div className="payload-header">
        <strong>Error</strong>
        {error && <CopyButton text={error} label="Copy error" />}
      </div>
      {error ? (
        <LongText text={error} />
      ) : (
        <p className="span-note">
          {isRoot
            ? "The span ended with status ERROR; the trace's error is in the trace header."
            : 'The span ended with status ERROR but no error message.'}
        </p>
      )}
    </section>
  );
}
