/**
 * Pure helpers of the JSON viewer: a display copy with limits (so a 5 MB document renders
 * fast), the path of a node from its position in the tree, and the value at that path.
 */

export interface JsonLimits {
  /** Arrays and objects show this many entries; the rest is counted. */
  maxEntries: number;
  /** Strings longer than this are cut, with the number of characters left out. */
  maxStringChars: number;
}

const DEFAULT_LIMITS: JsonLimits = { maxEntries: 100, maxStringChars: 5_000 };

export interface LimitedJson {
  value: unknown;
  /** Whether anything was cut (then "Show all" is offered). */
  isCut: boolean;
}

/**
 * A copy of `value` for display: containers past `maxEntries` and strings past
 * `maxStringChars` are cut. Entries keep their positions, so a position in the display copy is
 * one in the original (see `valueAtPositions`). Iterative: depth does not grow the stack.
 */
export function limitJson(value: unknown, limits: JsonLimits = DEFAULT_LIMITS): LimitedJson {
  let isCut = false;
  const cutString = (text: string): string => {
    if (text.length <= limits.maxStringChars) return text;
    isCut = true;
    const left = text.length - limits.maxStringChars;
    return `${text.slice(0, limits.maxStringChars)}… (${left.toLocaleString('en-US')} more characters)`;
  };
  const copyOf = (item: unknown): unknown => {
    if (typeof item === 'string') return cutString(item);
    if (item === null || typeof item !== 'object') return item;
    return Array.isArray(item) ? [] : {};
  };
  const root = copyOf(value);
  const stack: [unknown, unknown][] = [[value, root]];
  while (stack.length > 0) {
    const [source, target] = stack.pop()!;
    if (source === null || typeof source !== 'object') continue;
    if (Array.isArray(source)) {
      const count = Math.min(source.length, limits.maxEntries);
      if (source.length > count) isCut = true;
      const out = target as unknown[];
      for (let i = 0; i < count; i++) {
        out.push(copyOf(source[i]));
        stack.push([source[i], out[i]]);
      }
    } else {
      const keys = Object.keys(source);
      const count = Math.min(keys.length, limits.maxEntries);
      if (keys.length > count) isCut = true;
      const out = target as Record<string, unknown>;
      for (let i = 0; i < count; i++) {
        const key = keys[i]!;
        const child = (source as Record<string, unknown>)[key];
        out[key] = copyOf(child);
        stack.push([child, out[key]]);
      }
    }
  }
  return { value: root, isCut };
}

export type JsonPathStep = string | number;

/**
 * Walks `root` by child positions (what the rendered tree gives: the n-th entry of an array or
 * an object, in `Object.keys` order). Returns the path as keys and indices, and the value there;
 * null when a position does not exist.
 */
export function valueAtPositions(
  root: unknown,
  positions: readonly number[],
): { path: JsonPathStep[]; value: unknown } | null {
  let value = root;
  const path: JsonPathStep[] = [];
  for (const position of positions) {
    if (value === null || typeof value !== 'object') return null;
    if (Array.isArray(value)) {
      if (position >= value.length) return null;
      path.push(position);
      value = value[position];
    } else {
      const key = Object.keys(value)[position];
      if (key === undefined) return null;
      path.push(key);
      value = (value as Record<string, unknown>)[key];
    }
  }
  return { path, value };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A path as JavaScript-style text: `$.results[0].title`, `$["odd key"]`. */
export function formatJsonPath(path: readonly JsonPathStep[]): string {
  let text = '$';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else if (IDENTIFIER.test(step)) text += `.${step}`;
    else text += `[${JSON.stringify(step)}]`;
  }
  return text;
}

/** What "Copy value" copies: a string as itself, anything else as indented JSON. */
export function copyText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}
