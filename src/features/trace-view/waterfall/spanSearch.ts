import { keptTextMatches, textReadingSession } from '../../../api/lazyText';
import type { TraceNode } from '../../../api/schemas';
import type { SpanTree } from '../../../domain/trace/buildSpanTree';
import { foldedByteMatcher, type JsonStringMatcher } from '../../../lib/foldedByteSearch';

/** The fields a span search looks in, in the order a match is reported. */
type MatchField = 'name' | 'model' | 'tool' | 'id' | 'input' | 'output' | 'error';

/**
 * Spans whose name, id, model, tool name, input, output or error contain the query,
 * case-insensitive, in tree order. A case-insensitive RegExp avoids lower-casing megabyte-sized
 * strings.
 */
export function searchSpans(tree: SpanTree, query: string): Int32Array {
  const scan = createSpanSearchScan(tree, query);
  scan.step(() => true);
  return scan.result().matches;
}

/** A search's matches so far. */
export interface SpanSearchResult {
  /** Matching spans in tree order. */
  matches: Int32Array;
  /** 1 for a matching span, by index; null when nothing matches (yet). */
  mask: Uint8Array | null;
  /** Every span has been looked at: `matches` is final. */
  isComplete: boolean;
}

/** A search run a slice at a time: long texts at 1 GB take seconds to look through. */
export interface SpanSearchScan {
  /** Looks at more spans while `hasTime()` says so; true once every span has been looked at. */
  step(hasTime: () => boolean): boolean;
  result(): SpanSearchResult;
}

/** Spans looked at between two checks of the clock. */
const SPANS_PER_CHECK = 256;

/**
 * The search as a scan in two passes: the short fields (name, model, tool, id) of every span
 * first, which is fast at any size, so that the rows in view show their matches at once; then
 * the long texts of the spans not matched yet, which at 1 GB is seconds of work.
 */
export function createSpanSearchScan(tree: SpanTree, query: string): SpanSearchScan {
  const pattern = searchPattern(query);
  const count = pattern === null ? 0 : tree.count;
  const mask = new Uint8Array(count);
  // Long texts kept as bytes are searched in their bytes for an ASCII query, and decoded a
  // batch at a time for any other.
  const inBytes = foldedByteMatcher(query.trim());
  const reading = textReadingSession();
  let pass: 'short' | 'texts' | 'done' = count === 0 ? 'done' : 'short';
  let next = 0;
  let found = 0;
  let result: SpanSearchResult | null = null;

  const lookAtSpans = (hasTime: () => boolean) => {
    do {
      const end = Math.min(count, next + SPANS_PER_CHECK);
      for (let i = next; i < end; i++) {
        if (mask[i]) continue;
        const node = tree.nodes[i]!;
        const field =
          pass === 'short'
            ? matchingField(node, SHORT_FIELDS, pattern!, null)
            : matchingField(node, TEXT_FIELDS, pattern!, inBytes);
        if (field !== null) {
          mask[i] = 1;
          found++;
          result = null;
        }
      }
      next = end;
      if (next === count) {
        pass = pass === 'short' ? 'texts' : 'done';
        next = 0;
        result = null;
      }
    } while (pass !== 'done' && hasTime());
  };

  return {
    step(hasTime) {
      if (pass !== 'done') reading(() => lookAtSpans(hasTime));
      return pass === 'done';
    },
    result() {
      if (result) return result;
      const matches = new Int32Array(found);
      for (let i = 0, at = 0; at < found; i++) if (mask[i]) matches[at++] = i;
      result = { matches, mask: found > 0 ? mask.slice() : null, isComplete: pass === 'done' };
      return result;
    },
  };
}

/** Where a span matches the query, and the words around it, for the row to say why it matched. */
export interface SpanMatch {
  field: MatchField;
  /** The matched text with up to `radius` characters each side, on one line. */
  before: string;
  match: string;
  after: string;
  /** Text was cut before / after the snippet. */
  isCutBefore: boolean;
  isCutAfter: boolean;
}

export function spanMatch(node: TraceNode, query: string, radius = 40): SpanMatch | null {
  const pattern = searchPattern(query);
  if (pattern === null) return null;
  const field = matchingField(node, FIELDS, pattern, null);
  if (field === null) return null;
  const text = fieldText(node, field)!;
  const found = pattern.exec(text)!;
  const start = found.index;
  const end = start + found[0].length;
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  const oneLine = (part: string) => part.replace(/\s+/g, ' ');
  return {
    field,
    before: oneLine(text.slice(from, start)),
    match: oneLine(text.slice(start, end)),
    after: oneLine(text.slice(end, to)),
    isCutBefore: from > 0,
    isCutAfter: to < text.length,
  };
}

function searchPattern(query: string): RegExp | null {
  const trimmed = query.trim();
  if (!trimmed) return null;
  return new RegExp(trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}

const SHORT_FIELDS: readonly MatchField[] = ['name', 'model', 'tool', 'id'];
const TEXT_FIELDS: readonly MatchField[] = ['input', 'output', 'error'];
const FIELDS: readonly MatchField[] = [...SHORT_FIELDS, ...TEXT_FIELDS];

function matchingField(
  node: TraceNode,
  fields: readonly MatchField[],
  pattern: RegExp,
  inBytes: JsonStringMatcher | null,
): MatchField | null {
  for (const field of fields) {
    if (inBytes && (field === 'input' || field === 'output' || field === 'error')) {
      const found = keptTextMatches(node, field, inBytes);
      if (found === true) return field;
      if (found === false) continue;
    }
    const text = fieldText(node, field);
    if (text != null && pattern.test(text)) return field;
  }
  return null;
}

function fieldText(node: TraceNode, field: MatchField): string | null | undefined {
  switch (field) {
    case 'name':
      return node.name;
    case 'id':
      return node.id;
    case 'model':
      return typeof node.metadata?.model === 'string' ? node.metadata.model : null;
    case 'tool':
      return typeof node.metadata?.tool_name === 'string' ? node.metadata.tool_name : null;
    case 'input':
      return node.input;
    case 'output':
      return node.output;
    case 'error':
      return typeof node.error === 'string' ? node.error : null;
  }
}
