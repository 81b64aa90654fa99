/**
 * Sizes of span text for people ("1.2 MB"). The byte count is the UTF-8 size, what the payload
 * weighs on the wire, counted without allocating an encoded copy of a multi-megabyte string.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A surrogate pair is one code point of four bytes.
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

const UNITS = ['KB', 'MB', 'GB'] as const;

/** "512 B", "1.2 KB", "5.0 MB", "12 MB" (binary multiples, as developer tools show them). */
export function formatByteSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${UNITS[unit]}`;
}

/**
 * Where to cut `text` near `index` without splitting a surrogate pair (half an emoji would show
 * as garbage on both sides of the cut).
 */
export function safeCutIndex(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  const before = text.charCodeAt(index - 1);
  return before >= 0xd800 && before <= 0xdbff ? index - 1 : index;
}

/**
 * Splits text into blocks of at most `chunkChars`, to render piece by piece. Cuts after a line
 * break near a block's end when there is one (the block boundary then falls where the text
 * breaks anyway), else at the size, never inside a surrogate pair.
 */
export function splitIntoChunks(text: string, chunkChars = 50_000): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start + chunkChars;
    if (end >= text.length) {
      end = text.length;
    } else {
      const lineBreak = text.lastIndexOf('\n', end - 1);
      end =
        lineBreak >= end - Math.min(5_000, chunkChars / 2)
          ? lineBreak + 1
          : safeCutIndex(text, end);
      if (end <= start) end = start + chunkChars; // a lone surrogate pair wider than a chunk
    }
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}
