/**
 * Whether a text that `JSON.parse` refused is JSON that stopped early: it opens an object or an
 * array and ends with a container or a string still open. A proxy that caps answers, or a server
 * that dies mid-write, leaves exactly that; a web page, a login form or a stray word does not.
 * Only the nesting is followed (not every token), so a text that is wrong inside *and* unclosed
 * counts as cut off; the caller has already seen it fail to parse.
 */
export function isCutOffJson(text: string): boolean {
  const first = /\S/.exec(text);
  if (!first || (first[0] !== '{' && first[0] !== '[')) return false;
  let depth = 0;
  let inString = false;
  for (let i = first.index; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) depth++;
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
      // Closed before the end: whatever follows is not the rest of a cut-off answer.
      if (depth === 0) return false;
    }
  }
  return depth > 0 || inString;
}
