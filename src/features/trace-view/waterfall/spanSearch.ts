import { keptTextMatches, readingManyTexts } from '../../../api/lazyText';
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
  const pattern = searchPattern(query);
  if (pattern === null) return new Int32Array(0);
  // Long texts kept as bytes are searched in their bytes for an ASCII query, and decoded a
  // batch at a time for any other.
  const inBytes = foldedByteMatcher(query.trim());
  const found: number[] = [];
  readingManyTexts(() => {
    for (let i = 0; i < tree.count; i++) {
      if (fieldMatching(tree.nodes[i]!, pattern, inBytes) !== null) found.push(i);
    }
  });
  return Int32Array.from(found);
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
  const field = fieldMatching(node, pattern);
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

const FIELDS: readonly MatchField[] = ['name', 'model', 'tool', 'id', 'input', 'output', 'error'];

function fieldMatching(
  node: TraceNode,
  pattern: RegExp,
  inBytes: JsonStringMatcher | null = null,
): MatchField | null {
  for (const field of FIELDS) {
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
