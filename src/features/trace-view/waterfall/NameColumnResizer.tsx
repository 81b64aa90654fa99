import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import { trackPointerDrag } from '../../../lib/pointerDrag';
import { clampNameColumn, MIN_NAME_COLUMN_PX } from './useNameColumnWidth';

export interface NameColumnResizerProps {
  /** The waterfall, whose width bounds the column and whose name cell gives its current width. */
  waterfallRef: RefObject<HTMLDivElement | null>;
  width: number | null;
  onWidthChange: (px: number | null) => void;
}

const KEY_STEP_PX = 24;

/**
 * The handle between span names and durations: drag it, or focus it and use ←/→ (Shift for
 * bigger steps), Home for the narrowest, Enter to go back to the default width.
 */
export function NameColumnResizer({ waterfallRef, width, onWidthChange }: NameColumnResizerProps) {
  // The column's width as drawn (the default is a share of the waterfall), for assistive
  // technology: a focusable separator must say where it stands.
  const handleRef = useRef<HTMLDivElement>(null);
  const [drawnWidth, setDrawnWidth] = useState<number | null>(null);
  useEffect(() => {
    const column = handleRef.current?.parentElement;
    if (!column) return;
    const observer = new ResizeObserver(() => setDrawnWidth(Math.round(column.offsetWidth)));
    observer.observe(column);
    return () => observer.disconnect();
  }, []);

  const current = () => {
    const waterfall = waterfallRef.current;
    const cell = waterfall?.querySelector<HTMLElement>('[role="columnheader"]');
    return { shown: width ?? cell?.offsetWidth ?? 320, total: waterfall?.clientWidth ?? 1000 };
  };

  const handlePointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const start = { x: event.clientX, ...current() };
    trackPointerDrag(event, {
      onMove: (moveEvent) =>
        onWidthChange(clampNameColumn(start.shown + moveEvent.clientX - start.x, start.total)),
    });
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const { shown, total } = current();
    const step = event.shiftKey ? KEY_STEP_PX * 4 : KEY_STEP_PX;
    let next: number | null;
    if (event.key === 'ArrowRight') next = clampNameColumn(shown + step, total);
    else if (event.key === 'ArrowLeft') next = clampNameColumn(shown - step, total);
    else if (event.key === 'Home') next = MIN_NAME_COLUMN_PX;
    else if (event.key === 'End') next = clampNameColumn(total, total);
    else if (event.key === 'Enter') next = null;
    else return;
    event.preventDefault();
    event.stopPropagation(); // the waterfall's own keys (←/→ collapse and expand) stay out of it
    onWidthChange(next);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize span names"
      ref={handleRef}
      aria-valuenow={Math.round(width ?? drawnWidth ?? MIN_NAME_COLUMN_PX)}
      aria-valuetext={width === null ? 'default width' : `${Math.round(width)} pixels`}
      aria-valuemin={MIN_NAME_COLUMN_PX}
      tabIndex={0}
      className="name-column-resizer"
      title="Drag, or use ← and →, to widen the span names (Enter: default width)"
      onPointerDown={handlePointerDown}
      onKeyDown={handleKeyDown}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
