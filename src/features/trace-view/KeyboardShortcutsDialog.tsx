import { ModalDialog } from '../../components/ModalDialog';

const SHORTCUTS: [string, string][] = [
  ['↓ / j', 'Next span'],
  ['↑ / k', 'Previous span'],
  ['←', 'Collapse, or go to the parent'],
  ['→', 'Expand, or go to the first child'],
  ['Home / End', 'First / last span'],
  ['Enter', 'Open the span’s details'],
  ['d', 'Between a team’s delegate_task_to_member call and the member’s run'],
  ['Esc', 'Close the details'],
  ['/', 'Search spans'],
  ['Enter / Shift+Enter (in search)', 'Next / previous match'],
  ['?', 'This help'],
];

export interface KeyboardShortcutsDialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opens it. */
  trigger: React.ReactElement;
}

export function KeyboardShortcutsDialog({
  isOpen,
  onOpenChange,
  trigger,
}: KeyboardShortcutsDialogProps) {
  return (
    <ModalDialog
      title="Keyboard shortcuts"
      open={isOpen}
      onOpenChange={onOpenChange}
      trigger={trigger}
    >
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
    </ModalDialog>
  );
}
