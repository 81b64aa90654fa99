import { describe, expect, it } from 'vitest';
import { CONTEXT_SOURCE, lookupModel, PRICE_SOURCE } from './modelCatalog';

describe('lookupModel', () => {
  it('prices OpenAI, Anthropic, Google and Groq ids at their list prices per million tokens', () => {
    expect(lookupModel('gpt-4o', 'OpenAIChat').rates).toEqual({ input: 2.5, output: 10 });
    expect(lookupModel('gpt-4o-mini', null).rates).toEqual({ input: 0.15, output: 0.6 });
    expect(lookupModel('claude-sonnet-4-20250514', 'Claude').rates).toEqual({
      input: 3,
      output: 15,
    });
    expect(lookupModel('gemini-2.5-flash', 'Gemini').rates).toEqual({ input: 0.3, output: 2.5 });
    expect(lookupModel('llama-3.3-70b-versatile', 'Groq').rates).toEqual({
      input: 0.59,
      output: 0.79,
    });
  });

  it('prices Bedrock ids from Bedrock, with or without a region prefix', () => {
    expect(lookupModel('anthropic.claude-3-5-sonnet-20240620-v1:0', 'AwsBedrock').rates).toEqual({
      input: 3,
      output: 15,
    });
    expect(lookupModel('us.anthropic.claude-3-haiku-20240307-v1:0', null).rates).toEqual({
      input: 0.25,
      output: 1.25,
    });
    expect(lookupModel('amazon.nova-pro-v1:0', 'AwsBedrock').rates).toEqual({
      input: 0.8,
      output: 3.2,
    });
  });

  it('has no price for a model the table does not know, rather than a guess', () => {
    expect(lookupModel('mistral.mistral-large-2407-v1:0', 'AwsBedrock').rates).toBeNull();
    expect(lookupModel('acme-private-llm', null).rates).toBeNull();
    expect(lookupModel('AwsBedrock', 'AwsBedrock').rates).toBeNull();
  });

  it('gives the context window models.dev lists, or null', () => {
    expect(lookupModel('gpt-4o', 'OpenAIChat').contextWindow).toBe(128_000);
    expect(lookupModel('us.anthropic.claude-3-haiku-20240307-v1:0', null).contextWindow).toBe(
      200_000,
    );
    expect(lookupModel('gemini-2.5-flash', 'Gemini').contextWindow).toBe(1_048_576);
    expect(lookupModel('acme-private-llm', null).contextWindow).toBeNull();
  });
});

describe('sources', () => {
  it('names the installed genai-prices version (update its date with it)', () => {
    const [installed] = Object.values(
      import.meta.glob<string>('/node_modules/@pydantic/genai-prices/package.json', {
        eager: true,
        import: 'version',
      }),
    );
    expect(PRICE_SOURCE.version).toBe(installed);
  });

  it("dates the windows by the newest model entry's update", () => {
    expect(CONTEXT_SOURCE.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
