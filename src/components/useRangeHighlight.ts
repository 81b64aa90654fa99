import { useEffect, type RefObject } from 'react';
import { MAX_MARKS, queryPattern } from '../lib/highlightMatches';

/** The name styled by `::highlight(search-match)` (JsonViewer.module.css). */
const HIGHLIGHT_NAME = 'search-match';
const rangesByElement = new Map<Element, Range[]>();

function publish(): void {
  const all = [...rangesByElement.values()].flat();
  if (all.length === 0) CSS.highlights.delete(HIGHLIGHT_NAME);
  else CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...all));
}

function rangesIn(root: Element, pattern: RegExp): Range[] {
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && ranges.length < MAX_MARKS; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    pattern.lastIndex = 0;
    for (
      let match = pattern.exec(text);
      match && ranges.length < MAX_MARKS;
      match = pattern.exec(text)
    ) {
      const range = new Range();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      ranges.push(range);
    }
  }
  return ranges;
}

/**
 * Marks the matches of `query` in the text under `ref` without touching its DOM (the CSS Custom
 * Highlight API), for markup a library renders: re-marked as nodes fold and unfold. Does nothing
 * where the API is missing.
 */
export function useRangeHighlight(ref: RefObject<Element | null>, query: string): void {
  useEffect(() => {
    const root = ref.current;
    const pattern = queryPattern(query);
    if (!root || !pattern || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const update = () => {
      rangesByElement.set(root, rangesIn(root, pattern));
      publish();
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      rangesByElement.delete(root);
      publish();
    };
  }, [ref, query]);
}
