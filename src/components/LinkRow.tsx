import type { ComponentProps, KeyboardEvent, MouseEvent } from 'react';
import styles from './LinkRow.module.css';

/** What a click inside a row handles itself: the row only answers clicks elsewhere. */
const CONTROLS = 'a, button, input, select, textarea, label, summary, [role="button"]';

/** The row's own link is marked `data-row-link`: the row opens what it opens. */
function rowLink(row: HTMLTableRowElement): HTMLAnchorElement | null {
  return row.querySelector<HTMLAnchorElement>('a[data-row-link]');
}

function openLink(link: HTMLAnchorElement, inNewTab: boolean) {
  if (inNewTab) window.open(link.href, '_blank', 'noopener');
  else link.click();
}

/**
 * A table row that opens its link (the one cell marked `data-row-link`, still a real link for
 * middle-click and "copy link") on a click anywhere that is not another control, and on Enter
 * when the row itself has focus. Arrow keys move between rows. The table keeps its roles; the row
 * is only focusable, its cells and controls stay as they are.
 */
export function LinkRow({ className, children, ...rest }: ComponentProps<'tr'>) {
  const handleClick = (event: MouseEvent<HTMLTableRowElement>) => {
    const control = (event.target as Element).closest(CONTROLS);
    if (control && event.currentTarget.contains(control)) return;
    // A drag that selected text is reading, not opening.
    if (window.getSelection()?.isCollapsed === false) return;
    const link = rowLink(event.currentTarget);
    if (link) openLink(link, event.ctrlKey || event.metaKey || event.button === 1);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    // Keys in the row's own controls are theirs.
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      const link = rowLink(event.currentTarget);
      if (link) openLink(link, event.ctrlKey || event.metaKey);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = (row: Element) =>
        event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
      // Skip rows that are not links (an expanded input under its row).
      let next = step(event.currentTarget);
      while (next && !(next instanceof HTMLTableRowElement && next.tabIndex === 0)) {
        next = step(next);
      }
      if (next instanceof HTMLElement) next.focus();
    }
  };

  return (
    <tr
      {...rest}
      tabIndex={0}
      className={className ? `${styles.row} ${className}` : styles.row}
      onClick={handleClick}
      onAuxClick={(event) => event.button === 1 && handleClick(event)}
      onKeyDown={handleKeyDown}
    >
      {children}
    </tr>
  );
}
