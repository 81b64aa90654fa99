import type { ReactNode } from 'react';
import styles from './FilterBar.module.css';

export interface FilterBarProps {
  /** The search landmark's name: "Trace filters", "Session filters". */
  label: string;
  children: ReactNode;
}

/** A page's filters, one labelled control each, in as few lines as the width allows. */
export function FilterBar({ label, children }: FilterBarProps) {
  return (
    <div role="search" className={styles.bar} aria-label={label}>
      {children}
    </div>
  );
}
