import { useCallback, useEffect, useRef, useState } from 'react';

/** The URL follows the selection after this pause, so holding ↓ does not flood the history API. */
const URL_WRITE_DELAY_MS = 120;

/**
 * The selected span: shown at once from local state, written to the URL (`?span=`) shortly
 * after. Waiting for the router's navigation before showing a click would cost a frame or two.
 * A change of the URL from outside (Back, an edited address) still wins. `initialSpanId` is
 * selected on arrival when the URL names none (error-first landing); it stays out of the URL,
 * so the address still means "this trace, as it opens".
 */
export function useSelectedSpan(
  urlSpanId: string | null,
  writeUrl: (spanId: string | null) => void,
  initialSpanId: string | null = null,
) {
  const [selected, setSelected] = useState(urlSpanId ?? initialSpanId);
  // The URL value last seen, and the last value this hook wrote itself: a URL change that is
  // only our own write catching up must not move the selection (the user may have moved on).
  const [lastUrlSpanId, setLastUrlSpanId] = useState(urlSpanId);
  const [lastWritten, setLastWritten] = useState<string | null | undefined>(undefined);
  const timer = useRef<number | undefined>(undefined);

  if (urlSpanId !== lastUrlSpanId) {
    // Adjusting state while rendering (not in an effect) avoids a frame with the stale value.
    setLastUrlSpanId(urlSpanId);
    if (urlSpanId !== lastWritten) setSelected(urlSpanId);
  }

  const select = useCallback(
    (spanId: string | null) => {
      setSelected(spanId);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        setLastWritten(spanId);
        writeUrl(spanId);
      }, URL_WRITE_DELAY_MS);
    },
    [writeUrl],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);
  return [selected, select] as const;
}
