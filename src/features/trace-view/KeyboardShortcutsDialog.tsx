import { lazy, Suspense, useEffect, useRef } from 'react';
import { useAfterFirstPaint } from '../../lib/useAfterFirstPaint';

// The dialog's code (Radix Dialog, about 13 kB gzipped) is not needed to paint the trace: it
// loads once the page has painted, or when the dialog is opened first, whichever comes first.
const loadModalDialog = () => import('../../components/ModalDialog');
const ModalDialog = lazy(() =>
  loadModalDialog().then((module) => ({ default: module.ModalDialog })),
);

const SHORTCUTS: [string, string][] = [
  ['↓ / j', 'Next span'],
  ['↑ / k', 'Previous span'],
  ['←', 'Collapse, or go to the parent'],
  ['→', 'Expand, or go to the first child'],
  ['Home / End', 'First / last span'],
  ['Enter', 'Open the span’s details'],
  ['d', 'Between a team’s delegate_task_to_member call and the member’s run'],
  ['e / Shift+E', 'Next / previous error, in time order'],
  [
    'n / Shift+N',
    "Next / previous call of the selected span's tool or model (or run of its agent)",
  ],
  ['Esc', 'Close the details'],
  ['/', 'Search spans'],
  ['Enter / Shift+Enter (in search)', 'Next / previous match'],
  ['?', 'This help'],
  ['↑ ↓ ← → (flame graph)', 'Parent, first child, previous / next sibling'],
  ['← / → (lanes)', 'Previous / next span of the lane, in time'],
  ['↑ / ↓ (lanes)', 'The lane above / below, at the span starting nearest in time'],
  ['← / → (overview)', 'Move the zoomed range earlier / later'],
  ['+ / − (overview)', 'Zoom the waterfall in / out'],
  ['0 (overview)', 'Reset zoom: the whole trace'],
  ['Wheel / Shift+wheel (time axis)', 'Zoom around the pointer / pan'],
];

export interface KeyboardShortcutsDialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

export function KeyboardShortcutsDialog({ isOpen, onOpenChange }: KeyboardShortcutsDialogProps) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const isPainted = useAfterFirstPaint();
  useEffect(() => {
    // Loaded early so the dialog opens at once; a failure matters only when it is opened.
    if (isPainted) loadModalDialog().catch(() => undefined);
  }, [isPainted]);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="dialog"
        aria-expanded={isOpen}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => onOpenChange(true)}
      >
        ?
      </button>
      {isOpen && (
        <Suspense fallback={null}>
          <ModalDialog
            title="Keyboard shortcuts"
            open
            onOpenChange={onOpenChange}
            returnFocusTo={buttonRef}
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
        </Suspense>
      )}
    </>
  );
}
