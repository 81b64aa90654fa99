import { useCallback, useState } from 'react';
import type { SpanTree } from '../../../domain/trace/buildSpanTree';
import {
  collapseAll,
  collapseToDepth,
  expandAll,
  expandAncestors,
  setCollapsed,
  toggleCollapsed,
  type CollapsedSpans,
} from './visibleRows';

/** Which parents are collapsed, with stable callbacks (rows are memoized on them). */
export function useCollapsedSpans(tree: SpanTree) {
  const [collapsed, setState] = useState<CollapsedSpans>(() => expandAll(tree));
  return {
    collapsed,
    toggle: useCallback((index: number) => setState((prev) => toggleCollapsed(prev, index)), []),
    set: useCallback(
      (index: number, value: boolean) => setState((prev) => setCollapsed(prev, index, value)),
      [],
    ),
    reveal: useCallback(
      (index: number) => setState((prev) => expandAncestors(tree, prev, index)),
      [tree],
    ),
    expandAll: useCallback(() => setState(expandAll(tree)), [tree]),
    collapseAll: useCallback(() => setState(collapseAll(tree)), [tree]),
    collapseToDepth: useCallback(
      (levels: number) => setState(collapseToDepth(tree, levels)),
      [tree],
    ),
  };
}
