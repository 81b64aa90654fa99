import { useState, type PointerEvent } from 'react';

/** A drag shorter than this is a click. */
const CLICK_SLOP_PX = 3;

export interface DragSelection {
  /** The dragged part of the element, as fractions of its width (0–1), in drag order. */
  from: number;
  to: number;
}

/**
 * Drag across an element to pick a part of it (the overview, the time axis): the selection
 * while dragging, and `onRange(from, to)` (fractions of its width) on release, or `onClick(at)`
 * for a press that did not move. The pointer is captured, so a drag may leave the element.
 */
export function useRangeDrag(
  onRange: (from: number, to: number) => void,
  onClick?: (at: number) => void,
) {
  const [drag, setDrag] = useState<(DragSelection & { startX: number; x: number }) | null>(null);
  const fractionAt = (event: PointerEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return box.width > 0 ? Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1) : 0;
  };
  const handlers = {
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (event.button !== 0) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      const at = fractionAt(event);
      setDrag({ from: at, to: at, startX: event.clientX, x: event.clientX });
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      if (!drag) return;
      setDrag({ ...drag, to: fractionAt(event), x: event.clientX });
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      if (!drag) return;
      setDrag(null);
      const to = fractionAt(event);
      if (Math.abs(event.clientX - drag.startX) >= CLICK_SLOP_PX) onRange(drag.from, to);
      else onClick?.(to);
    },
    onPointerCancel: () => setDrag(null),
  };
  const selection =
    drag && Math.abs(drag.x - drag.startX) >= CLICK_SLOP_PX
      ? { from: Math.min(drag.from, drag.to), to: Math.max(drag.from, drag.to) }
      : null;
  return { selection, handlers };
}
