import { describe, expect, it } from 'vitest';
import type { TraceNode } from '../../api/schemas';
import { delegationPartner, findDelegations } from './delegation';
import { indexOfName, realTrace, span, testTree } from '../../test/testTree';

const delegate = (
  start: number,
  end: number,
  memberId?: string,
  name = 'delegate_task_to_member',
) =>
  span(start, end, {
    type: 'TOOL',
    name,
    metadata: {
      tool_name: name,
      ...(memberId ? { parameters: JSON.stringify({ member_id: memberId, task: 'Do it.' }) } : {}),
    },
  });
const member = (start: number, end: number, name: string, type = 'AGENT') =>
  span(start, end, { type, name, spans: [span(start + 1, end - 1, { type: 'LLM' })] });
const team = (...spans: TraceNode[]) => [
  span(0, 10_000, { type: 'TEAM', name: 'Team.run', spans }),
];

describe('findDelegations', () => {
  it('links each member run of the real team trace to the delegate_task_to_member call that covers it', () => {
    const tree = testTree(realTrace('trace-team-delegation.json').tree);
    const delegations = findDelegations(tree);
    const firstCall = indexOfName(tree, 'delegate_task_to_member', 0);
    const secondCall = indexOfName(tree, 'delegate_task_to_member', 1);
    const researcher = indexOfName(tree, 'Researcher.run');
    const writer = indexOfName(tree, 'Writer.run');
    expect(delegations.linkCount).toBe(2);
    expect(delegations.toolOf[researcher]).toBe(firstCall);
    expect(delegations.toolOf[writer]).toBe(secondCall);
    expect(delegations.membersOf.get(firstCall)).toEqual([researcher]);
    expect(delegations.membersOf.get(secondCall)).toEqual([writer]);
    expect(delegationPartner(delegations, firstCall)).toBe(researcher);
    expect(delegationPartner(delegations, writer)).toBe(secondCall);
    // Nothing else is linked: not the team, its model calls, or the member's own tool calls.
    expect(delegationPartner(delegations, indexOfName(tree, 'web_search'))).toBe(-1);
    expect(delegationPartner(delegations, 0)).toBe(-1);
  });

  it('follows member_id when two delegations run at once', () => {
    // The writer's call starts last, but the researcher's run was asked for by the first call.
    const tree = testTree(
      team(
        delegate(100, 900, 'research-agent'),
        delegate(110, 800, 'writer'),
        member(120, 880, 'Research_Agent.arun'),
        member(130, 790, 'Writer.arun'),
      ),
    );
    const delegations = findDelegations(tree);
    expect(delegations.toolOf[indexOfName(tree, 'Research_Agent.arun')]).toBe(1);
    expect(delegations.toolOf[indexOfName(tree, 'Writer.arun')]).toBe(2);
  });

  it('takes the nearest covering call when no member_id names the run', () => {
    const tree = testTree(
      team(
        delegate(100, 900),
        delegate(200, 300, 'someone-else'),
        member(400, 850, 'Helper.run'), // the second call ended before: the first covers it
        delegate(1000, 2000, 'a-renamed-member'),
        member(1001, 1990, 'Nested_Team.run', 'TEAM'),
      ),
    );
    const delegations = findDelegations(tree);
    expect(delegations.toolOf[indexOfName(tree, 'Helper.run')]).toBe(
      indexOfName(tree, 'delegate_task_to_member', 0),
    );
    expect(delegations.toolOf[indexOfName(tree, 'Nested_Team.run')]).toBe(
      indexOfName(tree, 'delegate_task_to_member', 2),
    );
  });

  it('pairs parallel calls one to one when their member_ids name no run', () => {
    // agno can send an agent's id ("stock_agent") rather than its name: each run goes to the
    // call that covers all of it and has no run yet.
    const tree = testTree(
      team(
        delegate(100, 900, 'stock_agent'),
        delegate(110, 800, 'research_agent'),
        member(120, 880, 'Stock_Price_Agent.run'),
        member(130, 790, 'Researcher.run'),
      ),
    );
    const delegations = findDelegations(tree);
    expect(delegations.toolOf[indexOfName(tree, 'Stock_Price_Agent.run')]).toBe(1);
    expect(delegations.toolOf[indexOfName(tree, 'Researcher.run')]).toBe(2);
  });

  it('links every member run of a delegation to all members', () => {
    const tree = testTree(
      team(
        delegate(100, 900, undefined, 'delegate_task_to_members'),
        member(110, 500, 'A.run'),
        member(120, 880, 'B.run'),
      ),
    );
    const delegations = findDelegations(tree);
    expect(delegations.membersOf.get(1)).toEqual([2, 4]);
    expect(delegationPartner(delegations, 1)).toBe(2);
  });

  it('leaves alone runs that start outside the call, that are not its siblings, or that are not runs', () => {
    const tree = testTree(
      team(
        delegate(100, 200, 'late'),
        member(250, 400, 'Late.run'), // starts after the call ended
        span(500, 900, {
          type: 'AGENT',
          name: 'Other.run',
          spans: [member(510, 600, 'Nested.run')], // under another span
        }),
        delegate(1000, 1100),
        span(1010, 1090, { type: 'LLM', name: 'gpt.invoke' }),
        span(1020, 1080, { type: 'TOOL', name: 'search' }),
      ),
    );
    expect(findDelegations(tree).linkCount).toBe(0);
  });

  it('links a run that starts with its call, even when it comes first in the list', () => {
    const tree = testTree(team(member(100, 500, 'Writer.run'), delegate(100, 600, 'writer')));
    expect(findDelegations(tree).toolOf[indexOfName(tree, 'Writer.run')]).toBe(
      indexOfName(tree, 'delegate_task_to_member'),
    );
  });

  it('links 50,000 delegations under one team in one pass', () => {
    const spans: TraceNode[] = [];
    for (let k = 0; k < 50_000; k++) {
      // Every member has the same name: only time tells the calls apart.
      spans.push(
        delegate(k * 10, k * 10 + 9, 'worker'),
        member(k * 10 + 1, k * 10 + 8, 'Worker.run'),
      );
    }
    const tree = testTree([span(0, 500_000, { type: 'TEAM', name: 'Team.run', spans })]);
    const delegations = findDelegations(tree);
    expect(delegations.linkCount).toBe(50_000);
    // The last member (its LLM child follows it) went with the last call.
    expect(delegations.toolOf[tree.count - 2]).toBe(tree.count - 3);
  });
});
