import { describe, expect, it } from 'vitest';
import { parseTraceDetail } from '../../api/parse';
import type { TraceNode } from '../../api/schemas';
import realTeamTrace from '../../mocks/recorded/real-agentos/trace-team-delegation.json';
import { buildTraceModel } from '../../domain/trace/traceModel';
import { testModel } from '../../test/testModel';
import { alignTraces, namePath, type Alignment } from './alignTraces';

let nextId = 0;

/** `span('get_price', { ms: 12 }, children)`: a span of `ms` milliseconds. */
function span(
  name: string,
  options: { ms?: number; status?: string; tokens?: [number, number] } = {},
  spans?: TraceNode[],
): TraceNode {
  nextId += 1;
  const ms = options.ms ?? 1;
  return {
    id: `id-${nextId}`,
    name,
    type: options.tokens ? 'LLM' : 'TOOL',
    duration: `${ms}ms`,
    start_time: '2025-11-19T10:30:00.000Z',
    end_time: `2025-11-19T10:30:00.${String(ms).padStart(3, '0')}Z`,
    status: options.status ?? 'OK',
    ...(options.tokens
      ? { metadata: { input_tokens: options.tokens[0], output_tokens: options.tokens[1] } }
      : {}),
    ...(spans ? { spans } : {}),
  };
}

/** Aligns two trees of spans, each as a trace model. */
function align(a: readonly TraceNode[], b: readonly TraceNode[]): Alignment {
  return alignTraces(testModel(a), testModel(b));
}

/** Each row as `depth:name#occurrence side`, side being `AB`, `A-` or `-B`. */
function outline(alignment: Alignment): string[] {
  return alignment.rows.map(
    (row) =>
      `${row.depth}:${row.name}${row.occurrence > 0 ? `#${row.occurrence + 1}` : ''} ${row.a ? 'A' : '-'}${row.b ? 'B' : '-'}`,
  );
}

describe('alignTraces', () => {
  it('matches identical trees span for span', () => {
    const make = () => [span('Agent.run', {}, [span('llm', { tokens: [10, 2] }), span('tool')])];
    const alignment = align(make(), make());
    expect(outline(alignment)).toEqual(['0:Agent.run AB', '1:llm AB', '1:tool AB']);
    expect(alignment).toMatchObject({ matched: 3, onlyA: 0, onlyB: 0, statusChanged: 0 });
    expect(alignment).toMatchObject({ entryPointMatches: 0, entryPointPairs: [] });
  });

  it('pairs repeated names by occurrence, and keeps a call only in B beside its neighbours', () => {
    const a = [span('agent', {}, [span('llm'), span('get_price'), span('llm'), span('answer')])];
    const b = [
      span('agent', {}, [
        span('llm'),
        span('get_price'),
        span('llm'),
        span('get_price'),
        span('llm'),
        span('answer'),
      ]),
    ];
    expect(outline(align(a, b))).toEqual([
      '0:agent AB',
      '1:llm AB',
      '1:get_price AB',
      '1:llm#2 AB',
      '1:get_price#2 -B',
      '1:llm#3 -B',
      '1:answer AB',
    ]);
  });

  it('marks a subtree only in A with everything under it', () => {
    const a = [span('agent', {}, [span('team', {}, [span('member')]), span('tool')])];
    const b = [span('agent', {}, [span('tool')])];
    const alignment = align(a, b);
    expect(outline(alignment)).toEqual(['0:agent AB', '1:team A-', '2:member A-', '1:tool AB']);
    expect(alignment).toMatchObject({ matched: 2, onlyA: 2, onlyB: 0 });
  });

  it('keeps A’s order when B lists the same siblings in another order', () => {
    const a = [span('x'), span('y'), span('x')];
    const b = [span('x'), span('x'), span('y'), span('z')];
    expect(outline(align(a, b))).toEqual(['0:x AB', '0:y AB', '0:x#2 AB', '0:z -B']);
  });

  it('gives each side its duration, tokens and status, and counts status changes', () => {
    const a = [span('agent', { ms: 100 }, [span('llm', { ms: 40, tokens: [100, 20] })])];
    const b = [
      span('agent', { ms: 150, status: 'ERROR' }, [span('llm', { ms: 90, tokens: [300, 0] })]),
    ];
    const alignment = align(a, b);
    const llm = alignment.rows[1]!;
    expect(llm.a).toMatchObject({ durationUs: 40_000, tokens: 120, status: 'OK', type: 'LLM' });
    expect(llm.b).toMatchObject({ durationUs: 90_000, tokens: 300 });
    expect(alignment.rows[0]!.a!.tokens).toBeNull();
    expect(alignment.statusChanged).toBe(1);
  });

  it('aligns several roots, and roots of different names not at all', () => {
    const alignment = align([span('A.run'), span('orphan')], [span('B.run'), span('orphan')]);
    expect(outline(alignment)).toEqual(['0:A.run A-', '0:B.run -B', '0:orphan AB']);
  });

  it('handles 10,000-level trees without recursion', () => {
    const chain = () => {
      let node = span('leaf');
      for (let level = 0; level < 10_000; level++) node = span('level', {}, [node]);
      return [node];
    };
    const alignment = align(chain(), chain());
    expect(alignment.matched).toBe(10_001);
    expect(alignment.rows.at(-1)!.depth).toBe(10_000);
  });

  it('names the path of a row', () => {
    const tree = [span('agent', {}, [span('tool'), span('tool', {}, [span('inner')])])];
    const alignment = align(tree, tree);
    expect(namePath(alignment.rows, 3)).toBe('agent › tool #2 › inner');
  });

  it('matches async entry points with their sync twins, and nothing else', () => {
    const a = [
      span('Team.arun', {}, [span('AwsBedrock.ainvoke'), span('apply'), span('Member.arun')]),
    ];
    const b = [span('Team.run', {}, [span('AwsBedrock.invoke'), span('pply'), span('Member.run')])];
    const alignment = align(a, b);
    expect(outline(alignment)).toEqual([
      '0:Team.arun AB',
      '1:AwsBedrock.ainvoke AB',
      '1:apply A-',
      '1:pply -B',
      '1:Member.arun AB',
    ]);
    expect(alignment.rows[0]!.b!.name).toBe('Team.run');
    expect(alignment.entryPointMatches).toBe(3);
    expect(alignment.entryPointPairs).toEqual([
      { a: '.arun', b: '.run' },
      { a: '.ainvoke', b: '.invoke' },
    ]);
  });

  it('counts occurrences by the matched name, so .arun and .run calls pair in order', () => {
    const a = [span('t', {}, [span('M.ainvoke', { ms: 1 }), span('M.ainvoke', { ms: 2 })])];
    const b = [span('t', {}, [span('M.invoke', { ms: 3 }), span('M.invoke', { ms: 4 })])];
    const rows = align(a, b).rows;
    expect(rows.map((row) => [row.a?.durationUs, row.b?.durationUs])).toEqual([
      [1_000, 1_000],
      [1_000, 3_000],
      [2_000, 4_000],
    ]);
  });
});

describe('alignTraces on the real team trace', () => {
  /** The real `.run` trace as AgentOS would name it: every `.run`/`.invoke` made async. */
  function renamedAsync(roots: readonly TraceNode[]): TraceNode[] {
    return roots.map((node) => ({
      ...node,
      name: node.name.replace(/\.run$/, '.arun').replace(/\.invoke$/, '.ainvoke'),
      spans: node.spans ? renamedAsync(node.spans) : node.spans,
    }));
  }

  it('aligns every span of Research_Team.run with its .arun/.ainvoke copy', () => {
    const trace = parseTraceDetail(realTeamTrace);
    const copy = renamedAsync(trace.tree);
    expect(copy[0]!.name).toBe('Research_Team.arun');
    expect(copy[0]!.spans![0]!.name).toBe('AwsBedrock.ainvoke');

    const alignment = alignTraces(buildTraceModel(trace), testModel(copy));
    // The real trace has 15 spans: all in both, none on one side only.
    expect(alignment).toMatchObject({ matched: 15, onlyA: 0, onlyB: 0, statusChanged: 0 });
    // The root, 2 member runs and 7 model calls are named differently; the 5 tools are not.
    expect(alignment.entryPointMatches).toBe(10);
    expect(alignment.rows.every((row) => row.a !== null && row.b !== null)).toBe(true);
  });
});
