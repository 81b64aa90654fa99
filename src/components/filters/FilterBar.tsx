import { useId, useState, type ReactNode } from 'react';
import styles from './FilterBar.module.css';

export interface FilterBarProps {
  /** The search landmark's name: "Trace filters", "Session filters". */
  label: string;
  /** How many filters are on, for the button that unfolds them on a phone. */
  activeCount?: number;
  children: ReactNode;
}

/**
 * A page's filters, one labelled control each, in as few lines as the width allows. On a phone
 * they would fill the screen: they fold under a "Filters" button (the chips say what is on).
 */
export function FilterBar({ label, activeCount = 0, children }: FilterBarProps) {
  const [isOpen, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className={`button ${styles.toggle}`}
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={() => setOpen(!isOpen)}
      >
        {isOpen ? 'Hide filters' : 'Filters'}
        {activeCount > 0 && ` (${activeCount.toLocaleString()} on)`}
      </button>
      <div
        id={id}
        role="search"
        className={styles.bar}
        aria-label={label}
        data-open={isOpen || undefined}
      >
        {children}
      </div>
    </>
  );
}
