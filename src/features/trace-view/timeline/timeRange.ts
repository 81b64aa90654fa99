/** A time range, epoch µs, `endUs` > `startUs`. */
export interface TimeRange {
  startUs: number;
  endUs: number;
}

/**
 * A zoomed part of a trace, as offsets from the trace's axis start in whole µs (what the link
 * carries: `zoom=1250000-2400000`). Offsets, not epoch times, so the numbers stay short and the
 * same link works whatever the reader's clock.
 */
export interface Zoom {
  startUs: number;
  endUs: number;
}

/** The narrowest zoom: ten ticks of 1 µs. */
const MIN_ZOOM_US = 10;

const ZOOM_TEXT = /^(\d{1,15})-(\d{1,15})$/;

/** `1250000-2400000` → the zoom, or null when it is not two whole µs offsets, start < end. */
export function parseZoom(text: string): Zoom | null {
  const match = ZOOM_TEXT.exec(text.trim());
  if (!match) return null;
  const startUs = Number(match[1]);
  const endUs = Number(match[2]);
  return endUs > startUs ? { startUs, endUs } : null;
}

export function formatZoom(zoom: Zoom): string {
  return `${zoom.startUs}-${zoom.endUs}`;
}

/**
 * A zoom made to fit a trace `lengthUs` long: whole µs, inside [0, length], at least
 * MIN_ZOOM_US wide (or the whole trace when it is shorter). Null when it shows the whole trace
 * (no zoom), or when it lies entirely outside the trace.
 */
export function fitZoom(zoom: Zoom, lengthUs: number): Zoom | null {
  const length = Math.max(0, Math.round(lengthUs));
  if (!(zoom.endUs > 0) || !(zoom.startUs < length)) return null;
  let start = Math.max(0, Math.round(zoom.startUs));
  let end = Math.min(length, Math.round(zoom.endUs));
  const width = Math.min(length, Math.max(end - start, MIN_ZOOM_US));
  if (end - start < width) {
    // Widen around the middle, then slide back inside the trace.
    const middle = (start + end) / 2;
    start = Math.round(middle - width / 2);
    end = start + width;
    if (start < 0) [start, end] = [0, width];
    if (end > length) [start, end] = [length - width, length];
  }
  return start <= 0 && end >= length ? null : { startUs: start, endUs: end };
}

/** The shown range as offsets: the zoom, or the whole trace. */
export function shownOffsets(zoom: Zoom | null, lengthUs: number): Zoom {
  return zoom ?? { startUs: 0, endUs: Math.max(lengthUs, 1) };
}

/** The zoom between two points of the shown range, given as fractions of its width (0–1). */
export function zoomBetween(
  shown: Zoom,
  fromFraction: number,
  toFraction: number,
  lengthUs: number,
): Zoom | null {
  const low = clamp01(Math.min(fromFraction, toFraction));
  const high = clamp01(Math.max(fromFraction, toFraction));
  const width = shown.endUs - shown.startUs;
  return fitZoom(
    { startUs: shown.startUs + low * width, endUs: shown.startUs + high * width },
    lengthUs,
  );
}

/**
 * Zooms by `factor` (< 1 in, > 1 out) keeping the point at `anchorFraction` of the shown range
 * where it is on screen (under the pointer, for the wheel).
 */
export function zoomAround(
  shown: Zoom,
  anchorFraction: number,
  factor: number,
  lengthUs: number,
): Zoom | null {
  const width = shown.endUs - shown.startUs;
  const anchor = shown.startUs + clamp01(anchorFraction) * width;
  const next = Math.max(width * factor, MIN_ZOOM_US);
  const start = anchor - clamp01(anchorFraction) * next;
  return fitZoom(slideInside(start, next, lengthUs), lengthUs);
}

/** Moves the shown range by `deltaUs`, keeping its width, stopping at the trace's ends. */
export function panBy(shown: Zoom, deltaUs: number, lengthUs: number): Zoom | null {
  const width = shown.endUs - shown.startUs;
  return fitZoom(slideInside(shown.startUs + deltaUs, width, lengthUs), lengthUs);
}

/** A range of `width` starting near `start`, moved back inside [0, length]. */
function slideInside(start: number, width: number, lengthUs: number): Zoom {
  const w = Math.min(width, lengthUs);
  const s = Math.min(Math.max(start, 0), Math.max(lengthUs - w, 0));
  return { startUs: s, endUs: s + w };
}

/** The epoch range a zoom shows on an axis starting at `axisStartUs`. */
export function zoomTimeRange(axisStartUs: number, shown: Zoom): TimeRange {
  return { startUs: axisStartUs + shown.startUs, endUs: axisStartUs + shown.endUs };
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
}
