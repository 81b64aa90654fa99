/**
 * Keys for the waterfall's rows by slot, not by span: a row element shows whichever span is
 * at its place, so a jump (a scrollbar drag, a fling, `End`, a search step) updates the row
 * elements already there instead of removing every row and creating new ones.
 *
 * A slot's key is the row's position minus an offset, modulo a power of two at least the rows
 * drawn, so the keys of the rows drawn are distinct and in a rotating order:
 * - a small scroll keeps the offset: the rows that stay keep their keys (and their elements),
 *   and only the rows that come in are new;
 * - a jump moves the offset by the jump: every slot keeps its place on screen, so the keys come
 *   in the same order as before and React moves no element. With a fixed offset, a jump of `j`
 *   rows rotated the keys by `j` modulo the slots, and React moved up to as many row elements
 *   as were drawn: at 300,000 spans a scrollbar drag of 1,000 rows a frame moved 40 of them
 *   and took half as long again per frame.
 */
export class RowSlots {
  private first = 0;
  private offset = 0;
  private slots = 64;

  /**
   * Takes the rows now drawn, from position `first` on, `count` of them: what `keyOf` answers
   * until the next call.
   */
  place(first: number, count: number): void {
    const jump = first - this.first;
    // Most of the rows drawn are new: a jump.
    if (Math.abs(jump) * 2 >= count) this.offset += jump;
    this.first = first;
    this.slots = 2 ** Math.ceil(Math.log2(Math.max(64, count)));
  }

  /** The key of the row at `position`, one of those `place` took. */
  keyOf(position: number): number {
    const slot = (position - this.offset) % this.slots;
    return slot < 0 ? slot + this.slots : slot;
  }
}
