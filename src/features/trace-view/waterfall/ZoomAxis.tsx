import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RangeTick } from '../timeline/rangeTicks';
import { panBy, shownOffsets, zoomAround, zoomBetween } from '../timeline/timeRange';
import { useTraceActions, useTraceView, useTraceViewContext } from '../traceViewContext';
import { useRangeDrag } from './useRangeDrag';

export interface ZoomAxisProps {
  ticks: RangeTick[];
  /** The axis's width in CSS pixels, as it changes (the tick count follows it). */
  onWidthChange: (width: number) => void;
}

/** Wheel zoom: one notch (deltaY 100) zooms by about this factor. */
const WHEEL_ZOOM_PER_PX = 0.003;

/**
 * The waterfall's time axis, as its column header: the ticks of the shown range, and the zoom
 * gestures. Drag across it to zoom to a range; the wheel (or a pinch, which the browser sends
 * as a wheel with Ctrl) zooms around the pointer; a sideways wheel, or Shift + wheel, pans.
 */
export function ZoomAxis({ ticks, onWidthChange }: ZoomAxisProps) {
  const { tree, store } = useTraceViewContext();
  const actions = useTraceActions();
  const zoom = useTraceView((state) => state.zoom);
  const ref = useRef<HTMLDivElement>(null);
  const lengthUs = Math.max(tree.axisEndUs - tree.axisStartUs, 0);
  const { selection, handlers } = useRangeDrag((from, to) =>
    actions.setZoom(zoomBetween(shownOffsets(zoom, lengthUs), from, to, lengthUs)),
  );

  useLayoutEffect(() => {
    const axis = ref.current;
    if (!axis) return;
    const observer = new ResizeObserver(() => onWidthChange(axis.clientWidth));
    observer.observe(axis);
    return () => observer.disconnect();
  }, [onWidthChange]);

  // React's wheel listener is passive: this one must stop the page from scrolling or zooming.
  useEffect(() => {
    const axis = ref.current;
    if (!axis) return;
    const handleWheel = (event: WheelEvent) => {
      const box = axis.getBoundingClientRect();
      if (box.width === 0) return;
      event.preventDefault();
      const shown = shownOffsets(store.getState().zoom, lengthUs);
      const widthUs = shown.endUs - shown.startUs;
      const sideways = event.shiftKey ? event.deltaY : event.deltaX;
      const scale = event.deltaMode === 1 ? 40 : 1; // lines → pixels
      if (Math.abs(sideways) > Math.abs(event.shiftKey ? 0 : event.deltaY)) {
        actions.setZoom(panBy(shown, (sideways * scale * widthUs) / box.width, lengthUs));
      } else {
        const at = (event.clientX - box.left) / box.width;
        const factor = Math.exp(event.deltaY * scale * WHEEL_ZOOM_PER_PX);
        actions.setZoom(zoomAround(shown, at, factor, lengthUs));
      }
    };
    axis.addEventListener('wheel', handleWheel, { passive: false });
    return () => axis.removeEventListener('wheel', handleWheel);
  }, [store, actions, lengthUs]);

  return (
    <div
      ref={ref}
      role="columnheader"
      className="waterfall-axis"
      aria-label="Timeline"
      title="Drag to zoom to a time range; wheel to zoom, Shift + wheel to pan"
      {...handlers}
    >
      {ticks
        // A label at the right edge would be cut off.
        .filter((tick) => tick.fraction < 0.97)
        .map((tick) => (
          <span
            key={tick.offsetUs}
            className="axis-tick"
            data-edge={tick.fraction < 0.03 ? 'start' : undefined}
            style={{ left: `${tick.fraction * 100}%` }}
            aria-hidden="true"
          >
            {tick.label}
          </span>
        ))}
      {selection && (
        <span
          className="axis-selection"
          aria-hidden="true"
          style={{
            left: `${selection.from * 100}%`,
            width: `${(selection.to - selection.from) * 100}%`,
          }}
        />
      )}
    </div>
  );
}
