import { entryPointDifference, normalizeEntryPoint } from '../../domain/trace/spanNames';
import type { TraceModel } from '../../domain/trace/traceModel';

/** One span of one trace, as the comparison shows it. */
export interface SpanSide {
  id: string;
  /** As sent: A's and B's can differ by entry point (`.arun` and `.run`). */
  name: string;
  type: string;
  status: string;
  /** From the parsed times; NaN when they do not parse or the end is before the start. */
  durationUs: number;
  /** Input plus output tokens the span reports, or null when it reports none. */
  tokens: number | null;
}

/** A row of the comparison: the span at one path of names in A, in B, or in both. */
export interface AlignedRow {
  /** 0 for roots. */
  depth: number;
  /** The row of the parent, or -1 for roots. */
  parent: number;
  /** A's name when the span is in A, else B's. */
  name: string;
  /** Among siblings of the same name, in order: 0 for the first, 1 for the second… */
  occurrence: number;
  a: SpanSide | null;
  b: SpanSide | null;
}

export interface Alignment {
  /** In tree order (each row before its children), B-only spans beside their A neighbours. */
  rows: AlignedRow[];
  matched: number;
  onlyA: number;
  onlyB: number;
  /** Matched spans whose status differs. */
  statusChanged: number;
  /** Matched spans whose names differ by entry point only (`Team.arun` with `Team.run`). */
  entryPointMatches: number;
  /** The distinct entry points matched across, in order met: `[{ a: '.arun', b: '.run' }, …]`. */
  entryPointPairs: { a: string; b: string }[];
}

/** Two spans, by their index in A's and in B's model; -1 when that side has none. */
interface Pair {
  a: number;
  b: number;
  name: string;
  occurrence: number;
}

interface Frame {
  pairs: Pair[];
  next: number;
  parentRow: number;
  depth: number;
}

/**
 * Aligns two span trees by path of names: a span matches the span of the other trace under the
 * matched parent with the same name and the same occurrence among same-named siblings (the
 * second `get_price` call with the second). Names are compared with async entry points made sync
 * (`Team.arun` is `Team.run`, `AwsBedrock.ainvoke` is `AwsBedrock.invoke`): a run started
 * through AgentOS and a direct one are the same steps. Spans without a counterpart are kept,
 * marked as only in A or only in B, with everything under them.
 *
 * Iterative, so 10,000-level trees align too; O(n) map operations.
 */
export function alignTraces(modelA: TraceModel, modelB: TraceModel): Alignment {
  const rows: AlignedRow[] = [];
  let matched = 0;
  let onlyA = 0;
  let onlyB = 0;
  let statusChanged = 0;
  let entryPointMatches = 0;
  const entryPointPairs = new Map<string, { a: string; b: string }>();
  const stack: Frame[] = [
    {
      pairs: pairSiblings(modelA, childrenOf(modelA, -1), modelB, childrenOf(modelB, -1)),
      next: 0,
      parentRow: -1,
      depth: 0,
    },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.pairs.length) {
      stack.pop();
      continue;
    }
    const pair = frame.pairs[frame.next++]!;
    const row = rows.length;
    rows.push({
      depth: frame.depth,
      parent: frame.parentRow,
      name: pair.name,
      occurrence: pair.occurrence,
      a: pair.a < 0 ? null : sideOf(modelA, pair.a),
      b: pair.b < 0 ? null : sideOf(modelB, pair.b),
    });
    if (pair.a >= 0 && pair.b >= 0) {
      const nodeA = modelA.nodes[pair.a]!;
      const nodeB = modelB.nodes[pair.b]!;
      matched++;
      if (nodeA.status !== nodeB.status) statusChanged++;
      if (nodeA.name !== nodeB.name) {
        entryPointMatches++;
        const difference = entryPointDifference(nodeA.name, nodeB.name);
        if (difference) entryPointPairs.set(`${difference.a} ${difference.b}`, difference);
      }
    } else if (pair.a >= 0) onlyA++;
    else onlyB++;
    const childrenA = pair.a < 0 ? [] : childrenOf(modelA, pair.a);
    const childrenB = pair.b < 0 ? [] : childrenOf(modelB, pair.b);
    if (childrenA.length + childrenB.length > 0) {
      stack.push({
        pairs: pairSiblings(modelA, childrenA, modelB, childrenB),
        next: 0,
        parentRow: row,
        depth: frame.depth + 1,
      });
    }
  }
  return {
    rows,
    matched,
    onlyA,
    onlyB,
    statusChanged,
    entryPointMatches,
    entryPointPairs: [...entryPointPairs.values()],
  };
}

/**
 * Matches two lists of siblings by (name, occurrence). A's order is kept; each span only in B
 * comes just before the first later B sibling that has a match, or at the end.
 */
function pairSiblings(
  modelA: TraceModel,
  listA: readonly number[],
  modelB: TraceModel,
  listB: readonly number[],
): Pair[] {
  const namesB = listB.map((i) => normalizeEntryPoint(modelB.nodes[i]!.name));
  const occurrencesB = occurrencesOf(namesB);
  const indexB = new Map<string, number>();
  namesB.forEach((name, j) => indexB.set(keyOf(name, occurrencesB[j]!), j));
  const namesA = listA.map((i) => normalizeEntryPoint(modelA.nodes[i]!.name));
  const occurrencesA = occurrencesOf(namesA);
  const matchOfA = namesA.map((name, i) => indexB.get(keyOf(name, occurrencesA[i]!)));
  const isMatchedB = new Uint8Array(listB.length);
  for (const j of matchOfA) if (j !== undefined) isMatchedB[j] = 1;

  const pairs: Pair[] = [];
  let nextB = 0;
  const flushOnlyB = (until: number) => {
    for (; nextB < until; nextB++) {
      if (isMatchedB[nextB] === 1) continue;
      const b = listB[nextB]!;
      pairs.push({ a: -1, b, name: modelB.nodes[b]!.name, occurrence: occurrencesB[nextB]! });
    }
  };
  listA.forEach((a, i) => {
    const j = matchOfA[i];
    if (j !== undefined) flushOnlyB(j);
    pairs.push({
      a,
      b: j === undefined ? -1 : listB[j]!,
      name: modelA.nodes[a]!.name,
      occurrence: occurrencesA[i]!,
    });
  });
  flushOnlyB(listB.length);
  return pairs;
}

/** For each name, how many siblings before it have the same (normalised) name. */
function occurrencesOf(names: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count;
  });
}

function keyOf(name: string, occurrence: number): string {
  return `${occurrence}\u0000${name}`;
}

/** The children of span `parent` (the roots for -1), in order: pre-order ranges, no recursion. */
function childrenOf(model: TraceModel, parent: number): number[] {
  const children: number[] = [];
  const stop = parent < 0 ? model.count : parent + model.subtreeSize[parent]!;
  for (let c = parent + 1; c < stop; c += model.subtreeSize[c]!) children.push(c);
  return children;
}

function sideOf(model: TraceModel, index: number): SpanSide {
  const node = model.nodes[index]!;
  const tokens = model.totalTokens[index]!;
  return {
    id: node.id,
    name: node.name,
    type: node.type,
    status: node.status,
    durationUs: model.durationUs[index]!,
    tokens: Number.isNaN(tokens) ? null : tokens,
  };
}

/** The names from the root to `row`, for a tooltip: `Agent.run › gpt-4o.invoke #2`. */
export function namePath(rows: readonly AlignedRow[], row: number): string {
  const names: string[] = [];
  for (let at = row; at >= 0; at = rows[at]!.parent) {
    const { name, occurrence } = rows[at]!;
    names.push(occurrence > 0 ? `${name} #${occurrence + 1}` : name);
  }
  return names.reverse().join(' › ');
}
