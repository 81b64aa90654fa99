import { describe, expect, it } from 'vitest';
import { RowSlots } from './rowSlots';

/** The keys of `count` rows drawn from `first` on, after `slots` took them. */
function keysAfter(slots: RowSlots, first: number, count: number): number[] {
  slots.place(first, count);
  return Array.from({ length: count }, (_, i) => slots.keyOf(first + i));
}

describe('RowSlots', () => {
  it('gives the rows drawn distinct keys', () => {
    const slots = new RowSlots();
    for (const [first, count] of [
      [0, 40],
      [3, 56],
      [1_000, 56],
      [99_990, 10],
      [5, 130],
    ] as const) {
      const keys = keysAfter(slots, first, count);
      expect(new Set(keys).size).toBe(count);
    }
  });

  it('keeps the keys of the rows that stay on a small scroll', () => {
    const slots = new RowSlots();
    const before = keysAfter(slots, 100, 56);
    const after = keysAfter(slots, 103, 56);
    // Rows 103 to 155 were drawn before: same span, same key, same element.
    expect(after.slice(0, 53)).toEqual(before.slice(3));
  });

  it('keeps the keys in the same order on a jump, so no row element moves', () => {
    const slots = new RowSlots();
    keysAfter(slots, 0, 56);
    const before = keysAfter(slots, 10, 56);
    // 1,000 rows down, as a scrollbar drag at 300,000 spans does in a frame.
    expect(keysAfter(slots, 1_010, 56)).toEqual(before);
    expect(keysAfter(slots, 30, 56)).toEqual(before);
  });

  it('answers the same for the same rows asked twice (a render repeated)', () => {
    const slots = new RowSlots();
    keysAfter(slots, 0, 56);
    const first = keysAfter(slots, 5_000, 56);
    expect(keysAfter(slots, 5_000, 56)).toEqual(first);
  });
});
