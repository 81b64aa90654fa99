/**
 * `bytes` (or the UTF-8 of a text) cut at `cuts` (byte offsets, any order and size, taken
 * modulo its length), as a network might deliver it: for the stream readers' tests.
 */
export function networkChunks(
  input: string | Uint8Array,
  cuts: readonly number[] = [],
): Uint8Array[] {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.slice(from, point));
    from = point;
  }
  return chunks;
}
