import { useState } from 'react';
import { foldText } from './foldText';
import styles from './CompareInputs.module.css';

export interface FoldedTextProps {
  /** Shown as text, never as markup. */
  text: string;
  /** The text's name, for the button: "input of A". */
  label: string;
}

/** A long text cut to its first lines, with "Show more" for the rest. */
export function FoldedText({ text, label }: FoldedTextProps) {
  const [isOpen, setOpen] = useState(false);
  const folded = foldText(text);
  return (
    <div className={styles.text}>
      <pre className={styles.pre}>{isOpen || !folded.isCut ? text : folded.text}</pre>
      {folded.isCut && (
        <button
          type="button"
          className="link-button"
          aria-expanded={isOpen}
          aria-label={`${isOpen ? 'Show less' : 'Show more'} of the ${label}`}
          onClick={() => setOpen(!isOpen)}
        >
          {isOpen
            ? 'Show less'
            : `Show more (${folded.hiddenChars.toLocaleString()} more characters)`}
        </button>
      )}
    </div>
  );
}
