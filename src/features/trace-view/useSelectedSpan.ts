import { useCallback, useEffect, useRef, useState } from 'react';

/** The URL follows the selection after this pause, so holding ↓ does not flood the history API. */
const URL_WRITE_DELAY_MS = 120;

/**
 * The selected span: shown at once from local state, written to the URL (`?span=`) shortly
 * after. Waiting for the router's navigation before showing a click would cost a frame or two.
 * A change of the URL from outside (Back, an edited address) still wins.
 */
export function useSelectedSpan(
  urlSpanId: string | null,
  writeUrl: (spanId: string | null) => void,
) {
  const [selected, setSelected] = useState(urlSpanId);
  const [lastUrlSpanId, setLastUrlSpanId] = useState(urlSpanId);
  const timer = useRef<number | undefined>(undefined);

  if (urlSpanId !== lastUrlSpanId) {
    // Adjusting state while rendering (not in an effect) avoids a frame with the stale value.
    setLastUrlSpanId(urlSpanId);
    setSelected(urlSpanId);
  }

  const select = useCallback(
    (spanId: string | null) => {
      setSelected(spanId);
      setLastUrlSpanId(spanId);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => writeUrl(spanId), URL_WRITE_DELAY_MS);
    },
    [writeUrl],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);
  return [selected, select] as const;
}
