import type { Virtualizer } from '@tanstack/react-virtual';
import { describe, expect, it, vi } from 'vitest';
import { scrollWithoutFirstReset } from './virtualizerLayout';

function fakeVirtualizer() {
  const scrollTo = vi.fn();
  const instance = {
    scrollElement: { scrollTo },
    options: { horizontal: false, isRtl: false },
  } as unknown as Virtualizer<HTMLDivElement, Element>;
  return { instance, scrollTo };
}

describe('scrollWithoutFirstReset', () => {
  it('leaves a fresh element at the top without writing to it, and scrolls on later writes', () => {
    const { instance, scrollTo } = fakeVirtualizer();
    scrollWithoutFirstReset(0, {}, instance);
    expect(scrollTo).not.toHaveBeenCalled();

    scrollWithoutFirstReset(560, {}, instance);
    scrollWithoutFirstReset(0, {}, instance);
    expect(scrollTo.mock.calls).toEqual([[{ top: 560 }], [{ top: 0 }]]);
  });

  it('scrolls when the first write goes somewhere (a linked span)', () => {
    const { instance, scrollTo } = fakeVirtualizer();
    scrollWithoutFirstReset(1_200, { behavior: 'auto' }, instance);
    expect(scrollTo).toHaveBeenCalledWith({ top: 1_200, behavior: 'auto' });
  });

  it('scrolls a first write of 0 that carries an adjustment', () => {
    const { instance, scrollTo } = fakeVirtualizer();
    scrollWithoutFirstReset(0, { adjustments: 28 }, instance);
    expect(scrollTo).toHaveBeenCalledWith({ top: 28 });
  });

  it('skips the first reset of each virtualizer, not only of the first one', () => {
    const first = fakeVirtualizer();
    const second = fakeVirtualizer();
    scrollWithoutFirstReset(0, {}, first.instance);
    scrollWithoutFirstReset(0, {}, second.instance);
    expect(first.scrollTo).not.toHaveBeenCalled();
    expect(second.scrollTo).not.toHaveBeenCalled();
  });
});
