/**
 * Span names by entry point. Agno names a span `<Class or name>.<method>`, and the method says how
 * the run was started: AgentOS's HTTP routes call the async methods (`Research_Team.arun`,
 * `AwsBedrock.ainvoke`), a script calls the sync ones (`.run`, `.invoke`). The two are the same
 * step of the same agent, so comparisons and "same agent" look-ups match them.
 */

/**
 * Sync methods whose async twin is `a` + the name. Only these are touched, so a tool named
 * `apply` or `aggregate` keeps its name.
 */
const SYNC_METHODS = new Set([
  'run',
  'continue_run',
  'print_response',
  'invoke',
  'invoke_stream',
  'response',
  'response_stream',
  'execute',
  'execute_stream',
]);

export interface EntryPoint {
  /** The name up to and including the last dot: `Research_Team.`. */
  owner: string;
  /** The method as sent: `arun`. */
  method: string;
  /** The method with the async `a` removed: `run`. */
  syncMethod: string;
  isAsync: boolean;
}

/**
 * The entry point in a span name, or null when the part after the last dot is not a known agno
 * method (or there is no dot: a bare tool name).
 */
export function entryPointOf(name: string): EntryPoint | null {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  const method = name.slice(dot + 1);
  const owner = name.slice(0, dot + 1);
  if (SYNC_METHODS.has(method)) return { owner, method, syncMethod: method, isAsync: false };
  if (method.startsWith('a') && SYNC_METHODS.has(method.slice(1))) {
    return { owner, method, syncMethod: method.slice(1), isAsync: true };
  }
  return null;
}

/** The name with an async entry point made sync: `Research_Team.arun` → `Research_Team.run`. */
export function normalizeEntryPoint(name: string): string {
  const entry = entryPointOf(name);
  return entry?.isAsync ? entry.owner + entry.syncMethod : name;
}

/**
 * How two names of the same step differ by entry point, e.g. `{ a: '.arun', b: '.run' }`; null
 * when they are the same name, or not the same step.
 */
export function entryPointDifference(
  nameA: string,
  nameB: string,
): { a: string; b: string } | null {
  if (nameA === nameB || normalizeEntryPoint(nameA) !== normalizeEntryPoint(nameB)) return null;
  const a = entryPointOf(nameA);
  const b = entryPointOf(nameB);
  return a && b ? { a: `.${a.method}`, b: `.${b.method}` } : null;
}
