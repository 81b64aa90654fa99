/**
 * A trace id typed or pasted by the user: the text itself, or the id in a pasted trace page
 * address (`…/traces/<id>?span=…`). Null when there is nothing usable.
 */
export function traceIdFromText(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /\/traces\/([^/?#\s]+)/.exec(trimmed);
  if (match) {
    try {
      return decodeURIComponent(match[1]!);
    } catch {
      return match[1]!;
    }
  }
  return /\s/.test(trimmed) ? null : trimmed;
}
