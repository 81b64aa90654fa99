import { afterEach, describe, expect, it, vi } from 'vitest';
import { trackPointerDrag } from './pointerDrag';

// jsdom has PointerEvent but no pointer capture: the element gets a stand-in.
function handle() {
  const element = document.createElement('div');
  const capture = vi.fn();
  element.setPointerCapture = capture;
  document.body.append(element);
  return { element, capture };
}

const pointer = (element: Element, type: string, clientX = 0) =>
  element.dispatchEvent(new PointerEvent(type, { pointerId: 1, clientX, bubbles: true }));

describe('trackPointerDrag', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('captures the pointer and reports each move, then the release', () => {
    const { element, capture } = handle();
    const moves: number[] = [];
    const onEnd = vi.fn();
    trackPointerDrag(
      { currentTarget: element, pointerId: 7 },
      { onMove: (event) => moves.push(event.clientX), onEnd },
    );
    expect(capture).toHaveBeenCalledWith(7);
    pointer(element, 'pointermove', 10);
    pointer(element, 'pointermove', 25);
    expect(moves).toEqual([10, 25]);
    expect(onEnd).not.toHaveBeenCalled();
    pointer(element, 'pointerup', 30);
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(onEnd).toHaveBeenCalledWith(expect.objectContaining({ type: 'pointerup', clientX: 30 }));
  });

  it.each(['pointerup', 'pointercancel'])('stops listening after %s', (end) => {
    const { element } = handle();
    const add = vi.spyOn(element, 'addEventListener');
    const remove = vi.spyOn(element, 'removeEventListener');
    const onMove = vi.fn();
    const onEnd = vi.fn();
    trackPointerDrag({ currentTarget: element, pointerId: 1 }, { onMove, onEnd });
    pointer(element, end);
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(onEnd).toHaveBeenCalledWith(expect.objectContaining({ type: end }));

    // Every listener added is removed, and later events reach no one.
    expect(remove.mock.calls).toEqual(add.mock.calls);
    pointer(element, 'pointermove', 40);
    pointer(element, 'pointerup');
    pointer(element, 'pointercancel');
    expect(onMove).not.toHaveBeenCalled();
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('needs no callbacks', () => {
    const { element } = handle();
    trackPointerDrag({ currentTarget: element, pointerId: 1 }, {});
    expect(() => {
      pointer(element, 'pointermove', 5);
      pointer(element, 'pointerup');
    }).not.toThrow();
  });
});
