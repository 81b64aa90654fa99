import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceNode } from '../../../api/schemas';
import { realTrace } from '../../../test/testTree';
import { parseTimestampUs } from '../../../lib/time';
import { buildTraceModel } from '../../../domain/trace/traceModel';
import { testModel } from '../../../test/testModel';
import { computeCriticalPath, criticalSectionsOf, type CriticalPath } from './criticalPath';
import { at, timedSpan as span } from '../../../test/testTraces';

/** Each span's name → its critical sections (µs after the base), for spans on the path. */
function sectionsByName(roots: TraceNode[]): Record<string, [number, number][]> {
  const tree = testModel(roots);
  const path = computeCriticalPath(tree);
  const base = parseTimestampUs(at(0));
  const result: Record<string, [number, number][]> = {};
  for (let i = 0; i < tree.count; i++) {
    if (path.mask[i] !== 1) continue;
    result[tree.nodes[i]!.name] = criticalSectionsOf(path, i).map(([s, e]) => [s - base, e - base]);
  }
  return result;
}

function totalCritical(path: CriticalPath): number {
  return path.criticalUs.reduce((sum, us) => sum + us, 0);
}

describe('computeCriticalPath', () => {
  it('goes through a member run, not around it, when a delegate_task_to_member call covers it', () => {
    const call = span(100, 900, {
      name: 'delegate_task_to_member',
      metadata: { tool_name: 'delegate_task_to_member', parameters: '{"member_id": "writer"}' },
    });
    const writer = span(110, 880, {
      type: 'AGENT',
      name: 'Writer.run',
      spans: [span(120, 870, { type: 'LLM', name: 'model' })],
    });
    expect(sectionsByName([span(0, 1000, { name: 'team', spans: [call, writer] })])).toEqual({
      team: [
        [0, 100],
        [900, 1000],
      ],
      delegate_task_to_member: [
        [100, 110],
        [880, 900],
      ],
      'Writer.run': [
        [110, 120],
        [870, 880],
      ],
      model: [[120, 870]],
    });
  });

  it('on the real team trace, credits each delegation only with the time its member run leaves', () => {
    const tree = buildTraceModel(realTrace('trace-team-delegation.json'));
    const path = computeCriticalPath(tree);
    const criticalOf = (name: string) =>
      tree.nodes.flatMap((node, i) => (node.name === name ? [path.criticalUs[i]] : []));
    // By hand from the timestamps: the calls run one after the other, so each is critical for
    // the time its run does not cover (719,596 − 706,795; 265,613 − 247,281), and the runs are
    // critical for their own self time (Writer.run 247,281 − 224,343).
    expect(criticalOf('delegate_task_to_member')).toEqual([12_801, 18_332]);
    expect(criticalOf('Writer.run')).toEqual([22_938]);
    expect(totalCritical(path)).toBe(1_537_133);
  });

  it('is the whole span for a lone span', () => {
    expect(sectionsByName([span(0, 1000, { name: 'root' })])).toEqual({ root: [[0, 1000]] });
  });

  it('follows sequential children one after the other, the parent filling the gaps', () => {
    const root = span(0, 100, {
      name: 'root',
      spans: [span(10, 40, { name: 'first' }), span(50, 90, { name: 'second' })],
    });
    expect(sectionsByName([root])).toEqual({
      root: [
        [0, 10],
        [40, 50],
        [90, 100],
      ],
      first: [[10, 40]],
      second: [[50, 90]],
    });
  });

  it('takes the last-finishing of parallel children and leaves the others off', () => {
    const root = span(0, 100, {
      name: 'root',
      spans: [span(10, 80, { name: 'parallel' }), span(20, 95, { name: 'slowest' })],
    });
    expect(sectionsByName([root])).toEqual({
      root: [
        [0, 20],
        [95, 100],
      ],
      slowest: [[20, 95]],
    });
  });

  it('goes down nested spans and back up', () => {
    const root = span(0, 100, {
      name: 'root',
      spans: [span(10, 90, { name: 'child', spans: [span(20, 60, { name: 'grandchild' })] })],
    });
    expect(sectionsByName([root])).toEqual({
      root: [
        [0, 10],
        [90, 100],
      ],
      child: [
        [10, 20],
        [60, 90],
      ],
      grandchild: [[20, 60]],
    });
  });

  it('follows a child that ends before a parallel sibling finishes', () => {
    // The tool started at 30 after the first model call; the second call waited on the tool.
    const root = span(0, 100, {
      name: 'agent',
      spans: [
        span(0, 30, { name: 'llm-1' }),
        span(30, 60, { name: 'tool' }),
        span(35, 50, { name: 'side-task' }),
        span(60, 100, { name: 'llm-2' }),
      ],
    });
    expect(Object.keys(sectionsByName([root])).sort()).toEqual(['llm-1', 'llm-2', 'tool']);
  });

  it('clips children to their parent (clock skew)', () => {
    const root = span(100, 200, {
      name: 'root',
      spans: [
        span(50, 250, {
          name: 'skewed',
          spans: [span(60, 120, { name: 'early' })],
        }),
      ],
    });
    expect(sectionsByName([root])).toEqual({
      skewed: [[120, 200]],
      early: [[100, 120]],
    });
  });

  it('leaves off a child entirely outside its parent, and its subtree', () => {
    const root = span(100, 200, {
      name: 'root',
      spans: [span(300, 400, { name: 'outside', spans: [span(310, 320, { name: 'below' })] })],
    });
    expect(sectionsByName([root])).toEqual({ root: [[100, 200]] });
  });

  it('leaves off spans with unparsable times', () => {
    const root = span(0, 100, {
      name: 'root',
      spans: [{ ...span(10, 20, { name: 'bad' }), start_time: 'yesterday' }],
    });
    expect(sectionsByName([root])).toEqual({ root: [[0, 100]] });
  });

  describe('several roots', () => {
    it('walks back through roots that follow each other, leaving gaps to nobody', () => {
      const roots = [span(0, 10, { name: 'r1' }), span(20, 30, { name: 'r2' })];
      expect(sectionsByName(roots)).toEqual({ r1: [[0, 10]], r2: [[20, 30]] });
    });

    it('covers the time before an orphan started with the root running then', () => {
      const roots = [span(0, 100, { name: 'main' }), span(50, 150, { name: 'orphan' })];
      expect(sectionsByName(roots)).toEqual({ main: [[0, 50]], orphan: [[50, 150]] });
    });

    it('prefers the root that covers the cursor over one that ended earlier', () => {
      const roots = [
        span(0, 20, { name: 'short' }),
        span(0, 100, { name: 'long' }),
        span(60, 150, { name: 'orphan' }),
      ];
      expect(sectionsByName(roots)).toEqual({ long: [[0, 60]], orphan: [[60, 150]] });
    });

    it('leaves a root inside another root off the path', () => {
      const roots = [span(0, 100, { name: 'main' }), span(20, 40, { name: 'inner' })];
      expect(sectionsByName(roots)).toEqual({ main: [[0, 100]] });
    });
  });

  it('handles a 10,000-level chain without recursion', () => {
    const depth = 10_000;
    let node = span(depth, depth + 1, { name: `level ${depth - 1}` });
    for (let level = depth - 2; level >= 0; level--) {
      node = span(level, 2 * depth - level, { name: `level ${level}`, spans: [node] });
    }
    const tree = testModel([node]);
    const path = computeCriticalPath(tree);
    expect(path.spanCount).toBe(depth);
    expect(totalCritical(path)).toBe(2 * depth);
  });

  it('is an empty path for an empty tree', () => {
    const path = computeCriticalPath(testModel([]));
    expect(path.spanCount).toBe(0);
  });
});

/** Random trees with sane or skewed times, several roots possible. */
const randomForest = fc
  .array(
    fc.record({
      parent: fc.nat(),
      isRoot: fc.boolean(),
      start: fc.integer({ min: 0, max: 1000 }),
      length: fc.integer({ min: 0, max: 500 }),
    }),
    { minLength: 1, maxLength: 80 },
  )
  .map((specs) => {
    const nodes = specs.map((s, k) =>
      span(s.start, s.start + s.length, { name: `s${k}`, id: `s${k}` }),
    );
    const roots: TraceNode[] = [];
    specs.forEach((s, k) => {
      if (k === 0 || s.isRoot) roots.push(nodes[k]!);
      else (nodes[s.parent % k]!.spans ??= []).push(nodes[k]!);
    });
    return roots;
  });

describe('computeCriticalPath on random trees', () => {
  it('gives disjoint sections inside each span, never more than the trace', () => {
    fc.assert(
      fc.property(randomForest, (roots) => {
        const tree = testModel(roots);
        const path = computeCriticalPath(tree);
        const all: [number, number][] = [];
        for (let i = 0; i < tree.count; i++) {
          const sections = criticalSectionsOf(path, i);
          expect(path.mask[i] === 1).toBe(sections.length > 0);
          for (const [s, e] of sections) {
            expect(e).toBeGreaterThan(s);
            expect(s).toBeGreaterThanOrEqual(tree.startUs[i]!);
            expect(e).toBeLessThanOrEqual(tree.endUs[i]!);
            all.push([s, e]);
          }
        }
        all.sort((a, b) => a[0] - b[0]);
        for (let k = 1; k < all.length; k++) {
          expect(all[k]![0]).toBeGreaterThanOrEqual(all[k - 1]![1]);
        }
        expect(totalCritical(path)).toBeLessThanOrEqual(tree.endBoundUs - tree.startBoundUs);
      }),
    );
  });

  it('covers a single root from its start to its end', () => {
    fc.assert(
      fc.property(randomForest, (roots) => {
        const root = roots[0]!;
        const tree = testModel([root]);
        const path = computeCriticalPath(tree);
        expect(totalCritical(path)).toBe(tree.endUs[0]! - tree.startUs[0]!);
      }),
    );
  });
});
