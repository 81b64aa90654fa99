import { describe, expect, it } from 'vitest';
import { modelClassOf, modelProvider, withoutRegionPrefix } from './modelProvider';

describe('modelProvider', () => {
  it('reads Bedrock ids as Bedrock, with or without a region prefix', () => {
    expect(modelProvider('anthropic.claude-3-5-sonnet-20240620-v1:0', null)).toBe('aws');
    expect(modelProvider('us.anthropic.claude-sonnet-4-20250514-v1:0', 'AwsBedrock')).toBe('aws');
    expect(modelProvider('amazon.nova-pro-v1:0', null)).toBe('aws');
  });

  it('falls back to the model class, then to nothing', () => {
    expect(modelProvider('gpt-4o', 'OpenAIChat')).toBe('openai');
    expect(modelProvider('claude-sonnet-4-20250514', 'Claude')).toBe('anthropic');
    expect(modelProvider('llama-3.3-70b-versatile', 'Groq')).toBe('groq');
    expect(modelProvider('gpt-4o', null)).toBeUndefined();
    expect(modelProvider('my-model', 'SomethingElse')).toBeUndefined();
  });

  it('does not take a dotted OpenAI version for a Bedrock vendor', () => {
    expect(modelProvider('gpt-4.1-mini', null)).toBeUndefined();
  });
});

describe('withoutRegionPrefix', () => {
  it('drops only a Bedrock region prefix', () => {
    expect(withoutRegionPrefix('us.anthropic.claude-3-haiku-20240307-v1:0')).toBe(
      'anthropic.claude-3-haiku-20240307-v1:0',
    );
    expect(withoutRegionPrefix('amazon.nova-pro-v1:0')).toBe('amazon.nova-pro-v1:0');
    expect(withoutRegionPrefix('gpt-4o')).toBe('gpt-4o');
  });
});

describe('modelClassOf', () => {
  it('is the part of the span name before the method', () => {
    expect(modelClassOf('AwsBedrock.invoke')).toBe('AwsBedrock');
    expect(modelClassOf('OpenAIChat.ainvoke_stream')).toBe('OpenAIChat');
    expect(modelClassOf('invoke')).toBeNull();
  });
});
