import { isAscii } from './jsonText';

/**
 * Bytes appended back to back in one buffer that grows and is kept from one use to the next:
 * in Chromium a fresh ArrayBuffer costs far more than writing into one that exists.
 */
export class ByteList {
  private buffer: Uint8Array;
  length = 0;

  constructor(
    private readonly initialBytes = 64 * 1024,
    /** Past this, `clear` lets the buffer go: one large batch should not pin its memory. */
    private readonly keptBytes = 4 * 1024 * 1024,
  ) {
    this.buffer = new Uint8Array(initialBytes);
  }

  /** Appends `piece`; returns where it starts. */
  push(piece: Uint8Array): number {
    const start = this.length;
    const need = start + piece.length;
    if (need > this.buffer.length) {
      const grown = new Uint8Array(Math.max(need, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, start));
      this.buffer = grown;
    }
    this.buffer.set(piece, start);
    this.length = need;
    return start;
  }

  /** Appends bytes [from, to) of this list to `list` (another one), with one view made. */
  copyTo(list: ByteList, from: number, to: number): void {
    list.push(this.buffer.subarray(from, to));
  }

  /** Whether the bytes from `from` on are all ASCII. */
  isAsciiFrom(from: number): boolean {
    return isAscii(this.buffer, from, this.length);
  }

  /** The bytes so far: a view, valid until the next `push` or `clear`. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** Drops the bytes from `length` on (a stack's pop). */
  truncate(length: number): void {
    this.length = Math.min(this.length, length);
  }

  clear(): void {
    this.length = 0;
    if (this.buffer.length > this.keptBytes) this.buffer = new Uint8Array(this.initialBytes);
  }
}
