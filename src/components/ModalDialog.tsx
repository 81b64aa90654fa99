import * as Dialog from '@radix-ui/react-dialog';
import { useId, type ReactNode, type RefObject } from 'react';

export interface ModalDialogProps {
  title: string;
  /** One line under the title; it also describes the dialog to assistive technology. */
  description?: ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Wider, for tables and previews. */
  isWide?: boolean;
  /** Where focus goes on close, when the opener is not a Radix trigger (e.g. a menu item). */
  returnFocusTo?: RefObject<HTMLElement | null>;
  /** Extra controls in the bottom row, before "Close". */
  actions?: ReactNode;
  /** The button that opens the dialog, when it has one. */
  trigger?: ReactNode;
  children: ReactNode;
}

/** The app's one modal: Radix for focus trapping, Esc and labelling, our layout around it. */
export function ModalDialog({
  title,
  description,
  open,
  onOpenChange,
  isWide,
  returnFocusTo,
  actions,
  trigger,
  children,
}: ModalDialogProps) {
  const descriptionId = useId();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>}
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className={isWide ? 'dialog dialog-wide' : 'dialog'}
          aria-describedby={description ? descriptionId : undefined}
          onCloseAutoFocus={
            returnFocusTo
              ? (event) => {
                  event.preventDefault();
                  returnFocusTo.current?.focus();
                }
              : undefined
          }
        >
          <Dialog.Title>{title}</Dialog.Title>
          {description && (
            <p id={descriptionId} className="muted">
              {description}
            </p>
          )}
          {children}
          <div className="dialog-actions">
            {actions}
            <span className="spacer" />
            <Dialog.Close asChild>
              <button type="button" className="button">
                Close
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
