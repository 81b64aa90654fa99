import { afterEach, describe, expect, it, vi } from 'vitest';
import { measure, measureAsync } from './perf';

/** Makes performance.now() answer these times, in order (a start, then an end, per measure). */
function clockAt(...times: number[]) {
  const now = vi.spyOn(performance, 'now');
  for (const time of times) now.mockReturnValueOnce(time);
}

const measuresOf = (name: string) =>
  performance
    .getEntriesByName(name, 'measure')
    .map(({ startTime, duration }) => ({ startTime, duration }));

afterEach(() => performance.clearMeasures());

describe('measure', () => {
  it('returns the result and records how long it took', () => {
    clockAt(100, 112.5);
    expect(measure('test:add', () => 1 + 1)).toBe(2);
    expect(measuresOf('test:add')).toEqual([{ startTime: 100, duration: 12.5 }]);
  });

  it('keeps only the latest measure of a name', () => {
    clockAt(100, 150, 200, 230);
    measure('test:twice', () => 1);
    expect(measure('test:twice', () => 3)).toBe(3);
    expect(measuresOf('test:twice')).toEqual([{ startTime: 200, duration: 30 }]);
  });

  it('lets errors through, and still records the time', () => {
    clockAt(10, 17);
    expect(() =>
      measure('test:throw', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(measuresOf('test:throw')).toEqual([{ startTime: 10, duration: 7 }]);
  });
});

describe('measureAsync', () => {
  it('records the time until the promise settles, keeping only the latest', async () => {
    clockAt(1000, 1040, 2000, 2025);
    await measureAsync('test:async', () => Promise.resolve('first'));
    await expect(measureAsync('test:async', () => Promise.resolve('second'))).resolves.toBe(
      'second',
    );
    expect(measuresOf('test:async')).toEqual([{ startTime: 2000, duration: 25 }]);
  });

  it('lets rejections through, and still records the time', async () => {
    clockAt(5, 9);
    await expect(
      measureAsync('test:reject', () => Promise.reject(new Error('nope'))),
    ).rejects.toThrow('nope');
    expect(measuresOf('test:reject')).toEqual([{ startTime: 5, duration: 4 }]);
  });
});
