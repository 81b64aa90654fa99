import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { trackPointerDrag } from '../../../lib/pointerDrag';

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
  // The release answers with the callbacks of the latest render, not those of the press.
  const callbacks = useRef({ onRange, onClick });
  useEffect(() => {
    callbacks.current = { onRange, onClick };
  });
  const handlers = {
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (event.button !== 0) return;
      const element = event.currentTarget;
      const fractionAt = (clientX: number) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 ? Math.min(Math.max((clientX - box.left) / box.width, 0), 1) : 0;
      };
      const start = { from: fractionAt(event.clientX), startX: event.clientX };
      trackPointerDrag(event, {
        onMove: (moveEvent) =>
          setDrag({ ...start, to: fractionAt(moveEvent.clientX), x: moveEvent.clientX }),
        onEnd: (endEvent) => {
          setDrag(null);
          if (endEvent.type === 'pointercancel') return;
          const to = fractionAt(endEvent.clientX);
          if (Math.abs(endEvent.clientX - start.startX) >= CLICK_SLOP_PX) {
            callbacks.current.onRange(start.from, to);
          } else callbacks.current.onClick?.(to);
        },
      });
      setDrag({ ...start, to: start.from, x: event.clientX });
    },
  };
  const selection =
    drag && Math.abs(drag.x - drag.startX) >= CLICK_SLOP_PX
      ? { from: Math.min(drag.from, drag.to), to: Math.max(drag.from, drag.to) }
      : null;
  return { selection, handlers };
}
