const COLORS = new Map([
  ['LLM', 'var(--span-llm)'],
  ['TOOL', 'var(--span-tool)'],
  ['AGENT', 'var(--span-agent)'],
  ['TEAM', 'var(--span-team)'],
  ['WORKFLOW', 'var(--span-workflow)'],
]);

/**
 * A span type's colour (the `--span-*` tokens), for what draws with a colour value rather than
 * a class (charts): the same colour as the type's waterfall bars and badges. Other types, and
 * none, get the neutral one.
 */
export function spanTypeColor(type: string): string {
  return COLORS.get(type.toUpperCase()) ?? 'var(--span-other)';
}

const KNOWN_TYPES = new Set(['llm', 'tool', 'agent', 'team', 'workflow']);

/**
 * A span type as a CSS-safe class suffix (`type-llm`, `bar-tool`…): the known types get their
 * colour, anything else (untrusted text from the server) the neutral `other`.
 */
export function spanTypeClass(type: string): string {
  const lower = type.toLowerCase();
  return KNOWN_TYPES.has(lower) ? lower : 'other';
}
