import {
  longestTextAtMost,
  MAX_STRING_LENGTH,
  textLengthAtMost,
  type LazyTextKey,
} from '../../api/lazyText';
import type { TraceDetail } from '../../api/schemas';
import { parseTimestampUs } from '../../lib/time';
import type { TraceModel } from '../../domain/trace/traceModel';

/**
 * What is odd about a trace's data, told to the reader beside the trace rather than hidden in
 * the layout: the viewer draws something sensible for each case, and says what it did.
 *
 * Not checked because it cannot happen: a cycle. The tree arrives nested (each span holds its
 * children), so it is finite and acyclic by construction. The viewer never rebuilds it from
 * span ids: a span listed under two parents is simply shown twice (and reported here as a
 * duplicate id), and every walk up the tree follows `parentIndex`, which in pre-order always
 * points to an earlier index, so it ends at a root.
 */
export type TraceNoteKind =
  | 'empty-tree'
  | 'span-count'
  | 'duplicate-ids'
  | 'orphan-roots'
  | 'end-before-start'
  | 'unparsable-dates'
  | 'zoneless-dates'
  | 'zero-duration'
  | 'large-text'
  | 'wide-tree'
  | 'deep-tree';

export interface TraceNote {
  kind: TraceNoteKind;
  /** `warning`: data missing or contradictory; `info`: unusual, shown as is. */
  severity: 'warning' | 'info';
  message: string;
  /** A few span ids or raw values, shown as code after the message. */
  examples: string[];
}

const MAX_EXAMPLES = 3;
/** Sizes worth a word: the viewer handles them, the reader may wonder why a text opens folded. */
const LARGE_TEXT_CHARS = 1_000_000;
const WIDE_TREE_CHILDREN = 10_000;
const DEEP_TREE_LEVELS = 1_000;
const MAX_EXAMPLE_CHARS = 60;

function example(text: string): string {
  return text.length > MAX_EXAMPLE_CHARS ? `${text.slice(0, MAX_EXAMPLE_CHARS)}…` : text;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** A zone designator at the end: `Z`, `+05:30`, `-0800`, `+01`. */
const ZONE_SUFFIX = /(?:[Zz]|[+-]\d{2}(?::?\d{2})?)\s*$/;

/** True for a parsable timestamp written without a zone (the viewer reads it as UTC). */
export function lacksZone(text: string, parsedUs: number): boolean {
  // Nearly every timestamp ends in "Z": that is checked before the pattern (200,000 at 100k spans).
  return Number.isFinite(parsedUs) && !text.endsWith('Z') && !ZONE_SUFFIX.test(text);
}

class Tally {
  count = 0;
  examples: string[] = [];
  add(value: string): void {
    this.count++;
    if (this.examples.length < MAX_EXAMPLES) this.examples.push(example(value));
  }
}

/**
 * The notes for one trace, in order of importance. One pass over the spans (the times are the
 * tree's parsed arrays; only the zone check reads the text again), so 100,000 spans cost a few
 * milliseconds.
 */
export function diagnoseTrace(trace: TraceDetail, tree: TraceModel): TraceNote[] {
  const notes: TraceNote[] = [];
  const endBeforeStart = new Tally();
  const zeroDuration = new Tally();
  const unparsable = new Tally();
  const zoneless = new Tally();
  const largeTexts = new Tally();
  let largest = { chars: 0, where: '' };
  // Only texts that may be large are decoded for their length: a span's long strings are kept
  // as bytes, and their byte count bounds it.
  // `spanId` names the owner (null: the trace); the place's text is built only for a large text,
  // and no closure per text is made (300,000 texts at 100k spans).
  const checkSize = (owner: object, key: LazyTextKey, spanId: string | null) => {
    const atMost = textLengthAtMost(owner, key);
    if (atMost === null || atMost < LARGE_TEXT_CHARS) return;
    // Past a string's longest, a kept text reads as its beginning: its byte count says more.
    const chars =
      atMost > MAX_STRING_LENGTH ? atMost : (owner as Record<LazyTextKey, string>)[key].length;
    if (chars < LARGE_TEXT_CHARS) return;
    const place = spanId === null ? `the trace's ${key}` : `the ${key} of span ${spanId}`;
    largeTexts.add(place);
    if (chars > largest.chars) largest = { chars, where: place };
  };
  checkSize(trace, 'input', null);
  checkSize(trace, 'output', null);
  checkSize(trace, 'error', null);
  let widest = 0;

  for (let i = 0; i < tree.count; i++) {
    const node = tree.nodes[i]!;
    if (tree.childCount[i]! > widest) widest = tree.childCount[i]!;
    if (longestTextAtMost(node) >= LARGE_TEXT_CHARS) {
      checkSize(node, 'input', node.id);
      checkSize(node, 'output', node.id);
      checkSize(node, 'error', node.id);
    }
    const start = tree.startUs[i]!;
    const end = tree.endUs[i]!;
    if (Number.isNaN(start)) unparsable.add(node.start_time);
    if (Number.isNaN(end)) unparsable.add(node.end_time);
    if (end < start) endBeforeStart.add(node.id);
    else if (end === start) zeroDuration.add(node.id);
    if (lacksZone(node.start_time, start)) zoneless.add(node.start_time);
    if (lacksZone(node.end_time, end)) zoneless.add(node.end_time);
  }

  const traceStart = tree.reportedStartUs;
  const traceEnd = tree.reportedEndUs;
  const traceTimes: [string, string, number][] = [
    ['start', trace.start_time, traceStart],
    ['end', trace.end_time, traceEnd],
    ['creation', trace.created_at, parseTimestampUs(trace.created_at)],
  ];
  const unparsableTraceTimes: string[] = [];
  for (const [label, text, us] of traceTimes) {
    if (Number.isNaN(us)) unparsableTraceTimes.push(label);
    else if (lacksZone(text, us)) zoneless.add(text);
  }

  if (tree.count === 0) {
    notes.push({
      kind: 'empty-tree',
      severity: 'warning',
      message:
        trace.total_spans > 0
          ? `The tree is empty, although the server counts ${plural(trace.total_spans, 'span', 'spans')} for this trace (dropped or late spans).`
          : 'The tree is empty: the server sent the trace without any span.',
      examples: [],
    });
  } else if (tree.count < trace.total_spans) {
    const missing = trace.total_spans - tree.count;
    notes.push({
      kind: 'span-count',
      severity: 'warning',
      message: `The server counts ${plural(trace.total_spans, 'span', 'spans')}; the tree holds ${tree.count.toLocaleString('en-US')}: ${missing.toLocaleString('en-US')} missing (dropped or late spans).`,
      examples: [],
    });
  } else if (tree.count > trace.total_spans) {
    notes.push({
      kind: 'span-count',
      severity: 'info',
      message: `The tree holds ${plural(tree.count, 'span', 'spans')}, more than the ${trace.total_spans.toLocaleString('en-US')} the server counts (total_spans): all are shown.`,
      examples: [],
    });
  }

  if (tree.duplicateIds.length > 0) {
    const distinct = [...new Set(tree.duplicateIds)];
    notes.push({
      kind: 'duplicate-ids',
      severity: 'warning',
      message: `${plural(distinct.length, 'span id appears', 'span ids appear')} more than once (${plural(tree.duplicateIds.length, 'extra copy', 'extra copies')}), as when a span is listed under two parents. Each copy is shown where it was sent; selecting, links and search go to the first.`,
      examples: distinct.slice(0, MAX_EXAMPLES).map(example),
    });
  }

  if (tree.rootCount > 1) {
    const orphans = tree.rootCount - 1;
    notes.push({
      kind: 'orphan-roots',
      severity: 'info',
      message: `${plural(orphans, 'span has', 'spans have')} no parent in the tree (the parent was never exported): shown as extra roots.`,
      examples: [],
    });
  }

  const traceEndsFirst = traceEnd < traceStart;
  if (endBeforeStart.count > 0 || traceEndsFirst) {
    const parts = [];
    if (endBeforeStart.count > 0) {
      parts.push(`${plural(endBeforeStart.count, 'span ends', 'spans end')} before it starts`);
    }
    if (traceEndsFirst) parts.push('the trace itself ends before it starts');
    notes.push({
      kind: 'end-before-start',
      severity: 'warning',
      message: `${capitalize(parts.join('; '))}: such durations show as "–" (the row's tooltip says by how much) and their bars as thin marks at the start.`,
      examples: endBeforeStart.examples,
    });
  }

  if (unparsable.count > 0 || unparsableTraceTimes.length > 0) {
    const parts = [];
    if (unparsable.count > 0) {
      parts.push(`${plural(unparsable.count, 'span time is', 'span times are')} not dates`);
    }
    if (unparsableTraceTimes.length > 0) {
      parts.push(`the trace's ${unparsableTraceTimes.join(' and ')} time is not a date`);
    }
    notes.push({
      kind: 'unparsable-dates',
      severity: 'warning',
      message: `${capitalize(parts.join('; '))}: such times and durations show as "–", and those spans as thin marks (at the trace's start when the start is unknown).`,
      examples: unparsable.examples,
    });
  }

  if (zoneless.count > 0) {
    notes.push({
      kind: 'zoneless-dates',
      severity: 'info',
      message: `${plural(zoneless.count, 'timestamp has', 'timestamps have')} no time zone: read as UTC.`,
      examples: zoneless.examples,
    });
  }

  if (zeroDuration.count > 0) {
    notes.push({
      kind: 'zero-duration',
      severity: 'info',
      message: `${plural(zeroDuration.count, 'span lasts', 'spans last')} exactly zero (start equals end): drawn as thin marks.`,
      examples: zeroDuration.examples,
    });
  }

  if (largeTexts.count > 0) {
    notes.push({
      kind: 'large-text',
      severity: 'info',
      message: `${plural(largeTexts.count, 'text is', 'texts are')} over ${(LARGE_TEXT_CHARS / 1_000_000).toLocaleString('en-US')} million characters (the largest, ${largest.where}, has ${largest.chars.toLocaleString('en-US')}): long texts open folded, with their size, and "Show all" renders them piece by piece.`,
      examples: [],
    });
  }

  if (widest >= WIDE_TREE_CHILDREN) {
    notes.push({
      kind: 'wide-tree',
      severity: 'info',
      message: `One span has ${widest.toLocaleString('en-US')} direct children: the waterfall draws only the rows on screen, and "Collapse all" folds them.`,
      examples: [],
    });
  }

  if (tree.maxDepth + 1 >= DEEP_TREE_LEVELS) {
    notes.push({
      kind: 'deep-tree',
      severity: 'info',
      message: `The tree is ${(tree.maxDepth + 1).toLocaleString('en-US')} levels deep: "Collapse all" and the levels menu fold it, and search finds a span at any depth.`,
      examples: [],
    });
  }

  return notes;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
