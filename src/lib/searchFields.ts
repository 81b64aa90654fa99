import { z } from 'zod/mini';
import type { ParsedSearch } from './searchSchema';
import { parseTimestampUs } from './time';

/*
 * Field schemas for routes' search parameters (see searchSchema.ts). Values arrive as text from
 * the address bar, or as numbers, booleans and objects from the router's own navigations and its
 * default JSON parser: each field accepts both. A field's output `undefined` means "not set".
 */

/** An id or a name: the router may have read `?user_id=42` as a number; blank means not set. */
export const textField = z.pipe(
  z.union([z.string(), z.number(), z.boolean()], { error: 'not text' }),
  z.transform((value) => {
    const text = String(value).trim();
    return text === '' ? undefined : text;
  }),
);

/**
 * An id kept exactly as written, spaces and quotes included: span ids from the server can hold
 * anything, and a trimmed id would name another span (or none). Empty is not an id.
 */
export const exactTextField = z
  .pipe(
    z.union([z.string(), z.number(), z.boolean()], { error: 'not text' }),
    z.transform((value) => String(value)),
  )
  .check(z.refine((value) => value !== '', 'empty'));

/** A switch written `=1` when on (`true` as the router may have read it); off is left out. */
export const flagField = z.pipe(
  z.union([z.literal(1), z.literal(true), z.literal('1'), z.literal('true')], {
    error: 'use 1 to turn it on',
  }),
  z.transform(() => 1 as const),
);

/** A whole number from 1, written as a number or as its digits. */
export function positiveIntField(message: string) {
  return z.pipe(
    z.union([z.number(), z.pipe(z.string().check(z.regex(/^\s*\d+\s*$/)), z.transform(Number))], {
      error: message,
    }),
    z.int({ error: message }).check(z.minimum(1, { error: message })),
  );
}

/** One of a fixed set of words. */
export function choiceField<const T extends readonly [string, ...string[]]>(
  choices: T,
  message: string,
) {
  return z.enum(choices, { error: message });
}

/** One of a fixed set of words, the first the default: accepted, and read as not set. */
export function choiceWithDefaultField<const T extends readonly [string, ...string[]]>(
  choices: T,
  message: string,
) {
  return z.pipe(
    z.enum(choices, { error: message }),
    z.transform((value: T[number]) => (value === choices[0] ? undefined : value)),
  );
}

/** A date-time with a zone, normalized to ISO 8601 in UTC (`…Z`); zone-less text is read as UTC. */
export const isoTimeField = z.pipe(
  z.string({ error: 'not a date and time' }),
  z.transform((text: string, ctx) => {
    const us = parseTimestampUs(text);
    if (!Number.isFinite(us)) {
      ctx.issues.push({ code: 'custom', message: 'not a date and time', input: text });
      return z.NEVER;
    }
    return new Date(Math.floor(us / 1000)).toISOString();
  }),
);

/** Text that may be left out of a link: blank values are "not set", not errors. */
export function withoutBlankValues(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(raw).filter(([, value]) => !(typeof value === 'string' && value.trim() === '')),
  );
}

/**
 * For a route's `validateSearch`: the parsed values less those the link carried but could not
 * use. The router keeps the address bar's own values under the validated ones, so a dropped
 * value stays in the address (not replaced by a default) until the reader changes the view, and
 * the page, parsing the same search again, can say what was left out.
 */
export function withoutDropped<T extends object>({ search, dropped }: ParsedSearch<T>): Partial<T> {
  const kept: Partial<T> = { ...search };
  for (const { key } of dropped) delete kept[key as keyof T];
  return kept;
}
