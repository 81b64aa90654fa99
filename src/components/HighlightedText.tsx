import { createContext, useContext, useMemo } from 'react';
import { splitHighlights } from '../lib/highlightMatches';
import styles from './HighlightedText.module.css';

/** The search query whose matches texts below mark ('' for none). */
export const HighlightQueryContext = createContext('');

export function useHighlightQuery(): string {
  return useContext(HighlightQueryContext);
}

export interface HighlightedTextProps {
  text: string;
  /** Defaults to the query of the nearest HighlightQueryContext. */
  query?: string;
}

/** Text with the query's matches in <mark>; always text, never markup. */
export function HighlightedText({ text, query: givenQuery }: HighlightedTextProps) {
  const contextQuery = useHighlightQuery();
  const query = givenQuery ?? contextQuery;
  const segments = useMemo(() => splitHighlights(text, query), [text, query]);
  if (segments.length === 1 && !segments[0]!.isMatch) return text;
  return segments.map((segment, i) =>
    segment.isMatch ? (
      <mark key={i} className={styles.mark}>
        {segment.text}
      </mark>
    ) : (
      segment.text
    ),
  );
}
