import { describe, expect, it } from 'vitest';
import { labelColor } from './spanPalette';

describe('labelColor', () => {
  it('writes white on the light theme’s dark fills, black on the dark theme’s light ones', () => {
    expect(labelColor('rgb(124, 58, 237)')).toBe('#fff'); // --span-llm, light
    expect(labelColor('rgb(167, 139, 250)')).toBe('#111'); // --span-llm, dark
    expect(labelColor('rgb(251, 191, 36)')).toBe('#111'); // --span-workflow, dark
    expect(labelColor('rgba(14, 116, 144, 1)')).toBe('#fff'); // --span-tool, light
  });

  it('falls back to white on a colour it cannot read', () => {
    expect(labelColor('oklch(0.5 0.2 300)')).toBe('#fff');
  });
});
