import {
  elementScroll,
  observeElementRect,
  type Rect,
  type Virtualizer,
} from '@tanstack/react-virtual';

/*
 * TanStack Virtual, left to itself, makes the browser lay the whole new screen out inside the
 * first render's commit (one long task): it reads the scroll element's size, and it writes the
 * scroll offset the element already has. These two options keep both out of the commit, so the
 * first layout is the browser's own, after the task.
 */

/**
 * The virtualizer's scroll element size, from a ResizeObserver alone. The library's own
 * observer also reads the size at once, in React's commit: 20-70 ms of the first render's task
 * on the development VM. A ResizeObserver's first observation comes after the browser's own
 * layout of that frame; until then `initialSize` stands in. Without ResizeObserver (tests), the
 * library's observer.
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

const hasScrolled = new WeakSet<object>();

/**
 * The library's scroll, without its first write when that only sets a fresh element to the
 * top it is already at: on mount the virtualizer writes its current offset back
 * (`scrollTo({ top: 0 })`), which forces the layout (80-90 ms of the first render's task at
 * 1,000 spans). No scroll event answers a write to where the element is, so skipping it leaves
 * the virtualizer as the write would have. Any other write, a deep link's included, scrolls.
 */
export const scrollWithoutFirstReset: typeof elementScroll = (offset, options, instance) => {
  if (!hasScrolled.has(instance)) {
    hasScrolled.add(instance);
    if (offset === 0 && !options.adjustments) return;
  }
  elementScroll(offset, options, instance);
};
