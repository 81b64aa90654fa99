export interface PointerDragCallbacks {
  /** Each `pointermove` on the element until the drag ends. */
  onMove?: (event: PointerEvent) => void;
  /** The `pointerup` or `pointercancel` that ends the drag (tell them apart by `event.type`). */
  onEnd?: (event: PointerEvent) => void;
}

/**
 * Follows a drag that starts with this `pointerdown`: captures the pointer on the element the
 * handler is on (so the drag may leave it), reports its moves, and on release or cancel reports
 * the end and removes its listeners. The caller decides which presses start a drag.
 */
export function trackPointerDrag(
  event: { readonly currentTarget: HTMLElement; readonly pointerId: number },
  { onMove, onEnd }: PointerDragCallbacks,
): void {
  const element = event.currentTarget;
  element.setPointerCapture(event.pointerId);
  const move = (moveEvent: PointerEvent) => onMove?.(moveEvent);
  const stop = (endEvent: PointerEvent) => {
    element.removeEventListener('pointermove', move);
    element.removeEventListener('pointerup', stop);
    element.removeEventListener('pointercancel', stop);
    onEnd?.(endEvent);
  };
  element.addEventListener('pointermove', move);
  element.addEventListener('pointerup', stop);
  element.addEventListener('pointercancel', stop);
}
