import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceNode } from '../../api/schemas';
import { makeSpan } from '../../test/testSpans';
import { timedSpan as span } from '../../test/testTraces';
import { realTrace } from '../../test/testTree';
import { buildSpanTree } from './buildSpanTree';
import { computeSelfTimes } from './selfTimes';

function selfTimesOf(roots: TraceNode[]): number[] {
  return Array.from(computeSelfTimes(buildSpanTree(roots)));
}

describe('computeSelfTimes', () => {
  it('is the whole duration for a leaf', () => {
    expect(selfTimesOf([span(0, 1500)])).toEqual([1500]);
  });

  it('subtracts sequential children', () => {
    const root = span(0, 10_000, { spans: [span(1000, 3000), span(4000, 7000)] });
    expect(selfTimesOf([root])).toEqual([5000, 2000, 3000]);
  });

  it('counts time covered by overlapping children once', () => {
    // Parallel tool calls: [1000, 5000) ∪ [2000, 6000) ∪ [5500, 5800) = [1000, 6000)
    const root = span(0, 10_000, {
      spans: [span(1000, 5000), span(2000, 6000), span(5500, 5800)],
    });
    expect(selfTimesOf([root])[0]).toBe(5000);
  });

  it('handles children that are not sorted by start', () => {
    const root = span(0, 10_000, { spans: [span(6000, 8000), span(1000, 2000), span(1500, 3000)] });
    expect(selfTimesOf([root])[0]).toBe(10_000 - 2000 - 2000);
  });

  it('clips children that start before or end after their parent (clock skew)', () => {
    const root = span(1000, 5000, { spans: [span(500, 2000), span(4500, 6000)] });
    expect(selfTimesOf([root])).toEqual([4000 - 1000 - 500, 1500, 1500]);
  });

  it('ignores a child entirely outside its parent', () => {
    const root = span(1000, 5000, { spans: [span(6000, 7000)] });
    expect(selfTimesOf([root])[0]).toBe(4000);
  });

  it('subtracts only direct children when nested', () => {
    const grandchild = span(2000, 4000);
    const child = span(1000, 5000, { spans: [grandchild] });
    const root = span(0, 10_000, { spans: [child] });
    expect(selfTimesOf([root])).toEqual([6000, 2000, 2000]);
  });

  it('gives zero to zero-length, reversed and unparsable spans, and ignores such children', () => {
    const root = span(0, 1000, {
      spans: [
        span(500, 500),
        span(800, 600),
        makeSpan({ start_time: 'not a time', end_time: 'also not' }),
      ],
    });
    expect(selfTimesOf([root])).toEqual([1000, 0, 0, 0]);
  });

  it('keeps sub-millisecond precision', () => {
    const root = span(0, 900, { spans: [span(100, 350)] });
    expect(selfTimesOf([root])).toEqual([650, 250]);
  });

  it('handles several roots', () => {
    expect(selfTimesOf([span(0, 100, { spans: [span(10, 20)] }), span(0, 50)])).toEqual([
      90, 10, 50,
    ]);
  });

  it('handles a wide trace with 100,000 children', () => {
    const children = Array.from({ length: 100_000 }, (_, i) => span(i * 10, i * 10 + 5));
    const times = computeSelfTimes(buildSpanTree([span(0, 1_000_000, { spans: children })]));
    expect(times[0]).toBe(1_000_000 - 100_000 * 5);
  });

  it('stays between 0 and the duration, and matches a brute-force count', () => {
    const interval = fc
      .tuple(fc.integer({ min: -20, max: 120 }), fc.integer({ min: 0, max: 60 }))
      .map(([start, length]) => [start, start + length] as const);
    fc.assert(
      fc.property(interval, fc.array(interval, { maxLength: 8 }), ([ps, pe], kids) => {
        const root = span(ps, pe, { spans: kids.map(([s, e]) => span(s, e)) });
        const self = selfTimesOf([root])[0]!;
        // Brute force over whole microseconds: the endpoints are integers.
        let expected = 0;
        for (let t = ps; t < pe; t++) {
          if (!kids.some(([s, e]) => s <= t && t < e)) expected += 1;
        }
        expect(self).toBe(expected);
        expect(self).toBeGreaterThanOrEqual(0);
        expect(self).toBeLessThanOrEqual(pe - ps);
      }),
    );
  });
});

describe('computeSelfTimes with team delegation', () => {
  it('gives a delegate_task_to_member call only the time its member run does not cover', () => {
    // A member run is the TOOL span's sibling, not its child, yet runs inside it.
    const tool = span(100, 900, {
      name: 'delegate_task_to_member',
      metadata: { tool_name: 'delegate_task_to_member', parameters: '{"member_id": "writer"}' },
    });
    const writer = span(110, 880, { type: 'AGENT', name: 'Writer.run' });
    expect(selfTimesOf([span(0, 1000, { type: 'TEAM', spans: [tool, writer] })])).toEqual([
      1000 - 800, // the team: unchanged, the union of its children is [100, 900)
      800 - 770,
      770,
    ]);
  });

  it('on the real team trace, leaves each delegation a few milliseconds of its own', () => {
    const tree = buildSpanTree(realTrace('trace-team-delegation.json').tree);
    const times = computeSelfTimes(tree);
    const selfOf = (name: string) =>
      tree.nodes.flatMap((node, i) => (node.name === name ? [times[i]] : []));
    // From the file's timestamps (seconds after 20:09:12):
    // first call 0.721717–1.441313, Researcher.run 0.723276–1.430071: 719,596 − 706,795;
    // second call 1.542217–1.807830, Writer.run 1.543627–1.790908: 265,613 − 247,281.
    expect(selfOf('delegate_task_to_member')).toEqual([12_801, 18_332]);
    // The member runs keep theirs: Writer.run 247,281 − its model call 224,343.
    expect(selfOf('Writer.run')).toEqual([22_938]);
  });
});
