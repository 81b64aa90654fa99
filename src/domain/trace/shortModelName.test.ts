import { describe, expect, it } from 'vitest';
import { shortModelName } from './shortModelName';

describe('shortModelName', () => {
  it('drops Bedrock’s provider prefix and version suffix', () => {
    expect(shortModelName('anthropic.claude-3-haiku-20240307-v1:0')).toBe(
      'claude-3-haiku-20240307',
    );
    expect(shortModelName('us.anthropic.claude-3-5-sonnet-20240620-v2:0')).toBe(
      'claude-3-5-sonnet-20240…',
    );
    expect(shortModelName('mistral.mistral-large-2407-v1:0')).toBe('mistral-large-2407');
  });

  it('keeps names that have no prefix, dots inside a version included', () => {
    expect(shortModelName('gpt-4.1-mini')).toBe('gpt-4.1-mini');
    expect(shortModelName('gpt-4o')).toBe('gpt-4o');
    expect(shortModelName('AwsBedrock')).toBe('AwsBedrock');
  });

  it('cuts a long name at 24 characters with an ellipsis', () => {
    expect(shortModelName('a-very-long-model-name-that-goes-on')).toBe('a-very-long-model-name-…');
    expect(shortModelName('a-very-long-model-name-that-goes-on')).toHaveLength(24);
  });

  it('never returns an empty label', () => {
    expect(shortModelName('openai.')).toBe('openai.');
    expect(shortModelName('')).toBe('');
  });
});
