/** Helpers for a route's search parameters (the schemas are in searchFields.ts). */

/** One of a fixed set of values, or undefined. */
export function oneOf<T extends string>(value: unknown, choices: readonly T[]): T | undefined {
  return choices.find((choice) => choice === value);
}

/** Drops undefined keys, so states compare equal whatever keys were left unset. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
