import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { trackPointerDrag } from '../../lib/pointerDrag';
import styles from './SpanSplit.module.css';

export interface SpanSplitProps {
  /** The view the span panel sits beside: the waterfall, the flame graph. */
  main: React.ReactNode;
  /** The span panel, or null when it is closed. */
  panel: React.ReactNode;
  /** The panel takes most of the width (the view beside it shrinks to a strip). */
  isMaximised: boolean;
  /** On a phone the panel is a sheet over the view rather than a column beside it. */
  isNarrow: boolean;
}

/** Panel widths (% of the split): side by side, maximised, and the bounds a drag keeps to. */
const PANEL_SIZE = 40;
const MAXIMISED_PANEL_SIZE = 75;
const MIN_SIZE = 20;
const MAX_SIZE = 100 - MIN_SIZE;
const KEY_STEP = 5;

const clampSize = (size: number) => Math.min(MAX_SIZE, Math.max(MIN_SIZE, size));

/**
 * A trace view and the span panel: side by side on a wide screen, a sheet on a phone. The view
 * keeps its place in the tree whether the panel shows or not, so it is never remounted (its
 * scroll and state survive opening, closing and maximising the panel).
 */
export function SpanSplit({ main, panel, isMaximised, isNarrow }: SpanSplitProps) {
  const hasPanel = panel !== null;
  const maximised = hasPanel && isMaximised;
  // The panel's width; a maximise or restore resets it, a drag or the arrow keys move it.
  const [layout, setLayout] = useState({ isMaximised: maximised, size: sizeFor(maximised) });
  if (layout.isMaximised !== maximised) {
    setLayout({ isMaximised: maximised, size: sizeFor(maximised) });
  }
  const splitRef = useRef<HTMLDivElement>(null);
  const setSize = (size: number) => setLayout({ isMaximised: maximised, size: clampSize(size) });

  const handlePointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const split = splitRef.current;
    if (event.button !== 0 || !split) return;
    event.preventDefault();
    const box = split.getBoundingClientRect();
    trackPointerDrag(event, {
      onMove: (moveEvent) => setSize(((box.right - moveEvent.clientX) / box.width) * 100),
    });
  };

  // The separator's value is the view's share, as the ARIA window-splitter pattern has it:
  // ← moves the divider left (a wider panel), → right.
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, number> = {
      ArrowLeft: layout.size + KEY_STEP,
      ArrowRight: layout.size - KEY_STEP,
      Home: MAX_SIZE,
      End: MIN_SIZE,
      Enter: sizeFor(maximised),
    };
    const next = keys[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setSize(next);
  };

  return (
    <div ref={splitRef} className={styles.split}>
      <div className={styles.main}>{main}</div>
      {hasPanel &&
        (isNarrow ? (
          <div className={styles.sheet}>{panel}</div>
        ) : (
          <>
            <div
              role="separator"
              aria-orientation="vertical"
              aria-label="Resize span details"
              aria-valuenow={Math.round(100 - layout.size)}
              aria-valuemin={MIN_SIZE}
              aria-valuemax={MAX_SIZE}
              tabIndex={0}
              className={styles.handle}
              title="Drag, or use ← and →, to resize the span details (Enter: default width)"
              onPointerDown={handlePointerDown}
              onKeyDown={handleKeyDown}
            />
            <div className={styles.panel} style={{ flexBasis: `${layout.size}%` }}>
              {panel}
            </div>
          </>
        ))}
    </div>
  );
}

function sizeFor(isMaximised: boolean): number {
  return isMaximised ? MAXIMISED_PANEL_SIZE : PANEL_SIZE;
}
