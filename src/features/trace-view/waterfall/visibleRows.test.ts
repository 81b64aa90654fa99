import { describe, expect, it } from 'vitest';
import { buildSpanTree } from '../../../domain/trace/buildSpanTree';
import { applySpanFilter } from './spanFilter';
import { searchSpans } from './spanSearch';
import { makeSpan } from '../../../test/testSpans';
import {
  collapseAll,
  collapseToDepth,
  expandAll,
  expandAncestors,
  flattenVisibleRows,
  toggleCollapsed,
} from './visibleRows';

// root(0) ─ a(1) ─ a1(2), a2(3) ; b(4)
const tree = buildSpanTree([
  makeSpan({
    id: 'root',
    type: 'AGENT',
    spans: [
      makeSpan({
        id: 'a',
        type: 'LLM',
        metadata: { model: 'gpt-4o-mini' },
        spans: [
          makeSpan({ id: 'a1', name: 'get_stock_price', status: 'ERROR' }),
          makeSpan({ id: 'a2', output: 'TSLA closed at 245.67' }),
        ],
      }),
      makeSpan({ id: 'b', type: 'LLM' }),
    ],
  }),
]);

const rows = (array: Int32Array) => Array.from(array);

describe('flattenVisibleRows', () => {
  it('shows everything when nothing is collapsed', () => {
    expect(rows(flattenVisibleRows(tree, expandAll(tree)))).toEqual([0, 1, 2, 3, 4]);
  });

  it('hides the subtree of a collapsed span but keeps the span', () => {
    expect(rows(flattenVisibleRows(tree, toggleCollapsed(expandAll(tree), 1)))).toEqual([0, 1, 4]);
    expect(rows(flattenVisibleRows(tree, collapseAll(tree)))).toEqual([0]);
  });

  it('collapses to a chosen depth', () => {
    expect(rows(flattenVisibleRows(tree, collapseToDepth(tree, 2)))).toEqual([0, 1, 4]);
    expect(rows(flattenVisibleRows(tree, collapseToDepth(tree, 3)))).toEqual([0, 1, 2, 3, 4]);
  });

  it('with a filter, keeps matches and their ancestors only', () => {
    const errors = applySpanFilter(tree, {
      types: new Set(),
      errorsOnly: true,
      repeatedOnly: false,
    });
    expect(errors.matchCount).toBe(1);
    expect(rows(flattenVisibleRows(tree, expandAll(tree), errors.keep))).toEqual([0, 1, 2]);
    const llm = applySpanFilter(tree, {
      types: new Set(['LLM']),
      errorsOnly: false,
      repeatedOnly: false,
    });
    expect(rows(flattenVisibleRows(tree, expandAll(tree), llm.keep))).toEqual([0, 1, 4]);
  });

  it('filters to the repeated calls once they are known', () => {
    const filter = { types: new Set<string>(), errorsOnly: false, repeatedOnly: true };
    const repeated = Uint8Array.from([0, 0, 1, 1, 0]);
    const result = applySpanFilter(tree, filter, repeated);
    expect(result.matchCount).toBe(2);
    expect(rows(flattenVisibleRows(tree, expandAll(tree), result.keep))).toEqual([0, 1, 2, 3]);
    // Before the scan is done nothing matches, rather than everything.
    expect(applySpanFilter(tree, filter, null).matchCount).toBe(0);
  });
});

describe('expandAncestors', () => {
  it('opens the path to a span and leaves the rest', () => {
    const collapsed = expandAncestors(tree, collapseAll(tree), 3);
    expect(rows(flattenVisibleRows(tree, collapsed))).toEqual([0, 1, 2, 3, 4]);
    const onlyPath = expandAncestors(tree, collapseAll(tree), 4);
    expect(rows(flattenVisibleRows(tree, onlyPath))).toEqual([0, 1, 4]);
  });

  it('returns the same array when nothing needed opening', () => {
    const collapsed = expandAll(tree);
    expect(expandAncestors(tree, collapsed, 3)).toBe(collapsed);
  });
});

describe('searchSpans', () => {
  it('matches names, ids, models, tool names and outputs, ignoring case', () => {
    expect(rows(searchSpans(tree, 'STOCK'))).toEqual([2]);
    expect(rows(searchSpans(tree, 'gpt-4o'))).toEqual([1]);
    expect(rows(searchSpans(tree, '245.67'))).toEqual([3]);
    expect(rows(searchSpans(tree, 'a1'))).toEqual([2]);
  });

  it('treats the query as text, not a pattern', () => {
    expect(rows(searchSpans(tree, '.*'))).toEqual([]);
  });

  it('finds nothing for an empty query', () => {
    expect(rows(searchSpans(tree, '  '))).toEqual([]);
  });
});
