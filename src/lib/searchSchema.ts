import type { z } from 'zod/mini';

/** A search parameter a link carried but this page could not use, and why. */
export interface DroppedParam {
  key: string;
  value: string;
  reason: string;
}

export interface ParsedSearch<T> {
  search: T;
  dropped: DroppedParam[];
}

/** One zod schema per search parameter; `undefined` out means "the default", left off links. */
export type SearchFields = Record<string, z.ZodMiniType>;

export type SearchOf<F extends SearchFields> = {
  [K in keyof F]?: Exclude<z.output<F[K]>, undefined>;
};

/**
 * Parses a route's search parameters field by field: what validates is kept, what does not is
 * dropped and reported, so a stale or hand-edited link keeps what it can and says what it lost.
 * Unknown keys are ignored (other tools append their own).
 */
export function parseSearchFields<F extends SearchFields>(
  fields: F,
  raw: Record<string, unknown>,
): ParsedSearch<SearchOf<F>> {
  const search: Record<string, unknown> = {};
  const dropped: DroppedParam[] = [];
  for (const [key, schema] of Object.entries(fields)) {
    const value = raw[key];
    if (value === undefined) continue;
    const result = schema.safeParse(value);
    if (result.success) {
      if (result.data !== undefined) search[key] = result.data;
    } else {
      dropped.push({
        key,
        value: typeof value === 'string' ? value : JSON.stringify(value),
        reason: result.error.issues[0]?.message ?? 'not a valid value',
      });
    }
  }
  return { search: search as SearchOf<F>, dropped };
}
