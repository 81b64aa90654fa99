import { delegationsOf, type Delegations, type DelegationTreeInput } from './delegation';

/**
 * Self time per span, in microseconds: the span's duration minus the time covered by at least
 * one of its direct children. Children may overlap each other (parallel tool calls) and, through
 * clock skew, start before or end after their parent, so their intervals are clipped to the
 * parent's and merged before being subtracted. Spans with unparsable (NaN) or reversed times
 * count as zero-length.
 *
 * A team's `delegate_task_to_member` TOOL span covers its member's run, which the server makes
 * its sibling, not its child: the run counts as the TOOL span's child here, or its time would
 * count twice (once in the run, once as the TOOL span's own).
 *
 * Iterative; O(n) when children come sorted by start (the server sorts them), O(n log n) at worst.
 */
export function computeSelfTimes(
  tree: DelegationTreeInput,
  delegations: Delegations = delegationsOf(tree),
): Float64Array {
  const { count, startUs, endUs, subtreeSize } = tree;
  const selfTimes = new Float64Array(count);
  // Scratch buffers for one parent's clipped child intervals, reused across parents.
  let starts: Float64Array = new Float64Array(16);
  let ends: Float64Array = new Float64Array(16);

  for (let i = 0; i < count; i++) {
    const start = startUs[i]!;
    const end = endUs[i]!;
    if (!(end > start)) continue; // NaN, zero-length or reversed: self time 0
    let k = 0;
    let sorted = true;
    // Direct children: walk the pre-order range of the subtree, jumping over grandchildren.
    const stop = i + subtreeSize[i]!;
    const add = (c: number) => {
      const childStart = Math.max(startUs[c]!, start);
      const childEnd = Math.min(endUs[c]!, end);
      if (!(childEnd > childStart)) return; // outside the parent, empty, or NaN
      if (k === starts.length) {
        starts = grow(starts);
        ends = grow(ends);
      }
      if (k > 0 && childStart < starts[k - 1]!) sorted = false;
      starts[k] = childStart;
      ends[k] = childEnd;
      k += 1;
    };
    for (let c = i + 1; c < stop; c += subtreeSize[c]!) add(c);
    const members = delegations.membersOf.get(i);
    if (members) for (const member of members) add(member);
    selfTimes[i] = end - start - coveredLength(starts, ends, k, sorted);
  }
  return selfTimes;
}

function grow(array: Float64Array): Float64Array {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Length of the union of the first `k` intervals. */
function coveredLength(
  starts: Float64Array,
  ends: Float64Array,
  k: number,
  sorted: boolean,
): number {
  if (k === 0) return 0;
  let order: Int32Array | null = null;
  if (!sorted) {
    order = new Int32Array(k);
    for (let j = 0; j < k; j++) order[j] = j;
    order.sort((a, b) => starts[a]! - starts[b]!);
  }
  let covered = 0;
  let runStart = Number.NaN;
  let runEnd = Number.NaN;
  for (let j = 0; j < k; j++) {
    const index = order ? order[j]! : j;
    const s = starts[index]!;
    const e = ends[index]!;
    if (j === 0 || s > runEnd) {
      if (j > 0) covered += runEnd - runStart;
      runStart = s;
      runEnd = e;
    } else if (e > runEnd) {
      runEnd = e;
    }
  }
  return covered + (runEnd - runStart);
}
