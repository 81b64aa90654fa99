import * as RadixPopover from '@radix-ui/react-popover';
import { useRef, type ReactNode, type RefObject } from 'react';

export interface PopoverPanelProps {
  id: string;
  /** The button that opened it: the panel sits next to it and gives focus back to it. */
  anchorRef: RefObject<HTMLButtonElement | null>;
  label: string;
  align: 'start' | 'center' | 'end';
  className?: string;
  onClose: () => void;
  children: ReactNode;
}

/** The open panel of a `Popover`, loaded apart from the page's first paint. */
export function PopoverPanel({
  id,
  anchorRef,
  label,
  align,
  className,
  onClose,
  children,
}: PopoverPanelProps) {
  // Closed by a click elsewhere: focus stays where the reader clicked, as with Radix's trigger.
  const closedOutside = useRef(false);
  return (
    <RadixPopover.Root
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <RadixPopover.Anchor virtualRef={anchorRef} />
      <RadixPopover.Portal>
        <RadixPopover.Content
          id={id}
          className={className}
          align={align}
          sideOffset={4}
          collisionPadding={8}
          aria-label={label}
          onInteractOutside={(event) => {
            // A click on the button toggles it: without this the panel would close and reopen.
            if (anchorRef.current?.contains(event.target as Node)) event.preventDefault();
            else closedOutside.current = true;
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (!closedOutside.current) anchorRef.current?.focus();
          }}
        >
          {children}
        </RadixPopover.Content>
      </RadixPopover.Portal>
    </RadixPopover.Root>
  );
}
