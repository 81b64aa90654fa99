import * as Dialog from '@radix-ui/react-dialog';

const SHORTCUTS: [string, string][] = [
  ['↓ / j', 'Next span'],
  ['↑ / k', 'Previous span'],
  ['←', 'Collapse, or go to the parent'],
  ['→', 'Expand, or go to the first child'],
  ['Home / End', 'First / last span'],
  ['Enter', 'Open the span’s details'],
  ['Esc', 'Close the details'],
  ['/', 'Search spans'],
  ['Enter / Shift+Enter (in search)', 'Next / previous match'],
  ['?', 'This help'],
];

export interface KeyboardShortcutsDialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

export function KeyboardShortcutsDialog({ isOpen, onOpenChange }: KeyboardShortcutsDialogProps) {
  return (
    <Dialog.Root open={isOpen} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <button type="button" className="button">
          Keyboard shortcuts
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title>Keyboard shortcuts</Dialog.Title>
          <table className="shortcuts-table">
            <tbody>
              {SHORTCUTS.map(([keys, action]) => (
                <tr key={keys}>
                  <th scope="row">
                    <kbd>{keys}</kbd>
                  </th>
                  <td>{action}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog-actions">
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
