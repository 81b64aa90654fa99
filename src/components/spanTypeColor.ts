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
