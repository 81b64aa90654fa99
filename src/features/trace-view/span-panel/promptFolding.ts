/**
 * When a system prompt opens folded: past 8 lines as the panel shows them (about 150 px), so the
 * first user message and the reply are on screen without scrolling at 1024×768. Long lines wrap, so a line counts once
 * per 70 characters (about a 420 px panel's width of 12.5 px monospace).
 */
const FOLD_ABOVE_LINES = 8;
const PREVIEW_LINES = 3;
const CHARS_PER_LINE = 70;

function linesOf(line: string): number {
  return Math.max(1, Math.ceil(line.length / CHARS_PER_LINE));
}

/**
 * The start of `text` to show while it is folded (about `previewLines` lines), or null when
 * the text is short enough to show whole.
 */
export function foldedPreview(
  text: string,
  maxLines = FOLD_ABOVE_LINES,
  previewLines = PREVIEW_LINES,
): string | null {
  let total = 0;
  let start = 0;
  let previewEnd = -1;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const count = linesOf(text.slice(start, end));
    if (previewEnd === -1 && total + count >= previewLines) {
      // Cut inside this line when it alone goes past the preview.
      const room = (previewLines - total) * CHARS_PER_LINE;
      previewEnd = Math.min(end, start + room);
    }
    total += count;
    if (total > maxLines) break;
    if (newline === -1) break;
    start = newline + 1;
  }
  if (total <= maxLines) return null;
  return text.slice(0, previewEnd === -1 ? text.length : previewEnd);
}
