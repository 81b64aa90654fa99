import { useCallback, useState } from 'react';

const STORAGE_KEY = 'agentos-trace-viewer:name-column-px';
export const MIN_NAME_COLUMN_PX = 140;
/** Room the duration and bar columns keep however wide the names get. */
const KEEP_FOR_BARS_PX = 180;

/**
 * The width of the waterfall's name column in pixels, or null for the default (a share of the
 * waterfall). A reader's preference, like a column width in a spreadsheet: it is remembered in
 * this browser and not put in links.
 */
export function useNameColumnWidth(): [number | null, (px: number | null) => void] {
  const [width, setWidth] = useState<number | null>(readStored);
  const update = useCallback((px: number | null) => {
    setWidth(px);
    try {
      if (px === null) localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, String(Math.round(px)));
    } catch {
      // Storage may be off (private mode, a policy): the width then lasts as long as the page.
    }
  }, []);
  return [width, update];
}

function readStored(): number | null {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(value) && value >= MIN_NAME_COLUMN_PX ? value : null;
  } catch {
    return null;
  }
}

/** A width kept between the minimum and what leaves the bars their room. */
export function clampNameColumn(px: number, waterfallWidth: number): number {
  const max = Math.max(MIN_NAME_COLUMN_PX, waterfallWidth - KEEP_FOR_BARS_PX);
  return Math.min(Math.max(px, MIN_NAME_COLUMN_PX), max);
}
