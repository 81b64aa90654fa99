import type { TraceDetail } from '../../api/schemas';
import { FoldedText } from './FoldedText';
import styles from './CompareInputs.module.css';

export interface CompareInputsProps {
  traceA: TraceDetail;
  traceB: TraceDetail;
}

/** What each run was asked and what it answered (or its error), side by side. */
export function CompareInputs({ traceA, traceB }: CompareInputsProps) {
  return (
    <section className={styles.grid} aria-label="Inputs and outputs">
      <RunTexts side="A" trace={traceA} />
      <RunTexts side="B" trace={traceB} />
    </section>
  );
}

function RunTexts({ side, trace }: { side: 'A' | 'B'; trace: TraceDetail }) {
  return (
    <div className={styles.side} role="group" aria-label={`Trace ${side}`}>
      <h2 className={styles.heading}>
        <span className={`side-badge side-${side.toLowerCase()}`}>{side}</span> {trace.name}
      </h2>
      <TextField name="Input" side={side} text={trace.input} />
      {trace.error ? (
        <TextField name="Error" side={side} text={trace.error} isError />
      ) : (
        <TextField name="Output" side={side} text={trace.output} />
      )}
    </div>
  );
}

function TextField({
  name,
  side,
  text,
  isError = false,
}: {
  name: string;
  side: string;
  text: string | null | undefined;
  isError?: boolean;
}) {
  return (
    <div className={isError ? `${styles.field} ${styles.error}` : styles.field}>
      <h3 className={styles.label}>{name}</h3>
      {text ? (
        <FoldedText text={text} label={`${name.toLowerCase()} of ${side}`} />
      ) : (
        <p className="muted">None recorded</p>
      )}
    </div>
  );
}
