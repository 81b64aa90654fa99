import { describe, expect, it } from 'vitest';
import { spanTypeColor } from './spanTypeColor';

describe('spanTypeColor', () => {
  it('gives each span type its own token, whatever the case', () => {
    expect(['LLM', 'TOOL', 'AGENT', 'TEAM', 'WORKFLOW', 'llm'].map(spanTypeColor)).toEqual([
      'var(--span-llm)',
      'var(--span-tool)',
      'var(--span-agent)',
      'var(--span-team)',
      'var(--span-workflow)',
      'var(--span-llm)',
    ]);
  });

  it('gives other types the neutral colour', () => {
    expect(['STEP', 'UNKNOWN', '', '__proto__'].map(spanTypeColor)).toEqual([
      'var(--span-other)',
      'var(--span-other)',
      'var(--span-other)',
      'var(--span-other)',
    ]);
  });
});
