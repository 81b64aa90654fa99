/**
 * A small seeded PRNG (mulberry32) so mock data is identical on every run and machine:
 * tests, screenshots and benchmarks all see the same traces.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** `length` lowercase hex digits, like OpenTelemetry span (16) and trace (32) ids. */
  id(length: number): string;
  /** A random (version 4 shaped) UUID, like Agno's run and session ids. */
  uuid(): string;
}

const HEX = '0123456789abcdef';

export function createRandom(seed: number): Random {
  let state = seed >>> 0;

  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  function int(min: number, max: number): number {
    return min + Math.floor(next() * (max - min + 1));
  }

  function id(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += HEX[Math.floor(next() * 16)];
    return out;
  }

  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick() needs at least one item');
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
    id,
    uuid: () => `${id(8)}-${id(4)}-4${id(3)}-${HEX[8 + int(0, 3)]}${id(3)}-${id(12)}`,
  };
}
