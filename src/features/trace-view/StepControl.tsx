import styles from './StepControl.module.css';

export interface StepControlProps {
  /** The group's name, e.g. "Errors", "Calls of search". */
  label: string;
  /** Where the reader stands, e.g. "Error 2 of 7". */
  status: string;
  /**
   * The start of `status` that may be cut short when space runs out (a long model name), so
   * that the position after it stays readable: "anthropic.claude-3-ha…: call 2 of 3".
   */
  subject?: string;
  /** The buttons' accessible names, e.g. "Next error", and their tooltips (with the key). */
  previous: { label: string; title: string };
  next: { label: string; title: string };
  onStep: (direction: 1 | -1) => void;
  tone?: 'error' | 'plain';
  /** A line of its own (in the span panel) rather than a control in a row. */
  isLine?: boolean;
}

/** "Error 2 of 7 ↑ ↓": one control for every walk through a set of spans (errors, peers). */
export function StepControl({
  label,
  status,
  subject,
  previous,
  next,
  onStep,
  tone = 'plain',
  isLine = false,
}: StepControlProps) {
  const hasSubject = subject !== undefined && status.startsWith(subject);
  return (
    <div
      className={`${styles.stepper} ${isLine ? styles.line : ''}`}
      role="group"
      aria-label={label}
    >
      <span
        className={`${styles.status} ${tone === 'error' ? styles.error : ''} ${hasSubject ? styles.split : ''}`}
        role="status"
        title={status}
      >
        {hasSubject ? (
          <>
            <span className={styles.subject}>{subject}</span>
            <span className={styles.position}>{status.slice(subject.length)}</span>
          </>
        ) : (
          status
        )}
      </span>
      <button
        type="button"
        className="button"
        aria-label={previous.label}
        title={previous.title}
        onClick={() => onStep(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button"
        aria-label={next.label}
        title={next.title}
        onClick={() => onStep(1)}
      >
        ↓
      </button>
    </div>
  );
}
