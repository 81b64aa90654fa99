/** A piece of text, and whether it is a match of the query. */
export interface TextSegment {
  text: string;
  isMatch: boolean;
}

/** More marks than this in one block are not drawn: the rest of the text stays plain. */
export const MAX_MARKS = 200;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A case-insensitive pattern for the search query as the waterfall reads it (trimmed, plain
 * text), or null for an empty query. One RegExp: megabyte texts are not lower-cased.
 */
export function queryPattern(query: string): RegExp | null {
  const trimmed = query.trim();
  return trimmed === '' ? null : new RegExp(escapeRegExp(trimmed), 'gi');
}

/**
 * `text` cut around the matches of `query` (case-insensitive, plain text), at most `maxMarks`
 * of them; the segments joined give `text` back. No query or no match: one plain segment.
 */
export function splitHighlights(text: string, query: string, maxMarks = MAX_MARKS): TextSegment[] {
  const pattern = queryPattern(query);
  if (!pattern || text === '') return [{ text, isMatch: false }];
  const segments: TextSegment[] = [];
  let last = 0;
  let marks = 0;
  for (let match = pattern.exec(text); match && marks < maxMarks; match = pattern.exec(text)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), isMatch: false });
    segments.push({ text: match[0], isMatch: true });
    last = match.index + match[0].length;
    marks += 1;
  }
  if (last < text.length) segments.push({ text: text.slice(last), isMatch: false });
  return segments.length > 0 ? segments : [{ text, isMatch: false }];
}

/** Whether `text` contains the query (case-insensitive); false for an empty query. */
export function hasMatch(text: string, query: string): boolean {
  const pattern = queryPattern(query);
  return pattern !== null && pattern.test(text);
}
