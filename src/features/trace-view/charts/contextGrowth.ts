import type { ContextPoint } from '../../../domain/trace/pricing/traceCosts';

/** One model call of the run, with its input tokens under its agent's key (the chart's rows). */
type ContextGrowthRow = { call: number } & Record<string, number>;

export interface ContextGrowth {
  /** The agents, in the order of their first model call: one line each. */
  agents: string[];
  rows: ContextGrowthRow[];
}

/**
 * The run's model calls in start order, numbered from 1, each with its input tokens under its
 * agent's name: the chart draws one line per agent across the calls (gaps joined).
 */
export function contextGrowth(points: readonly ContextPoint[]): ContextGrowth {
  const agents: string[] = [];
  const seen = new Set<string>();
  const rows = points.map((point, k) => {
    if (!seen.has(point.agent)) {
      seen.add(point.agent);
      agents.push(point.agent);
    }
    return { call: k + 1, [point.agent]: point.inputTokens };
  });
  return { agents, rows };
}
