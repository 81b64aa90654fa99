import type { Delegations } from '../../../domain/trace/delegation';
import type { TraceModel } from '../../../domain/trace/traceModel';

/**
 * The critical path of a trace: the chain of spans the trace's end actually waited on, as
 * sections of span time (Jaeger's definition). Walking back from the end: a span is critical
 * from its last-finishing child's end to the cursor; that child is then followed; once a span
 * has no child left that ends before the cursor, the span itself is critical back to its
 * start, and the walk returns to its parent with the cursor at that start.
 *
 * Several roots (orphans) hang under a virtual root that does no work of its own: when no root
 * ends before the cursor, a root still running at the cursor is followed, cut at the cursor,
 * since nothing else was running then.
 */
export interface CriticalPath {
  /** 1 where the span has at least one critical section (of non-zero length). */
  mask: Uint8Array;
  /** Microseconds of the span's own time that lie on the critical path. */
  criticalUs: Float64Array;
  /** Span `i`'s sections are `sectionStartUs/EndUs[sectionOffset[i] .. sectionOffset[i + 1])`. */
  sectionOffset: Int32Array;
  sectionStartUs: Float64Array;
  sectionEndUs: Float64Array;
  /** Number of spans on the path. */
  spanCount: number;
}

/**
 * Iterative: the walk moves its cursor only backwards, so each child list is scanned once
 * (after sorting by end time). O(n log n) for the sorts, O(n) for the rest.
 *
 * Times are clipped to the parent's (clock skew); a span outside its parent, or with
 * unparsable times, is left off the path with everything under it.
 *
 * A team member's run counts as a child of the `delegate_task_to_member` TOOL span that covers
 * it (the server makes them siblings): the call waited on the run, so the path goes through the
 * run rather than crediting the call with the run's time.
 */
export function computeCriticalPath(
  tree: TraceModel,
  delegations: Delegations = tree.delegations,
): CriticalPath {
  const { count } = tree;
  const VIRTUAL = count;
  // Only when the call comes first in tree order (it starts first), as the passes below need.
  const parentIndex =
    delegations.linkCount === 0
      ? tree.parentIndex
      : Int32Array.from(tree.parentIndex, (parent, i) => {
          const tool = delegations.toolOf[i]!;
          return tool >= 0 && tool < i ? tool : parent;
        });

  // Times clipped to the (clipped) parent, in one pre-order pass; NaN marks an unusable span.
  const start = new Float64Array(count);
  const end = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let s = tree.startUs[i]!;
    let e = tree.endUs[i]!;
    const parent = parentIndex[i]!;
    if (parent >= 0) {
      s = Math.max(s, start[parent]!);
      e = Math.min(e, end[parent]!);
    }
    // NaN comparisons are false, so unparsable times and anything under them end up here.
    if (!(e >= s)) {
      s = Number.NaN;
      e = Number.NaN;
    }
    start[i] = s;
    end[i] = e;
  }

  // Children of each span (and of the virtual root) in one array, grouped by parent.
  const kidOffset = new Int32Array(count + 2);
  for (let i = 0; i < count; i++) {
    if (Number.isNaN(start[i]!)) continue;
    const parent = parentIndex[i]!;
    kidOffset[(parent < 0 ? VIRTUAL : parent) + 1]! += 1;
  }
  for (let p = 0; p <= count; p++) kidOffset[p + 1]! += kidOffset[p]!;
  const kids = new Int32Array(kidOffset[count + 1]!);
  const fill = kidOffset.slice(0, count + 1);
  for (let i = 0; i < count; i++) {
    if (Number.isNaN(start[i]!)) continue;
    const parent = parentIndex[i]!;
    kids[fill[parent < 0 ? VIRTUAL : parent]!++] = i;
  }
  // Latest end first; on a tie the longer span first (it explains more of the time).
  const byEndDesc = (a: number, b: number) => end[b]! - end[a]! || start[a]! - start[b]! || a - b;
  for (let p = 0; p <= count; p++) {
    const from = kidOffset[p]!;
    const to = kidOffset[p + 1]!;
    if (to - from > 1 && !isSortedByEndDesc(kids, from, to, end, start)) {
      kids.subarray(from, to).sort(byEndDesc);
    }
  }

  // The walk. Sections come out latest first; they are grouped by span afterwards.
  const pointer = kidOffset.slice(0, count + 1);
  const sectionSpan: number[] = [];
  const sectionStart: number[] = [];
  const sectionEnd: number[] = [];
  const record = (span: number, from: number, to: number) => {
    if (span !== VIRTUAL && to > from) {
      sectionSpan.push(span);
      sectionStart.push(from);
      sectionEnd.push(to);
    }
  };

  let traceEnd = -Infinity;
  for (let k = kidOffset[VIRTUAL]!; k < kidOffset[VIRTUAL + 1]!; k++) {
    traceEnd = Math.max(traceEnd, end[kids[k]!]!);
  }
  let current = VIRTUAL;
  let cursor = traceEnd;
  // Roots skipped for ending after the cursor: the earliest-starting one may still be running.
  let runningRoot = -1;
  while (Number.isFinite(cursor)) {
    const stop = kidOffset[current + 1]!;
    let at = pointer[current]!;
    // Children that end after the cursor ran alongside the path: skip them for good, since the
    // cursor never moves forward again.
    while (at < stop && end[kids[at]!]! > cursor) {
      const kid = kids[at]!;
      if (current === VIRTUAL && (runningRoot < 0 || start[kid]! < start[runningRoot]!)) {
        runningRoot = kid;
      }
      at++;
    }
    let next = at < stop ? kids[at]! : -1;
    if (next >= 0) at++;
    pointer[current] = at;
    if (current === VIRTUAL) {
      // A root running at the cursor covers it; a root that ended by then only when it ends
      // exactly there and started earlier.
      if (runningRoot >= 0 && start[runningRoot]! < cursor) {
        if (next < 0 || end[next]! < cursor || start[next]! >= start[runningRoot]!) {
          if (next >= 0) pointer[current] = at - 1; // not taken: stays a candidate
          next = runningRoot;
        }
      }
      // Whatever is followed now starts before every skipped root still in the pool.
      runningRoot = -1;
      if (next < 0) break;
    } else if (next < 0) {
      record(current, start[current]!, cursor);
      cursor = start[current]!;
      const parent = parentIndex[current]!;
      current = parent < 0 ? VIRTUAL : parent;
      continue;
    }
    const nextEnd = Math.min(end[next]!, cursor);
    record(current, nextEnd, cursor);
    current = next;
    cursor = nextEnd;
  }

  // Group the sections by span (a counting sort), each span's in time order.
  const total = sectionSpan.length;
  const sectionOffset = new Int32Array(count + 1);
  for (let k = 0; k < total; k++) sectionOffset[sectionSpan[k]! + 1]! += 1;
  for (let i = 0; i < count; i++) sectionOffset[i + 1]! += sectionOffset[i]!;
  const sectionStartUs = new Float64Array(total);
  const sectionEndUs = new Float64Array(total);
  const next = sectionOffset.slice(0, count);
  const mask = new Uint8Array(count);
  const criticalUs = new Float64Array(count);
  let spanCount = 0;
  // Recorded latest first: walking the list backwards gives each span's sections in order.
  for (let k = total - 1; k >= 0; k--) {
    const span = sectionSpan[k]!;
    const slot = next[span]!++;
    sectionStartUs[slot] = sectionStart[k]!;
    sectionEndUs[slot] = sectionEnd[k]!;
    criticalUs[span]! += sectionEnd[k]! - sectionStart[k]!;
    if (mask[span] === 0) {
      mask[span] = 1;
      spanCount++;
    }
  }
  return { mask, criticalUs, sectionOffset, sectionStartUs, sectionEndUs, spanCount };
}

function isSortedByEndDesc(
  kids: Int32Array,
  from: number,
  to: number,
  end: Float64Array,
  start: Float64Array,
): boolean {
  for (let k = from + 1; k < to; k++) {
    const a = kids[k - 1]!;
    const b = kids[k]!;
    if (end[a]! < end[b]! || (end[a] === end[b] && start[a]! > start[b]!)) return false;
  }
  return true;
}

/** The critical sections of span `index`, as [startUs, endUs] pairs in time order. */
export function criticalSectionsOf(path: CriticalPath, index: number): [number, number][] {
  const sections: [number, number][] = [];
  for (let k = path.sectionOffset[index]!; k < path.sectionOffset[index + 1]!; k++) {
    sections.push([path.sectionStartUs[k]!, path.sectionEndUs[k]!]);
  }
  return sections;
}
