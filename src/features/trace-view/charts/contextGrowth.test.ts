import { describe, expect, it } from 'vitest';
import { contextGrowth } from './contextGrowth';

describe('contextGrowth', () => {
  it('numbers the calls and puts each one under its agent', () => {
    const growth = contextGrowth([
      { index: 1, agent: 'Leader.run', inputTokens: 500, share: Number.NaN },
      { index: 4, agent: 'Member.run', inputTokens: 200, share: 0.1 },
      { index: 6, agent: 'Leader.run', inputTokens: 900, share: Number.NaN },
    ]);
    expect(growth.agents).toEqual(['Leader.run', 'Member.run']);
    expect(growth.rows).toEqual([
      { call: 1, 'Leader.run': 500 },
      { call: 2, 'Member.run': 200 },
      { call: 3, 'Leader.run': 900 },
    ]);
  });
});
