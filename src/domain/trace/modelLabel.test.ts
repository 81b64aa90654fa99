import { describe, expect, it } from 'vitest';
import { modelLabel } from './modelLabel';

describe('modelLabel', () => {
  it('is the model id when the span recorded one', () => {
    expect(
      modelLabel({
        name: 'AwsBedrock.invoke',
        type: 'LLM',
        metadata: { model: 'amazon.nova-pro-v1:0' },
      }),
    ).toEqual({ text: 'amazon.nova-pro-v1:0', isFromSpanName: false });
  });

  it('falls back to the model class in the span name when the model id was not recorded', () => {
    expect(modelLabel({ name: 'AwsBedrock.invoke', type: 'LLM' })).toEqual({
      text: 'AwsBedrock',
      isFromSpanName: true,
    });
    expect(modelLabel({ name: 'OpenAIChat.ainvoke_stream', type: 'llm', metadata: {} })).toEqual({
      text: 'OpenAIChat',
      isFromSpanName: true,
    });
    expect(modelLabel({ name: 'AwsBedrock.invoke', type: 'LLM', metadata: { model: '' } })).toEqual(
      { text: 'AwsBedrock', isFromSpanName: true },
    );
  });

  it('says nothing when the name has no class part or the span is not a model call', () => {
    expect(modelLabel({ name: 'invoke', type: 'LLM' })).toBeNull();
    expect(modelLabel({ name: '.invoke', type: 'LLM' })).toBeNull();
    expect(modelLabel({ name: 'Support_Agent.run', type: 'AGENT' })).toBeNull();
  });
});
