import { useState } from 'react';

const STORAGE_KEY = 'agentos-trace-viewer.list-chart';

function readShown(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'hidden';
  } catch {
    return true;
  }
}

/**
 * Whether the results chart shows above the table: each reader's own choice (like the theme),
 * remembered in this browser, not part of a shared link.
 */
export function useChartShown() {
  const [isShown, setShown] = useState(readShown);
  const toggle = () => {
    const next = !isShown;
    setShown(next);
    try {
      if (next) localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, 'hidden');
    } catch {
      // Storage refused (private mode): the choice lasts as long as the page.
    }
  };
  return [isShown, toggle] as const;
}
