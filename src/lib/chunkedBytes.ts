import type { ByteList } from './byteList';

/**
 * Bytes that arrived in chunks (an answer read from the network), kept as those chunks and
 * addressed by their offset from the first byte. Nothing is copied when a chunk is added; a
 * range is read in place when it lies in one chunk (`locate`), or copied into a buffer the
 * reader keeps (`copyTo`): on the development VM, memory touched for the first time costs about
 * 5 µs a page, and copying a 100 MB answer into new buffers took longer than scanning it.
 */
export class ChunkedBytes {
  private readonly chunks: Uint8Array[] = [];
  /** Offset of each chunk's first byte. */
  private readonly starts: number[] = [];
  length = 0;

  append(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.starts.push(this.length);
    this.length += chunk.length;
  }

  /**
   * Takes out the chunks that end at or before `offset` (oldest first): what a reader that
   * is done with them hands on. Offsets stay as they were; ranges in those chunks are gone.
   */
  release(offset: number): Uint8Array[] {
    let count = 0;
    while (
      count < this.chunks.length &&
      (this.starts[count] as number) + (this.chunks[count] as Uint8Array).length <= offset
    ) {
      count++;
    }
    this.starts.splice(0, count);
    return this.chunks.splice(0, count);
  }

  /** Index of the chunk that holds `offset` (the last one for an offset past the end). */
  private chunkAt(offset: number): number {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /**
   * The chunk that holds all of [start, end), with the range's place in it; null when the range
   * spans chunks. For readers of many ranges that work on whole chunks (decoded once each).
   */
  locate(start: number, end: number): { chunk: Uint8Array; from: number; to: number } | null {
    const index = this.chunkAt(start);
    const chunk = this.chunks[index];
    if (!chunk) return null;
    const chunkStart = this.starts[index] as number;
    if (start < chunkStart || end - chunkStart > chunk.length) return null;
    return { chunk, from: start - chunkStart, to: end - chunkStart };
  }

  /** Appends the bytes of [start, end) to `list`. */
  copyTo(list: ByteList, start: number, end: number): void {
    if (end > this.length || start < (this.starts[0] ?? this.length)) {
      throw new Error(`Bytes ${start}-${end} are not among the ${this.length} received`);
    }
    for (let index = this.chunkAt(start), at = start; at < end; index++) {
      const chunk = this.chunks[index] as Uint8Array;
      const chunkStart = this.starts[index] as number;
      const to = Math.min(end, chunkStart + chunk.length);
      list.push(chunk.subarray(at - chunkStart, to - chunkStart));
      at = to;
    }
  }
}

// `ignoreBOM`: a U+FEFF inside the text is a character like any other.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text of UTF-8 `bytes`. Chromium's TextDecoder answers "" for a text longer than a string
 * can be (V8's limit, 2^29 - 24 units) instead of failing: that is a RangeError here, as a
 * string built any other way would throw.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const text = utf8.decode(bytes);
  if (text === '' && bytes.length > 0) throw new RangeError('Invalid string length');
  return text;
}
