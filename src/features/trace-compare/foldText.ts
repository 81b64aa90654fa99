/** What a folded text shows: its first lines, up to a number of characters. */
const FOLD_LINES = 8;
const FOLD_CHARS = 600;

export interface Folded {
  text: string;
  isCut: boolean;
  /** Characters left out (0 when nothing is). */
  hiddenChars: number;
}

/** The start of a long text, cut at the first of FOLD_LINES lines or FOLD_CHARS characters. */
export function foldText(text: string, lines = FOLD_LINES, chars = FOLD_CHARS): Folded {
  let end = Math.min(text.length, chars);
  let newlines = 0;
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10 && ++newlines === lines) {
      end = i;
      break;
    }
  }
  if (end >= text.length) return { text, isCut: false, hiddenChars: 0 };
  return { text: `${text.slice(0, end)}…`, isCut: true, hiddenChars: text.length - end };
}
