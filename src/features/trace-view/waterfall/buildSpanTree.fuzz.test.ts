import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceDetail, TraceNode } from '../../../api/schemas';
import { diagnoseTrace } from '../treeDiagnostics';
import { buildSpanTree, type SpanTree } from '../../../domain/trace/buildSpanTree';
import { buildTraceModel } from '../../../domain/trace/traceModel';
import { computeSelfTimes, summarizeTimeByType, summarizeTokensByModel } from './selfTime';
import { applySpanFilter, spanTypesIn } from './spanFilter';
import { searchSpans } from './spanSearch';
import { rangeTicks } from '../timeline/rangeTicks';
import { barGeometry, createTimeScale } from './timeScale';
import {
  collapseAll,
  collapseToDepth,
  countCollapsed,
  expandAll,
  expandAncestors,
  flattenVisibleRows,
  setCollapsed,
  toggleCollapsed,
  type CollapsedSpans,
} from './visibleRows';

/*
 * Property-based tests of the tree flattener and the collapse helpers over random trees: random
 * shapes (wide, deep, several roots), ids drawn from a small pool (so duplicates are common), the
 * same subtree listed under two parents, and times that are zone-less, unparsable, equal or
 * reversed. Whatever the shape, nothing throws and the flat arrays tell the truth.
 */

const TIMES = [
  '2025-11-19T10:30:00Z',
  '2025-11-19T10:30:00.000001Z',
  '2025-11-19T10:30:00.5+00:00',
  '2025-11-19T10:30:01',
  '2025-11-19 10:30:02+05:30',
  '2025-11-19T10:29:59.999999Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999Z',
  'yesterday',
  '',
] as const;

const spanFields = fc.record({
  id: fc.oneof(fc.constantFrom('a', 'b', 'c', 'root', '__proto__', 'constructor'), fc.string()),
  type: fc.constantFrom('LLM', 'TOOL', 'AGENT', 'TEAM', 'CHAIN', '', 'constructor'),
  status: fc.constantFrom('OK', 'ERROR', 'UNSET', 'weird'),
  start: fc.constantFrom(...TIMES),
  end: fc.constantFrom(...TIMES),
  name: fc.string({ maxLength: 12 }),
  output: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
});

/**
 * A forest from parent choices: span k hangs under an earlier span or starts a new root.
 * `shares` list spans whose subtree is listed a second time under another parent.
 */
const forest = fc
  .record({
    spans: fc.array(spanFields, { minLength: 0, maxLength: 120 }),
    parents: fc.array(fc.nat(), { maxLength: 120 }),
    shares: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
    chain: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ spans, parents, shares, chain }) => {
    const nodes: TraceNode[] = spans.map((s) => ({
      id: s.id,
      name: s.name,
      type: s.type,
      duration: '1ms',
      start_time: s.start,
      end_time: s.end,
      status: s.status,
      ...(s.output !== undefined ? { output: s.output } : {}),
    }));
    const roots: TraceNode[] = [];
    nodes.forEach((node, k) => {
      // chain > 0 makes long chains (each span under the previous one) more likely.
      const choice = parents[k] ?? k;
      const parent = k === 0 || choice % (k + chain) >= k ? -1 : choice % (k + chain);
      const target = parent < 0 ? roots : (nodes[parent]!.spans ??= []);
      target.push(node);
    });
    for (const [from, to] of shares) {
      if (nodes.length === 0) break;
      // Only under an earlier span (a later one could be inside the subtree: a cycle).
      const shared = nodes[from % nodes.length]!;
      const index = nodes.indexOf(shared);
      if (index === 0) continue;
      const parent = nodes[to % index]!;
      if (!isInside(parent, shared)) (parent.spans ??= []).push(shared);
    }
    return roots;
  });

function isInside(node: TraceNode, root: TraceNode): boolean {
  const stack = [root];
  for (let at = stack.pop(); at; at = stack.pop()) {
    if (at === node) return true;
    stack.push(...(at.spans ?? []));
  }
  return false;
}

/** Reference pre-order walk, written independently of buildSpanTree. */
function preorder(roots: readonly TraceNode[]) {
  const order: { node: TraceNode; parent: number; depth: number }[] = [];
  const stack = [...roots].reverse().map((node) => ({ node, parent: -1, depth: 0 }));
  for (let at = stack.pop(); at; at = stack.pop()) {
    const index = order.length;
    order.push(at);
    const children = at.node.spans ?? [];
    for (let c = children.length - 1; c >= 0; c--) {
      stack.push({ node: children[c]!, parent: index, depth: at.depth + 1 });
    }
  }
  return order;
}

function ancestorsOf(tree: SpanTree, index: number): number[] {
  const out: number[] = [];
  for (let at = tree.parentIndex[index]!; at >= 0; at = tree.parentIndex[at]!) out.push(at);
  return out;
}

function checkTree(roots: TraceNode[], tree: SpanTree): void {
  const order = preorder(roots);
  expect(tree.count).toBe(order.length);
  expect(tree.rootCount).toBe(roots.length);
  const firstIndex = new Map<string, number>();
  let maxDepth = 0;
  for (let i = 0; i < tree.count; i++) {
    const expected = order[i]!;
    expect(tree.nodes[i]).toBe(expected.node);
    expect(tree.parentIndex[i]).toBe(expected.parent);
    expect(tree.depth[i]).toBe(expected.depth);
    // Walks up the tree always end: a parent comes before its children.
    expect(tree.parentIndex[i]!).toBeLessThan(i);
    if (!firstIndex.has(expected.node.id)) firstIndex.set(expected.node.id, i);
    maxDepth = Math.max(maxDepth, expected.depth);
  }
  expect(tree.maxDepth).toBe(maxDepth);
  for (const [id, index] of firstIndex) expect(tree.indexById.get(id)).toBe(index);
  expect(tree.indexById.size).toBe(firstIndex.size);
  expect(tree.duplicateIds.length).toBe(tree.count - firstIndex.size);

  // Subtree sizes: 1 + the children's; the subtree is the contiguous range after the span.
  const childSum = new Int32Array(tree.count);
  const errorSum = new Int32Array(tree.count);
  const children = new Int32Array(tree.count);
  for (let i = tree.count - 1; i >= 0; i--) {
    const parent = tree.parentIndex[i]!;
    const isError = tree.nodes[i]!.status === 'ERROR' ? 1 : 0;
    expect(tree.isError[i]).toBe(isError);
    expect(tree.subtreeSize[i]).toBe(1 + childSum[i]!);
    expect(tree.subtreeErrors[i]).toBe(isError + errorSum[i]!);
    expect(tree.childCount[i]).toBe(children[i]);
    if (parent >= 0) {
      childSum[parent]! += tree.subtreeSize[i]!;
      errorSum[parent]! += tree.subtreeErrors[i]!;
      children[parent]! += 1;
    }
    for (let j = i + 1; j < i + tree.subtreeSize[i]!; j++) {
      expect(ancestorsOf(tree, j)).toContain(i);
    }
  }

  // Positions among siblings, for aria-posinset / aria-setsize.
  const seen = new Map<number, number>();
  for (let i = 0; i < tree.count; i++) {
    const parent = tree.parentIndex[i]!;
    const position = seen.get(parent) ?? 0;
    expect(tree.siblingIndex[i]).toBe(position);
    seen.set(parent, position + 1);
  }

  // The time axis holds every parsable time (when there are both starts and ends to make one:
  // otherwise it falls back to 0..0), and every bar fits in it.
  expect(Number.isFinite(tree.startBoundUs) && Number.isFinite(tree.endBoundUs)).toBe(true);
  const hasAxis = tree.startUs.some(Number.isFinite) && tree.endUs.some(Number.isFinite);
  const scale = createTimeScale(tree.startBoundUs, tree.endBoundUs);
  for (let i = 0; i < tree.count; i++) {
    const start = tree.startUs[i]!;
    const end = tree.endUs[i]!;
    if (hasAxis && Number.isFinite(start)) expect(start).toBeGreaterThanOrEqual(tree.startBoundUs);
    if (hasAxis && Number.isFinite(end)) expect(end).toBeLessThanOrEqual(tree.endBoundUs);
    const bar = barGeometry(scale, start, end);
    // A span whose end is before its start can lie past the axis's end: an arrow, not a bar.
    if (bar.clip === 'before' || bar.clip === 'after') expect(bar.widthPercent).toBe(0);
    else expect(bar.widthPercent).toBeGreaterThan(0);
    expect(bar.leftPercent).toBeGreaterThanOrEqual(0);
    expect(bar.leftPercent + bar.widthPercent).toBeLessThanOrEqual(100 + 1e-9);
  }
  expect(rangeTicks(scale, scale.startUs).length).toBeLessThan(50);
}

/** The rows that should show: every span whose ancestors are all expanded (and kept). */
function expectedRows(tree: SpanTree, collapsed: CollapsedSpans, keep?: Uint8Array): number[] {
  const rows: number[] = [];
  for (let i = 0; i < tree.count; i++) {
    if (keep && keep[i] === 0) continue;
    const hidden = ancestorsOf(tree, i).some(
      (a) => collapsed[a] === 1 || (keep !== undefined && keep[a] === 0),
    );
    if (!hidden) rows.push(i);
  }
  return rows;
}

type Step =
  | { op: 'toggle' | 'collapse' | 'expand' | 'reveal'; at: number }
  | { op: 'collapseAll' | 'expandAll' }
  | { op: 'depth'; levels: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constantFrom(
      'toggle' as const,
      'collapse' as const,
      'expand' as const,
      'reveal' as const,
    ),
    at: fc.nat(),
  }),
  fc.record({ op: fc.constantFrom('collapseAll' as const, 'expandAll' as const) }),
  fc.record({ op: fc.constant('depth' as const), levels: fc.integer({ min: 0, max: 6 }) }),
);

function applyStep(tree: SpanTree, collapsed: CollapsedSpans, s: Step): CollapsedSpans {
  const at = 'at' in s ? s.at % tree.count : 0;
  switch (s.op) {
    case 'toggle':
      return toggleCollapsed(collapsed, at);
    case 'collapse':
      return setCollapsed(collapsed, at, true);
    case 'expand':
      return setCollapsed(collapsed, at, false);
    case 'reveal': {
      const next = expandAncestors(tree, collapsed, at);
      expect(flattenVisibleRows(tree, next)).toContain(at);
      return next;
    }
    case 'collapseAll':
      return collapseAll(tree);
    case 'expandAll':
      return expandAll(tree);
    case 'depth': {
      const next = collapseToDepth(tree, s.levels);
      for (const row of flattenVisibleRows(tree, next)) {
        expect(tree.depth[row]!).toBeLessThanOrEqual(Math.max(s.levels - 1, 0));
      }
      return next;
    }
  }
}

describe('buildSpanTree on random trees', () => {
  it('matches a reference pre-order walk, with consistent sizes, positions and bars', () => {
    fc.assert(
      fc.property(forest, (roots) => {
        checkTree(roots, buildSpanTree(roots));
      }),
      { numRuns: 1_500 },
    );
  });

  it('never throws in the helpers that read the tree', () => {
    fc.assert(
      fc.property(forest, fc.string({ maxLength: 6 }), (roots, query) => {
        const trace: TraceDetail = {
          trace_id: 't',
          name: 'n',
          status: 'OK',
          duration: '1ms',
          start_time: roots[0]?.start_time ?? '',
          end_time: roots[0]?.end_time ?? '',
          created_at: '',
          total_spans: 0,
          error_count: 0,
          tree: roots,
        };
        const tree = buildTraceModel(trace);
        const selfTimes = computeSelfTimes(tree);
        expect(Array.from(tree.selfTimeUs)).toEqual(Array.from(selfTimes));
        expect(tree.spanTypeCounts).toEqual(spanTypesIn(tree));
        expect(Number.isFinite(tree.axisStartUs) && Number.isFinite(tree.axisEndUs)).toBe(true);
        summarizeTimeByType(tree, selfTimes);
        summarizeTokensByModel(tree);
        // Regex characters in the query are taken literally.
        searchSpans(tree, query);
        searchSpans(tree, '(.*[');
        expect(Array.isArray(diagnoseTrace(trace, tree))).toBe(true);
      }),
      { numRuns: 800 },
    );
  });
});

describe('flattenVisibleRows and the collapse helpers', () => {
  it('shows exactly the spans whose ancestors are expanded, in tree order', () => {
    fc.assert(
      fc.property(
        forest.filter((roots) => roots.length > 0),
        fc.array(step, { minLength: 1, maxLength: 12 }),
        fc.option(
          fc.record({
            types: fc.subarray(['LLM', 'TOOL', 'AGENT', 'CHAIN']),
            errorsOnly: fc.boolean(),
          }),
          { nil: undefined },
        ),
        (roots, steps, filter) => {
          const tree = buildSpanTree(roots);
          const keep = filter
            ? applySpanFilter(tree, {
                types: new Set(filter.types),
                errorsOnly: filter.errorsOnly,
                repeatedOnly: false,
              }).keep
            : undefined;
          let collapsed = expandAll(tree);
          for (const s of steps) {
            const next = applyStep(tree, collapsed, s);
            // Helpers return new arrays (React sees the change) and leave the old one alone.
            if (next !== collapsed) expect(next.buffer).not.toBe(collapsed.buffer);
            collapsed = next;
            const rows = Array.from(flattenVisibleRows(tree, collapsed, keep));
            // A subsequence of the pre-order (indexes increase), and exactly the visible spans.
            for (let r = 1; r < rows.length; r++) expect(rows[r]!).toBeGreaterThan(rows[r - 1]!);
            expect(rows).toEqual(expectedRows(tree, collapsed, keep));
            let collapsedCount = 0;
            for (const value of collapsed) collapsedCount += value;
            expect(countCollapsed(collapsed)).toBe(collapsedCount);
          }
          // A filter keeps the ancestors of every match.
          if (keep) {
            for (let i = 0; i < tree.count; i++) {
              if (keep[i] === 1) for (const a of ancestorsOf(tree, i)) expect(keep[a]).toBe(1);
            }
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('handles 10,000 levels and 100,000 siblings without recursion', () => {
    let deep: TraceNode | undefined;
    for (let level = 9_999; level >= 0; level--) {
      deep = {
        id: `l${level}`,
        name: 'x',
        type: 'TOOL',
        duration: '1ms',
        start_time: TIMES[0],
        end_time: TIMES[1],
        status: level === 9_999 ? 'ERROR' : 'OK',
        ...(deep ? { spans: [deep] } : {}),
      };
    }
    const chain = buildSpanTree([deep!]);
    expect(chain.maxDepth).toBe(9_999);
    expect(chain.subtreeErrors[0]).toBe(1);
    const revealed = expandAncestors(chain, collapseAll(chain), 9_999);
    expect(flattenVisibleRows(chain, revealed)).toHaveLength(10_000);

    const siblings = Array.from({ length: 100_000 }, (_, k) => ({
      id: `s${k}`,
      name: 'x',
      type: 'TOOL',
      duration: '1ms',
      start_time: TIMES[k % TIMES.length]!,
      end_time: TIMES[(k * 7) % TIMES.length]!,
      status: 'OK',
    }));
    const wide = buildSpanTree([{ ...siblings[0]!, id: 'root', spans: siblings }]);
    expect(wide.childCount[0]).toBe(100_000);
    expect(wide.siblingIndex[100_000]).toBe(99_999);
    expect(flattenVisibleRows(wide, collapseAll(wide))).toHaveLength(1);
    expect(flattenVisibleRows(wide, expandAll(wide))).toHaveLength(100_001);
  });
});
