/**
 * Remembers the last result: the same arguments (by identity) give the same answer without
 * recomputing. For derived data that several components read in the same render.
 */
export function memoizeLast<A extends readonly unknown[], R>(compute: (...args: A) => R) {
  let last: { args: A; result: R } | null = null;
  return (...args: A): R => {
    if (last && last.args.length === args.length && last.args.every((arg, i) => arg === args[i])) {
      return last.result;
    }
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}
