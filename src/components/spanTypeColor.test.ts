import { describe, expect, it } from 'vitest';
import { spanTypeClass, spanTypeColor } from './spanTypeColor';

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

describe('spanTypeClass', () => {
  it('gives each known type its class suffix, whatever the case', () => {
    expect(['LLM', 'tool', 'Agent', 'TEAM', 'workflow'].map(spanTypeClass)).toEqual([
      'llm',
      'tool',
      'agent',
      'team',
      'workflow',
    ]);
  });

  it('gives other types, and text that is no class name, the neutral one', () => {
    expect(['STEP', '', 'x" onclick="alert(1)', '__proto__'].map(spanTypeClass)).toEqual([
      'other',
      'other',
      'other',
      'other',
    ]);
  });
});
