/**
 * A price per million tokens: one rate, or (genai-prices' tiered prices) a base rate and rates
 * that apply to the whole call once its input passes a tier's start.
 */
export type TokenRate =
  number | { base: number; tiers: readonly { start: number; price: number }[] };

/** What a model charges per million input and output tokens, at list price. */
export interface ModelRates {
  input: TokenRate;
  output: TokenRate;
}

/** The rate a call pays: the last tier whose start its input tokens pass, as genai-prices does. */
function rateFor(rate: TokenRate, inputTokens: number): number {
  if (typeof rate === 'number') return rate;
  let price = rate.base;
  for (const tier of rate.tiers) if (inputTokens > tier.start) price = tier.price;
  return price;
}

/**
 * The list price of one model call in US dollars. A side not recorded (NaN) counts 0; NaN when
 * neither is. Cached prompt tokens are not in the API, so every input token is priced uncached.
 */
export function callCostUsd(rates: ModelRates, inputTokens: number, outputTokens: number): number {
  if (Number.isNaN(inputTokens) && Number.isNaN(outputTokens)) return Number.NaN;
  const input = Number.isNaN(inputTokens) ? 0 : inputTokens;
  const output = Number.isNaN(outputTokens) ? 0 : outputTokens;
  return (input * rateFor(rates.input, input) + output * rateFor(rates.output, input)) / 1e6;
}

/**
 * Dollars for a label: cents from $1 up, three significant digits below (a call costs fractions
 * of a cent), "<$0.000001" for what would round to nothing. Not a currency format: the figure is
 * an estimate and should not look like a bill.
 */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 0.000001) return '<$0.000001';
  if (usd >= 1000) return `$${Math.round(usd).toLocaleString('en-US')}`;
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  return `$${Number(usd.toPrecision(3)).toString()}`;
}

/** Input tokens as a share of the context window (0.42 = 42 %); NaN when either is unknown. */
export function contextShare(inputTokens: number, contextWindow: number | null): number {
  if (contextWindow === null || !(contextWindow > 0) || Number.isNaN(inputTokens))
    return Number.NaN;
  return inputTokens / contextWindow;
}

/** Above this share of its window a call is flagged: the next turns may not fit. */
export const CONTEXT_WARNING_SHARE = 0.8;
