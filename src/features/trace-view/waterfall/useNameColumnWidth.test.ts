import { describe, expect, it } from 'vitest';
import { clampNameColumn } from './useNameColumnWidth';

describe('clampNameColumn', () => {
  it('keeps a width between the narrowest (140 px) and what leaves the bars 180 px', () => {
    expect(clampNameColumn(400, 1000)).toBe(400);
    expect(clampNameColumn(60, 1000)).toBe(140);
    expect(clampNameColumn(950, 1000)).toBe(820);
  });

  it('never goes below the narrowest, even in a waterfall too small for bars', () => {
    expect(clampNameColumn(300, 250)).toBe(140);
  });
});
