import { observeElementRect, type Rect, type Virtualizer } from '@tanstack/react-virtual';

/**
 * The virtualizer's scroll element size, from a ResizeObserver alone. The library's own
 * observer also reads the size at once, in React's commit: a forced layout of the whole screen
 * inside the first render's task, which was 20-70 ms of it on the development VM. A
 * ResizeObserver's first observation comes after the browser's own layout of that frame; until
 * then `initialSize` stands in. Without ResizeObserver (tests), the library's observer.
 */
export function observeSizeAfterLayout(
  instance: Virtualizer<HTMLDivElement, Element>,
  onSize: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  const view = instance.targetWindow;
  if (!element || !view?.ResizeObserver) return observeElementRect(instance, onSize);
  const observer = new view.ResizeObserver(() =>
    onSize({ width: element.clientWidth, height: element.clientHeight }),
  );
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * The size assumed before the first observation: the window's, more than the waterfall's, so
 * the first frame has rows enough (the few extra ones go with the next render).
 */
export function initialSize(): Rect {
  return { width: window.innerWidth, height: window.innerHeight };
}
