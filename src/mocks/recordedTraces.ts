import type { TraceDetail, TraceNode } from '../api/schemas';
import { parseIsoToUs } from './filterExpression';
import { createRandom } from './random';
import { formatTraceDuration, formatWireDuration, formatWireTime } from './wireFormat';
import agentAsyncStream from './recorded/real-agentos/trace-agent-async-stream.json';
import agentModelError from './recorded/real-agentos/trace-agent-model-error.json';
import agentToolError from './recorded/real-agentos/trace-agent-tool-error.json';
import teamDelegation from './recorded/real-agentos/trace-team-delegation.json';
import workflowError from './recorded/real-agentos/trace-workflow-error.json';
import workflowLoop from './recorded/real-agentos/trace-workflow-loop.json';
import searchAndRun from './recorded/real-agentos/search-and-run.json';

/*
 * The traces of the "recorded" database: answers of the real, unmodified AgentOS (agno 2.9.0,
 * src/mocks/recorded/real-agentos/), served as they were recorded, so anyone can open real traces
 * in the demo or against the mock server. One trace is derived, not recorded (see below).
 */

export const RECORDED_DB_ID = 'recorded-agentos';
export const RECORDED_DB_NAME = 'Recorded: real AgentOS (agno 2.9.0)';
/** The trace id of the derived `.arun` copy of the recorded `Research_Team.run`. */
export const DERIVED_ARUN_TRACE_ID = 'd0e1a2b3c4d5e6f708192a3b4c5d6e7f';

const recordedDetails: unknown[] = [
  agentToolError,
  agentModelError,
  teamDelegation,
  workflowError,
  workflowLoop,
  agentAsyncStream,
  ...searchAndRun.data,
];

/**
 * DERIVED, NOT RECORDED: the recorded `Research_Team.run` (trace-team-delegation.json) as
 * AgentOS names the same team run when it is started over HTTP (`Research_Team.arun`,
 * `AwsBedrock.ainvoke`, `Researcher.arun`, `Writer.arun`), with new trace, span and run ids and
 * timings stretched by 7%, started 17 minutes later. It lets compare align a `.run` with an
 * `.arun` of the same team on otherwise real data.
 */
function deriveArunTrace(recorded: TraceDetail): TraceDetail {
  const r = createRandom(2_9_0);
  const startUs = parseIsoToUs(recorded.start_time);
  const newStartUs = startUs + 17 * 60 * 1_000_000;
  const time = (text: string): string =>
    formatWireTime(Math.round(newStartUs + (parseIsoToUs(text) - startUs) * 1.07));
  const asyncName = (name: string): string =>
    name.replace(/\.run$/, '.arun').replace(/\.invoke$/, '.ainvoke');

  const copyNode = (node: TraceNode, isRoot: boolean): TraceNode => {
    const start = time(node.start_time);
    const end = time(node.end_time);
    const us = parseIsoToUs(end) - parseIsoToUs(start);
    const copy: TraceNode = {
      ...node,
      id: r.id(16),
      name: asyncName(node.name),
      duration: isRoot ? formatTraceDuration(us, r.next()) : formatWireDuration(us),
      start_time: start,
      end_time: end,
    };
    if (node.metadata && typeof node.metadata.run_id === 'string') {
      copy.metadata = { ...node.metadata, run_id: r.uuid() };
    }
    // Trees are a few levels deep here: recursion is fine.
    if (node.spans) copy.spans = node.spans.map((child) => copyNode(child, false));
    return copy;
  };

  const tree = recorded.tree.map((root, i) => copyNode(root, i === 0));
  const root = tree[0] as TraceNode;
  return {
    ...recorded,
    trace_id: DERIVED_ARUN_TRACE_ID,
    name: asyncName(recorded.name),
    duration: root.duration,
    start_time: root.start_time,
    end_time: root.end_time,
    run_id: r.uuid(),
    created_at: time(recorded.created_at),
    tree,
  };
}

/** Every recorded trace with a tree, and the derived one. */
export function recordedTraces(): TraceDetail[] {
  const details = recordedDetails.map((d) => d as TraceDetail);
  return [...details, deriveArunTrace(teamDelegation)];
}
