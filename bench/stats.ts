/**
 * The p-th percentile (0–100) of `values`, interpolating linearly between the two nearest ranks
 * (numpy's default). NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return NaN;
  const sorted = [...finite].sort((a, b) => a - b);
  const rank = (Math.min(Math.max(p, 0), 100) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The median of each numeric field over `runs` (fields missing or NaN in a run are skipped). */
export function medianOfRuns<K extends string>(
  runs: readonly Partial<Record<K, number>>[],
): Record<K, number> {
  const keys = new Set<K>();
  for (const run of runs) for (const key of Object.keys(run) as K[]) keys.add(key);
  const result = {} as Record<K, number>;
  for (const key of keys) {
    result[key] = median(runs.map((run) => run[key] ?? NaN));
  }
  return result;
}
