/**
 * Runs `fn` and records how long it took as a User Timing measure named `name`, which the
 * benchmark (bench/) reads and DevTools' Performance panel shows. Only the latest measure of each
 * name is kept, so a long session does not pile them up.
 */
export function measure<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    try {
      performance.clearMeasures(name);
      performance.measure(name, { start, end: performance.now() });
    } catch {
      // Environments without User Timing Level 3 (old test DOMs) only lose the figure.
    }
  }
}

/** `measure` for work that ends in a promise, e.g. reading and parsing a response body. */
export async function measureAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    try {
      performance.clearMeasures(name);
      performance.measure(name, { start, end: performance.now() });
    } catch {
      // as in measure()
    }
  }
}
