import { describe, expect, it } from 'vitest';
import { errorsInTimeOrder, stepPosition } from './timeSteps';

/** Spans by start (ms → µs) and whether each failed, in tree order. */
function spans(list: [startMs: number, failed: boolean][]) {
  return {
    count: list.length,
    startUs: Float64Array.from(list.map(([start]) => start * 1000)),
    isError: Uint8Array.from(list.map(([, failed]) => (failed ? 1 : 0))),
  };
}

describe('errorsInTimeOrder', () => {
  it('lists the failing spans by start time, not tree order, ties in tree order', () => {
    // Tree order: 0 root, 1 fails at 300, 2 fails at 100, 3 ok, 4 fails at 100.
    const tree = spans([
      [0, false],
      [300, true],
      [100, true],
      [50, false],
      [100, true],
    ]);
    expect([...errorsInTimeOrder(tree)]).toEqual([2, 4, 1]);
  });

  it('puts failing spans without a start time last', () => {
    const tree = spans([
      [Number.NaN, true],
      [20, true],
    ]);
    expect([...errorsInTimeOrder(tree)]).toEqual([1, 0]);
  });
});

describe('stepPosition', () => {
  // Errors at 100 (span 2), 200 (span 4), 300 (span 6); others in between.
  const tree = spans([
    [0, false],
    [50, false],
    [100, true],
    [150, false],
    [200, true],
    [250, false],
    [300, true],
  ]);
  const order = errorsInTimeOrder(tree);

  it('visits each error in time order and wraps, both ways', () => {
    const visited: number[] = [];
    let selected: number | null = null;
    for (let step = 0; step < 4; step++) {
      selected = order[stepPosition(order, tree.startUs, selected, 1)]!;
      visited.push(selected);
    }
    expect(visited).toEqual([2, 4, 6, 2]);
    expect(order[stepPosition(order, tree.startUs, 2, -1)]).toBe(6);
    expect(order[stepPosition(order, tree.startUs, null, -1)]).toBe(6);
  });

  it('from a span that did not fail, goes to the next or previous error in time', () => {
    expect(order[stepPosition(order, tree.startUs, 3, 1)]).toBe(4);
    expect(order[stepPosition(order, tree.startUs, 3, -1)]).toBe(2);
    // After the last error, next wraps to the first; before the first, previous to the last.
    expect(order[stepPosition(order, tree.startUs, 0, -1)]).toBe(6);
  });

  it('is -1 when the trace has no error', () => {
    expect(stepPosition(new Int32Array(), tree.startUs, 3, 1)).toBe(-1);
  });
});
