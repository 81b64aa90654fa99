import { describe, expect, it } from 'vitest';
import type { TraceNode } from '../../../api/schemas';
import { testModel } from '../../../test/testModel';
import { makeSpan } from '../../../test/testSpans';
import { missingLlmAttributes } from './missingLlmAttributes';
import { indexOf, recordedTree } from '../../../test/recordedTraces';

const at = (ms: number) => `2026-11-28T20:00:00.${String(ms).padStart(3, '0')}000Z`;

function conversation(length: number): string {
  const messages = Array.from({ length }, (_, i) => ({
    role: i === 0 ? 'system' : i % 2 === 1 ? 'user' : 'assistant',
    content: `message ${i}`,
  }));
  return JSON.stringify({ messages });
}

function runOf(spans: TraceNode[]) {
  return testModel([makeSpan({ type: 'AGENT', name: 'Agent.run', spans })]);
}

describe('missingLlmAttributes', () => {
  it('is null for a model call that recorded everything', () => {
    const tree = recordedTree('trace-agent-tool-error.json');
    expect(missingLlmAttributes(tree, indexOf(tree, 'd4ee654fc39a6bda'))).toBeNull();
  });

  it('names the missing reply and tokens of a failed call (real throttled call)', () => {
    const tree = recordedTree('trace-agent-model-error.json');
    expect(missingLlmAttributes(tree, indexOf(tree, '45d4833eae346a5c'))).toEqual({
      missing: ['output', 'token counts'],
      likelyCause: 'failed-call',
      messageCount: 2,
    });
  });

  it('blames the attribute limit when a neighbouring call of the run has a long conversation', () => {
    const tree = runOf([
      makeSpan({
        type: 'LLM',
        name: 'AwsBedrock.invoke',
        start_time: at(10),
        input: conversation(24),
        output: '[]',
        metadata: { model: 'm', input_tokens: 1 },
      }),
      makeSpan({
        type: 'LLM',
        name: 'AwsBedrock.invoke',
        start_time: at(20),
        output: '[]',
        metadata: { input_tokens: 1 },
      }),
    ]);
    expect(missingLlmAttributes(tree, 2)).toEqual({
      missing: ['input', 'model'],
      likelyCause: 'attribute-limit',
      messageCount: 24,
    });
  });

  it('names no cause when the conversation looks short', () => {
    const tree = runOf([
      makeSpan({
        type: 'LLM',
        start_time: at(10),
        input: conversation(3),
        output: '[]',
        metadata: { model: 'm', output_tokens: 1 },
      }),
      makeSpan({ type: 'LLM', start_time: at(20), output: '[]', metadata: { output_tokens: 1 } }),
    ]);
    expect(missingLlmAttributes(tree, 2)).toEqual({
      missing: ['input', 'model'],
      likelyCause: null,
      messageCount: 3,
    });
  });

  it('does not judge by a model call of another run', () => {
    const tree = testModel([
      makeSpan({
        type: 'TEAM',
        spans: [
          makeSpan({ type: 'LLM', start_time: at(10), input: conversation(40), output: '[]' }),
          makeSpan({
            type: 'AGENT',
            spans: [
              makeSpan({
                type: 'LLM',
                start_time: at(20),
                output: 'ok',
                metadata: { input_tokens: 1 },
              }),
            ],
          }),
        ],
      }),
    ]);
    expect(missingLlmAttributes(tree, 3)).toEqual({
      missing: ['input', 'model'],
      likelyCause: null,
      messageCount: null,
    });
  });
});
