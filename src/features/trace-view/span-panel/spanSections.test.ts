import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../../test/testSpans';
import {
  nodeForRawView,
  otherEntries,
  shownMetadataKeys,
  spanIds,
  spanSectionKind,
  workflowSteps,
} from './spanSections';

describe('spanSectionKind', () => {
  it('chooses the section by type', () => {
    expect(spanSectionKind(makeSpan({ type: 'LLM' }))).toBe('llm');
    expect(spanSectionKind(makeSpan({ type: 'tool' }))).toBe('tool');
    expect(spanSectionKind(makeSpan({ type: 'AGENT' }))).toBe('run');
    expect(spanSectionKind(makeSpan({ type: 'TEAM' }))).toBe('run');
    expect(spanSectionKind(makeSpan({ type: 'WORKFLOW' }))).toBe('workflow');
    expect(spanSectionKind(makeSpan({ type: 'CHAIN', metadata: { steps: ['a'] } }))).toBe(
      'workflow',
    );
    expect(spanSectionKind(makeSpan({ type: 'CHAIN' }))).toBe('generic');
    expect(spanSectionKind(makeSpan({ type: 'RETRIEVER' }))).toBe('generic');
  });
});

describe('metadata bookkeeping', () => {
  it('lists ids in order and leaves unshown keys to the key–value list', () => {
    const metadata = {
      user_id: 'ana',
      run_id: 'r1',
      model: 'gpt',
      input_tokens: 3,
      custom: { a: 1 },
      session_id: { not: 'an id' },
    };
    expect(spanIds(metadata)).toEqual([
      { key: 'run_id', label: 'Run id', value: 'r1' },
      { key: 'user_id', label: 'User id', value: 'ana' },
    ]);
    expect(otherEntries(metadata, shownMetadataKeys('llm', metadata))).toEqual([
      ['custom', { a: 1 }],
      ['session_id', { not: 'an id' }],
    ]);
    expect(otherEntries(metadata, shownMetadataKeys('tool', metadata)).map(([k]) => k)).toEqual([
      'model',
      'input_tokens',
      'custom',
      'session_id',
    ]);
  });
});

describe('workflowSteps', () => {
  it('zips steps with their types, whatever their lengths', () => {
    expect(
      workflowSteps({ steps: ['research', { name: 'summarize' }], step_types: ['Agent'] }),
    ).toEqual([
      { name: 'research', type: 'Agent' },
      { name: 'summarize', type: null },
    ]);
    expect(workflowSteps({ step_types: ['Condition'] })).toEqual([
      { name: '–', type: 'Condition' },
    ]);
    expect(workflowSteps(null)).toEqual([]);
  });
});

describe('nodeForRawView', () => {
  it('replaces children by a count and keeps everything else', () => {
    const node = makeSpan({ id: 'x', extra: 1, spans: [makeSpan(), makeSpan()] });
    const raw = nodeForRawView(node);
    expect(raw.spans).toBe('[2 child spans not shown]');
    expect(raw.extra).toBe(1);
    expect(raw.id).toBe('x');
    const leaf = makeSpan();
    expect(nodeForRawView(leaf)).toBe(leaf);
  });
});
