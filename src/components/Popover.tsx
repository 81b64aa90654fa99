import * as RadixPopover from '@radix-ui/react-popover';
import type { ReactNode, Ref } from 'react';
import styles from './Popover.module.css';

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
  triggerRef?: Ref<HTMLButtonElement>;
  /** Controlled open state, for a caller that closes it from inside (optional). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: ReactNode;
}

/**
 * A button that opens a small panel of secondary controls, over the page (nothing below it
 * moves). Radix handles focus, Esc, outside clicks and placement; this wraps it once in our look.
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
  return (
    <RadixPopover.Root open={open} onOpenChange={onOpenChange}>
      <RadixPopover.Trigger
        ref={triggerRef}
        className={`button ${styles.trigger}`}
        data-active={isActive || undefined}
        aria-label={ariaLabel}
        title={title}
      >
        {label}
        <span aria-hidden="true" className={styles.caret}>
          ▾
        </span>
      </RadixPopover.Trigger>
      <RadixPopover.Portal>
        <RadixPopover.Content
          className={styles.content}
          align={align}
          sideOffset={4}
          collisionPadding={8}
          aria-label={contentLabel}
        >
          {children}
        </RadixPopover.Content>
      </RadixPopover.Portal>
    </RadixPopover.Root>
  );
}
