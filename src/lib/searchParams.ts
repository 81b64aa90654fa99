/**
 * Helpers for reading a route's search parameters. The router JSON-parses values that look like
 * JSON, so `?user_id=42` arrives as the number 42 and `?user_id=true` as a boolean: ids are
 * turned back into text here.
 */
export function textParam(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** One of a fixed set of values, or undefined. */
export function oneOf<T extends string>(value: unknown, choices: readonly T[]): T | undefined {
  return choices.find((choice) => choice === value);
}

/** Drops undefined keys, so states compare equal whatever keys were left unset. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
