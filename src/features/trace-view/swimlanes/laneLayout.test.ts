import { describe, expect, it } from 'vitest';
import { indexOf, recordedTree } from '../../../test/recordedTraces';
import { makeSpan } from '../../../test/testSpans';
import { testModel } from '../../../test/testModel';
import type { TraceModel } from '../../../domain/trace/traceModel';
import { hasLanes } from './hasLanes';
import { buildLaneLayout, MAX_LANE_ROWS, type LaneLayout } from './laneLayout';

/** Lanes as a reader sees their headers: nesting, name, kind, runs. */
function laneLines(layout: LaneLayout): string[] {
  return layout.lanes.map(
    (lane) => `${'  '.repeat(lane.depth)}${lane.name} (${lane.kind}, ${lane.runs.length} run)`,
  );
}

/** Hand-offs as "from span → to span (kind)", by span id. */
function handoffLines(tree: TraceModel, layout: LaneLayout): string[] {
  return layout.handoffs.map(
    ({ from, to, kind }) => `${tree.nodes[from]!.id} → ${tree.nodes[to]!.id} (${kind})`,
  );
}

const at = (ms: number) => new Date(Date.UTC(2025, 10, 19, 10, 0, 0, ms)).toISOString();

describe('buildLaneLayout', () => {
  it('gives the recorded team run a lane for the leader and one per member', () => {
    const tree = recordedTree('trace-team-delegation.json');
    const layout = buildLaneLayout(tree);
    expect(laneLines(layout)).toEqual([
      'Research_Team (team, 1 run)',
      '  Researcher (agent, 1 run)',
      '  Writer (agent, 1 run)',
    ]);
    // The leader's model calls and delegating tools are its own; the members' calls are theirs.
    const laneName = (id: string) => layout.lanes[layout.laneOf[indexOf(tree, id)]!]!.name;
    expect(laneName('78ed94d3f0d46236')).toBe('Research_Team');
    expect(laneName('87de9d874c645e7a')).toBe('Research_Team');
    expect(laneName('43147a055be665bf')).toBe('Researcher');
    expect(laneName('683f8ae5e588b937')).toBe('Writer');
    // Each delegate_task_to_member hands off to the run it started.
    expect(handoffLines(tree, layout)).toEqual([
      '87de9d874c645e7a → 02bd622906e277eb (delegate)',
      '2ecac8aecaecc149 → f52a7c5b13151731 (delegate)',
    ]);
    expect(layout.lanes.map((lane) => lane.handedBy)).toEqual([[], [0], [0]]);
    // Both delegating tools wait on a member; the leader's model calls do not.
    expect(layout.isWaiting[indexOf(tree, '87de9d874c645e7a')]).toBe(1);
    expect(layout.isWaiting[indexOf(tree, '2ecac8aecaecc149')]).toBe(1);
    expect(layout.isWaiting[indexOf(tree, '78ed94d3f0d46236')]).toBe(0);
  });

  it("measures each lane's time, busy time and tokens from the recorded spans", () => {
    const layout = buildLaneLayout(recordedTree('trace-team-delegation.json'));
    const [leader, researcher, writer] = layout.lanes;
    // Research_Team.run: 12.482826 → 14.019959.
    expect(leader!.activeUs).toBe(1_537_133);
    // Its three model calls (208,644 + 72,772 + 170,025 µs); the delegations are waiting.
    expect(leader!.busyUs).toBe(451_441);
    expect(leader!.tokens).toBe(60 + 56 + 168 + 52 + 281 + 18);
    // Researcher.run 12.723276 → 13.430071; its six calls ran one after another.
    expect(researcher!.activeUs).toBe(706_795);
    expect(researcher!.busyUs).toBe(125_040 + 181_403 + 54_015 + 102_213 + 65_741 + 40_914);
    expect(researcher!.tokens).toBe(65 + 43 + 211 + 69 + 484 + 27);
    expect(writer!.tokens).toBe(62 + 34);
    // Runs on the first row, their calls below them.
    expect([leader!.rowCount, researcher!.rowCount, writer!.rowCount]).toEqual([2, 2, 2]);
  });

  it('gives each workflow step a lane, sub-steps under their step, and chains the steps', () => {
    const tree = recordedTree('trace-workflow-error.json');
    const layout = buildLaneLayout(tree);
    expect(laneLines(layout)).toEqual([
      'Content_Pipeline (workflow, 1 run)',
      '  research (step, 1 run)',
      '  outline (step, 1 run)',
      '  enrich (step, 1 run)',
      '    seo (step, 1 run)',
      '    images (step, 1 run)',
      '  publish (step, 1 run)',
    ]);
    // The agent the research step ran stays in the step's lane, a row below the step.
    const researcher = indexOf(tree, 'b906a7280568ded6');
    expect(layout.lanes[layout.laneOf[researcher]!]!.name).toBe('research');
    expect(layout.rowOf[researcher]).toBe(1);
    expect(layout.rowOf[indexOf(tree, 'f0e073b84dfc794c')]).toBe(2);
    expect(handoffLines(tree, layout)).toEqual([
      '12452614fa3e7301 → 5bb358e89c38cb22 (start)',
      '5bb358e89c38cb22 → 2447fec4ee07eeae (step)',
      '2447fec4ee07eeae → be6e84e2aaa4fd04 (step)',
      // The parallel sub-steps both start from their step, not from each other.
      'be6e84e2aaa4fd04 → 4d9c89c4792dec19 (start)',
      'be6e84e2aaa4fd04 → 27b3f61715fc67e4 (start)',
      'be6e84e2aaa4fd04 → 82e35238f44c91d9 (step)',
    ]);
  });

  it('puts every run of a looped step in one lane and hands each step to the next', () => {
    const tree = recordedTree('trace-workflow-loop.json');
    const layout = buildLaneLayout(tree);
    expect(laneLines(layout)).toEqual([
      'Nightly_ETL (workflow, 1 run)',
      '  extract (step, 4 run)',
      '  transform (step, 4 run)',
      '  load (step, 4 run)',
      '  summary (step, 1 run)',
    ]);
    const names = layout.handoffs.map(
      ({ from, to }) => `${tree.nodes[from]!.name} → ${tree.nodes[to]!.name}`,
    );
    expect(names).toEqual([
      'Nightly_ETL.run → extract.execute',
      ...Array.from({ length: 4 }, (_, k) => [
        ...(k > 0 ? ['load.execute → extract.execute'] : []),
        'extract.execute → transform.execute',
        'transform.execute → load.execute',
      ]).flat(),
      'load.execute → summary.execute',
    ]);
    // The team the summary step ran has no member: its model call is the step's.
    const summary = layout.lanes[4]!;
    expect(summary.spans.map((i) => tree.nodes[i]!.type)).toEqual(['WORKFLOW', 'TEAM', 'LLM']);
    expect(summary.tokens).toBe(54 + 11);
  });

  it('nests a team inside a workflow step, and its members under their team', () => {
    const member = (name: string, from: number, to: number) =>
      makeSpan({
        name: `${name}.run`,
        type: 'AGENT',
        start_time: at(from),
        end_time: at(to),
        spans: [makeSpan({ type: 'LLM', start_time: at(from + 1), end_time: at(to - 1) })],
      });
    const delegate = (memberId: string, from: number, to: number) =>
      makeSpan({
        name: 'delegate_task_to_member',
        type: 'TOOL',
        start_time: at(from),
        end_time: at(to),
        metadata: { parameters: { member_id: memberId, task: '…' } },
      });
    const tree = testModel([
      makeSpan({
        name: 'Report.run',
        type: 'WORKFLOW',
        start_time: at(0),
        end_time: at(500),
        spans: [
          makeSpan({
            name: 'write.execute',
            type: 'WORKFLOW',
            start_time: at(10),
            end_time: at(490),
            spans: [
              makeSpan({
                name: 'Editors.run',
                type: 'TEAM',
                start_time: at(11),
                end_time: at(480),
                spans: [
                  delegate('drafter', 20, 200),
                  member('Drafter', 21, 190),
                  makeSpan({
                    name: 'Reviewers.run',
                    type: 'TEAM',
                    start_time: at(210),
                    end_time: at(400),
                    spans: [member('Checker', 220, 300)],
                  }),
                  delegate('drafter', 410, 470),
                  member('Drafter', 411, 460),
                ],
              }),
            ],
          }),
        ],
      }),
    ]);
    const layout = buildLaneLayout(tree);
    expect(laneLines(layout)).toEqual([
      'Report (workflow, 1 run)',
      '  write (step, 1 run)',
      '    Drafter (agent, 2 run)',
      '    Reviewers (team, 1 run)',
      '      Checker (agent, 1 run)',
    ]);
    expect(layout.lanes.map((lane) => lane.key)).toContain('Report › write › Reviewers › Checker');
    // Drafter is delegated to twice by its tool spans; Reviewers, with no tool span, by its team.
    expect(
      layout.handoffs.map(({ from, to, kind }) => [
        tree.nodes[from]!.name,
        tree.nodes[to]!.name,
        kind,
      ]),
    ).toEqual([
      ['Report.run', 'write.execute', 'start'],
      ['delegate_task_to_member', 'Drafter.run', 'delegate'],
      ['Editors.run', 'Reviewers.run', 'delegate'],
      ['Reviewers.run', 'Checker.run', 'delegate'],
      ['delegate_task_to_member', 'Drafter.run', 'delegate'],
    ]);
  });

  it('sets parallel calls side by side in rows, and spans without times in none', () => {
    const call = (from: number, to: number) =>
      makeSpan({ type: 'TOOL', start_time: at(from), end_time: at(to) });
    const tree = testModel([
      makeSpan({
        name: 'Solo.run',
        type: 'AGENT',
        start_time: at(0),
        end_time: at(100),
        spans: [
          call(1, 50),
          call(2, 40),
          call(3, 30),
          call(60, 90),
          makeSpan({ type: 'TOOL', start_time: 'garbage', end_time: at(5) }),
          ...Array.from({ length: MAX_LANE_ROWS + 2 }, () => call(70, 80)),
        ],
      }),
    ]);
    const layout = buildLaneLayout(tree);
    const rows = Array.from(layout.rowOf.slice(0, 6));
    // The run, three overlapping calls on rows 1–3, the later call back on row 1, no bar.
    expect(rows).toEqual([0, 1, 2, 3, 1, -1]);
    expect(layout.lanes[0]!.rowCount).toBe(MAX_LANE_ROWS);
    // Busy is the calls' union: 1–50 and 60–90 ms.
    expect(layout.lanes[0]!.busyUs).toBe(79_000);
    expect(layout.lanes[0]!.tokens).toBeNaN();
  });
});

describe('hasLanes', () => {
  it('offers lanes for teams and workflows, not for a single agent', () => {
    const types = (file: string) => recordedTree(file).spanTypeCounts.map(({ type }) => type);
    expect(hasLanes(types('trace-team-delegation.json'))).toBe(true);
    expect(hasLanes(types('trace-workflow-loop.json'))).toBe(true);
    expect(hasLanes(types('trace-agent-tool-error.json'))).toBe(false);
    expect(hasLanes(['team'])).toBe(true);
  });
});
