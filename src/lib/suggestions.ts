import type { Choice } from './configChoices';

/** Most suggestions a field offers: a datalist longer than this is no help. */
const MAX_SUGGESTIONS = 50;

/**
 * Suggestions for an id field: the server's named choices first (GET /config), then the other
 * ids seen in the rows on screen, in the order they appear, without repeats or blanks.
 */
export function suggestionsFrom<T>(
  known: readonly Choice[] | undefined,
  rows: readonly T[] | undefined,
  pick: (row: T) => string | null | undefined,
  max = MAX_SUGGESTIONS,
): Choice[] {
  const seen = new Set<string>();
  const choices: Choice[] = [];
  const add = (choice: Choice) => {
    if (choices.length >= max || choice.value === '' || seen.has(choice.value)) return;
    seen.add(choice.value);
    choices.push(choice);
  };
  for (const choice of known ?? []) add(choice);
  for (const row of rows ?? []) {
    const value = pick(row);
    if (value) add({ value });
  }
  return choices;
}
