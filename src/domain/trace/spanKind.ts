/**
 * The span types the viewer treats specially. Every other type is `Other` and keeps its own text
 * (`node.type`) wherever it is shown: unknown kinds are shown, not rejected.
 */
export const SpanKind = { Other: 0, Llm: 1, Tool: 2, Agent: 3, Team: 4, Workflow: 5 } as const;
export type SpanKind = (typeof SpanKind)[keyof typeof SpanKind];

const BY_TYPE: ReadonlyMap<string, SpanKind> = new Map([
  ['LLM', SpanKind.Llm],
  ['TOOL', SpanKind.Tool],
  ['AGENT', SpanKind.Agent],
  ['TEAM', SpanKind.Team],
  ['WORKFLOW', SpanKind.Workflow],
]);

/**
 * A span's kind from its `type`, compared case-insensitively: the real server sends upper case,
 * other exporters and hand-made files do not always. The upper-case lookup comes first, so a
 * 100,000-span trace does not allocate a string per span.
 */
export function spanKind(type: string): SpanKind {
  return BY_TYPE.get(type) ?? BY_TYPE.get(type.toUpperCase()) ?? SpanKind.Other;
}
