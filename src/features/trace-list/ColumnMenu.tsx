import type { Column } from '@tanstack/react-table';
import { useEffect, useId, useRef, useState } from 'react';
import type { TraceSummary } from '../../api/schemas';
import styles from './ColumnMenu.module.css';
import { COLUMN_LABELS } from './traceColumns';

export interface ColumnMenuProps {
  columns: Column<TraceSummary>[];
}

/** Show or hide columns; the choice is in the URL (`cols`), so a copied link shows the same. */
export function ColumnMenu({ columns }: ColumnMenuProps) {
  const [isOpen, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  // Close on a click elsewhere or Escape, like any menu.
  useEffect(() => {
    if (!isOpen) return;
    const handlePointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const handleKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', handlePointer);
    document.addEventListener('keydown', handleKey);
    return () => {
      document.removeEventListener('pointerdown', handlePointer);
      document.removeEventListener('keydown', handleKey);
    };
  }, [isOpen]);

  return (
    <div className={styles.menu} ref={rootRef}>
      <button
        type="button"
        className="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen(!isOpen)}
      >
        Columns
      </button>
      {isOpen && (
        <fieldset id={panelId} className={styles.panel}>
          <legend>Visible columns</legend>
          {columns
            .filter((c) => c.getCanHide())
            .map((c) => (
              <label key={c.id} className="checkbox-field">
                <input
                  type="checkbox"
                  checked={c.getIsVisible()}
                  onChange={c.getToggleVisibilityHandler()}
                />
                {COLUMN_LABELS[c.id] ?? c.id}
              </label>
            ))}
          {/* Issue 15 asks the list to say where the cost is, since it cannot show it. */}
          <p className={`muted ${styles.note}`}>
            No tokens or cost column: the server's list gives neither. A trace's page shows its
            estimated cost.
          </p>
        </fieldset>
      )}
    </div>
  );
}
