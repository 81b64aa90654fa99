import { describe, expect, it } from 'vitest';
import { measure } from './perf';

describe('measure', () => {
  it('returns the result and keeps only the latest measure of a name', () => {
    expect(measure('test:add', () => 1 + 1)).toBe(2);
    expect(measure('test:add', () => 3)).toBe(3);
    const entries = performance.getEntriesByName('test:add', 'measure');
    expect(entries.length).toBeLessThanOrEqual(1);
  });

  it('lets errors through', () => {
    expect(() =>
      measure('test:throw', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
  });
});
