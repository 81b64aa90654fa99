import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { useAfterFirstPaint } from '../lib/useAfterFirstPaint';
import styles from './Popover.module.css';

// The panel's code (Radix Popover and its positioning, about 10 kB gzipped) is not needed to
// paint a page: it loads once the page has painted, or when a popover is first opened.
const loadPopoverPanel = () => import('./PopoverPanel');
const PopoverPanel = lazy(() =>
  loadPopoverPanel().then((module) => ({ default: module.PopoverPanel })),
);

export interface PopoverProps {
  /** The button's content. */
  label: ReactNode;
  /** The button's accessible name when `label` is not plain text (an icon, a count). */
  ariaLabel?: string;
  /** A short hint on the button. */
  title?: string;
  /** The dialog's accessible name. */
  contentLabel: string;
  /** Marks the button as changing something (a filter is on), for its look. */
  isActive?: boolean;
  align?: 'start' | 'center' | 'end';
  /** For a caller that opens a dialog from the popover and returns focus to its button. */
  triggerRef?: RefObject<HTMLButtonElement | null>;
  /** Controlled open state, for a caller that closes it from inside (optional). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: ReactNode;
}

/**
 * A button that opens a small panel of secondary controls, over the page (nothing below it
 * moves). The button is ours and paints with the page; the panel (Radix: focus, Esc, outside
 * clicks, placement) is anchored to it and rendered only while open.
 */
export function Popover({
  label,
  ariaLabel,
  title,
  contentLabel,
  isActive = false,
  align = 'start',
  triggerRef,
  open,
  onOpenChange,
  children,
}: PopoverProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const isOpen = open ?? ownOpen;
  const setOpen = (next: boolean) => {
    if (open === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  };
  const ownButtonRef = useRef<HTMLButtonElement | null>(null);
  const buttonRef = triggerRef ?? ownButtonRef;
  const contentId = useId();
  const isPainted = useAfterFirstPaint();
  useEffect(() => {
    // Loaded early so the panel opens at once; a failure matters only when it is opened.
    if (isPainted) loadPopoverPanel().catch(() => undefined);
  }, [isPainted]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={`button ${styles.trigger}`}
        data-active={isActive || undefined}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        aria-expanded={isOpen}
        aria-controls={isOpen ? contentId : undefined}
        title={title}
        onClick={() => setOpen(!isOpen)}
      >
        {label}
        <span aria-hidden="true" className={styles.caret}>
          ▾
        </span>
      </button>
      {isOpen && (
        <Suspense fallback={null}>
          <PopoverPanel
            id={contentId}
            anchorRef={buttonRef}
            label={contentLabel}
            align={align}
            className={styles.content}
            onClose={() => setOpen(false)}
          >
            {children}
          </PopoverPanel>
        </Suspense>
      )}
    </>
  );
}
