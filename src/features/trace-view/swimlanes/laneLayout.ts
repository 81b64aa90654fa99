import { memberName } from '../../../domain/trace/delegation';
import { SpanKind } from '../../../domain/trace/spanKind';
import type { TraceModel } from '../../../domain/trace/traceModel';

type LaneKind = 'team' | 'agent' | 'workflow' | 'step' | 'other';

export interface Lane {
  /** The owners' names from the outermost lane down ("Research_Team › Researcher"): unique. */
  key: string;
  /** The agent's, team's or step's name, without its entry point ("Researcher"). */
  name: string;
  kind: LaneKind;
  /** How many lanes it sits under: a member of a member team is 2. */
  depth: number;
  /** The spans that open it (each run of the agent, each time the step ran), in tree order. */
  runs: number[];
  /** Every span drawn in it, in tree order. */
  spans: number[];
  /** Rows its bars take (a span's children go below it, parallel calls side by side). */
  rowCount: number;
  /** µs covered by its runs (their union): the lane's time. */
  activeUs: number;
  /** µs in which at least one of its own calls ran (their union); the rest of `activeUs` is idle. */
  busyUs: number;
  /** Input + output tokens its spans recorded; NaN when none recorded any. */
  tokens: number;
  /** The lanes that handed it work (see `Handoff`), by index, in order met. */
  handedBy: number[];
}

/**
 * Work passing from one lane to another: a team leader's delegating TOOL span (or the team span
 * itself when no TOOL span is linked) to the member's run, a workflow step to the step that ran
 * after it, or a step to the first of its own sub-steps.
 */
export interface Handoff {
  from: number;
  to: number;
  kind: 'delegate' | 'step' | 'start';
}

export interface LaneLayout {
  lanes: Lane[];
  /** Per span, its lane. */
  laneOf: Int32Array;
  /** Per span, its row in its lane; -1 when its times do not parse (no bar). */
  rowOf: Int32Array;
  /** Per span, 1 when it waits on another lane: a delegating TOOL span, a step running sub-steps. */
  isWaiting: Uint8Array;
  /** Per span, 1 when it is one of its lane's `runs`. */
  isRun: Uint8Array;
  handoffs: Handoff[];
}

/** Rows per lane at most; past it, bars share the row that frees first (they overlap). */
export const MAX_LANE_ROWS = 6;

type LaneInput = Pick<
  TraceModel,
  'count' | 'nodes' | 'parentIndex' | 'kind' | 'startUs' | 'endUs' | 'totalTokens' | 'delegations'
>;

/**
 * Whether span `index` opens a lane: a root, a workflow step (a WORKFLOW span under another
 * span), or a team member's run (an AGENT or TEAM span under a TEAM span, or linked to a
 * delegating TOOL span). An agent that a step runs stays in the step's lane: the step is its run.
 */
function opensLane(model: LaneInput, index: number): boolean {
  const parent = model.parentIndex[index]!;
  if (parent < 0) return true;
  const kind = model.kind[index];
  if (kind === SpanKind.Workflow) return true;
  if (kind !== SpanKind.Agent && kind !== SpanKind.Team) return false;
  return model.kind[parent] === SpanKind.Team || model.delegations.toolOf[index]! >= 0;
}

function laneKind(model: LaneInput, index: number): LaneKind {
  switch (model.kind[index]) {
    case SpanKind.Team:
      return 'team';
    case SpanKind.Agent:
      return 'agent';
    case SpanKind.Workflow:
      return model.parentIndex[index]! < 0 ? 'workflow' : 'step';
    default:
      return 'other';
  }
}

const cache = new WeakMap<LaneInput, LaneLayout>();

/** `buildLaneLayout`, once per trace model. */
export function laneLayoutOf(model: LaneInput): LaneLayout {
  let layout = cache.get(model);
  if (!layout) {
    layout = buildLaneLayout(model);
    cache.set(model, layout);
  }
  return layout;
}

/**
 * The swimlanes of a team or workflow trace: one lane per agent (the leader, each member) or
 * workflow step, keyed by name under its parent lane, so an agent delegated to twice, or a step
 * a loop ran four times, is one lane. Every other span sits in the lane of the nearest span
 * above it that opens one. One pass in tree order places spans in lanes and rows; a second
 * measures each lane; the hand-offs come from the delegation links and the steps' times.
 */
export function buildLaneLayout(model: LaneInput): LaneLayout {
  const { count, nodes, parentIndex, startUs, endUs } = model;
  const lanes: Lane[] = [];
  const laneByKey = new Map<string, number>();
  const laneOf = new Int32Array(count);
  const rowOf = new Int32Array(count).fill(-1);
  const isWaiting = new Uint8Array(count);
  const isRun = new Uint8Array(count);
  const hasLaneChild = new Uint8Array(count);
  const rowEnds: Float64Array[] = [];

  for (let i = 0; i < count; i++) {
    const parent = parentIndex[i]!;
    let lane: number;
    if (opensLane(model, i)) {
      const parentLane = parent < 0 ? -1 : laneOf[parent]!;
      const name = memberName(nodes[i]!);
      const key = parentLane < 0 ? name : `${lanes[parentLane]!.key} › ${name}`;
      const known = laneByKey.get(key);
      if (known === undefined) {
        lane = lanes.length;
        laneByKey.set(key, lane);
        lanes.push({
          key,
          name,
          kind: laneKind(model, i),
          depth: parentLane < 0 ? 0 : lanes[parentLane]!.depth + 1,
          runs: [],
          spans: [],
          rowCount: 0,
          activeUs: 0,
          busyUs: 0,
          tokens: Number.NaN,
          handedBy: [],
        });
        rowEnds.push(new Float64Array(MAX_LANE_ROWS).fill(-Infinity));
      } else {
        lane = known;
      }
      lanes[lane]!.runs.push(i);
      isRun[i] = 1;
    } else {
      lane = laneOf[parent]!;
    }
    laneOf[i] = lane;
    const record = lanes[lane]!;
    record.spans.push(i);
    if (parent >= 0) {
      if (laneOf[parent] === lane) hasLaneChild[parent] = 1;
      else isWaiting[parent] = 1;
    }

    const start = startUs[i]!;
    const end = endUs[i]!;
    if (!Number.isFinite(start) || !Number.isFinite(end)) continue;
    // Below its parent when the parent is in this lane; else the first row free at its start.
    const ends = rowEnds[lane]!;
    const parentRow = parent >= 0 && laneOf[parent] === lane ? rowOf[parent]! : -1;
    const first = Math.min(parentRow + 1, MAX_LANE_ROWS - 1);
    let row = -1;
    let earliest = first;
    for (let r = first; r < MAX_LANE_ROWS; r++) {
      if (ends[r]! <= start) {
        row = r;
        break;
      }
      if (ends[r]! < ends[earliest]!) earliest = r;
    }
    if (row < 0) row = earliest;
    ends[row] = Math.max(ends[row]!, end);
    rowOf[i] = row;
    if (row + 1 > record.rowCount) record.rowCount = row + 1;
  }
  for (const [tool] of model.delegations.membersOf) isWaiting[tool] = 1;

  for (const lane of lanes) measureLane(model, lane, hasLaneChild, isWaiting);
  const handoffs = findHandoffs(model, lanes, laneOf);
  for (const { from, to } of handoffs) {
    const handedBy = lanes[laneOf[to]!]!.handedBy;
    if (!handedBy.includes(laneOf[from]!)) handedBy.push(laneOf[from]!);
  }
  return { lanes, laneOf, rowOf, isWaiting, isRun, handoffs };
}

/** The lane's time (its runs' union), busy time (its own calls' union) and tokens. */
function measureLane(
  model: LaneInput,
  lane: Lane,
  hasLaneChild: Uint8Array,
  isWaiting: Uint8Array,
): void {
  const work: number[] = [];
  let tokens = 0;
  let hasTokens = false;
  for (const i of lane.spans) {
    // A call is a span with nothing under it in this lane that is not waiting on another lane.
    if (hasLaneChild[i] === 0 && isWaiting[i] === 0) work.push(i);
    const spanTokens = model.totalTokens[i]!;
    if (!Number.isNaN(spanTokens)) {
      tokens += spanTokens;
      hasTokens = true;
    }
  }
  lane.activeUs = unionUs(model, lane.runs);
  lane.busyUs = unionUs(model, work);
  lane.tokens = hasTokens ? tokens : Number.NaN;
}

/** The µs covered by the spans' [start, end] intervals together; unparsable times count nothing. */
function unionUs(model: Pick<TraceModel, 'startUs' | 'endUs'>, spans: readonly number[]): number {
  const timed = spans.filter(
    (i) => Number.isFinite(model.startUs[i]!) && model.endUs[i]! >= model.startUs[i]!,
  );
  timed.sort((a, b) => model.startUs[a]! - model.startUs[b]!);
  let total = 0;
  let from = -Infinity;
  let to = -Infinity;
  for (const i of timed) {
    const start = model.startUs[i]!;
    const end = model.endUs[i]!;
    if (start > to) {
      if (to > from) total += to - from;
      from = start;
      to = end;
    } else if (end > to) {
      to = end;
    }
  }
  if (to > from) total += to - from;
  return total;
}

/**
 * Delegations (TOOL span → member run), and per workflow step the step that ran before it: the
 * sibling step that ended last at or before its start. A step with none (the first, or one run
 * in parallel with its siblings) is started by its parent. Hand-offs within one lane (a loop of
 * a single step) are left out: there is nothing to point across.
 */
function findHandoffs(model: LaneInput, lanes: Lane[], laneOf: Int32Array): Handoff[] {
  const { parentIndex, startUs, endUs, kind } = model;
  const handoffs: Handoff[] = [];
  const add = (from: number, to: number, handoff: Handoff['kind']) => {
    if (from >= 0 && laneOf[from] !== laneOf[to]) handoffs.push({ from, to, kind: handoff });
  };
  const stepsByParent = new Map<number, number[]>();
  for (const lane of lanes) {
    for (const run of lane.runs) {
      const parent = parentIndex[run]!;
      if (parent < 0) continue;
      if (kind[run] === SpanKind.Workflow) {
        if (!Number.isFinite(startUs[run]!) || !Number.isFinite(endUs[run]!)) continue;
        const siblings = stepsByParent.get(parent);
        if (siblings) siblings.push(run);
        else stepsByParent.set(parent, [run]);
      } else {
        const tool = model.delegations.toolOf[run]!;
        add(tool >= 0 ? tool : parent, run, 'delegate');
      }
    }
  }
  for (const [parent, steps] of stepsByParent) {
    const byStart = [...steps].sort((a, b) => startUs[a]! - startUs[b]! || a - b);
    const byEnd = [...steps].sort((a, b) => endUs[a]! - endUs[b]! || a - b);
    let ended = 0;
    let previous = -1;
    for (const step of byStart) {
      while (ended < byEnd.length && endUs[byEnd[ended]!]! <= startUs[step]!) {
        previous = byEnd[ended]!;
        ended++;
      }
      if (previous >= 0) add(previous, step, 'step');
      else add(parent, step, 'start');
    }
  }
  handoffs.sort((a, b) => startUs[a.to]! - startUs[b.to]! || a.to - b.to);
  return handoffs;
}
