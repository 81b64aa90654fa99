import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOW_MS } from '../mocks/mockDatabase';
import { generateTrace } from '../mocks/generateTrace';
import { toSummary } from '../mocks/mockDatabase';
import { buildSpanTree } from '../domain/trace/buildSpanTree';
import { createApiClient } from './client';
import { SchemaError, isApiError } from './errors';
import { parseTraceDetail, parseTraceNode, parseWithSchema } from './parse';
import {
  configResponseSchema,
  errorBodySchema,
  filterSchemaResponseSchema,
  sessionStatsResponseSchema,
  traceListResponseSchema,
  type TraceNode,
} from './schemas';

/*
 * Property-based tests of the answer parsers: thousands of random payloads, and valid answers
 * from the mock generator mutated at random (fields deleted, types changed, nulls, huge numbers,
 * deep nesting, arrays where objects belong, prototype keys, shared subtrees). Whatever comes in,
 * a parser returns a usable value or throws a SchemaError whose path starts at `$`: nothing else
 * ever escapes, so the page always has a typed error to explain.
 */

type Outcome = 'ok' | 'schema-error';

/** Runs `parse`; a SchemaError with a JSON path is the one allowed failure. */
function outcomeOf(parse: () => unknown): Outcome {
  try {
    parse();
    return 'ok';
  } catch (error) {
    if (error instanceof SchemaError && error.path.startsWith('$')) return 'schema-error';
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations of a JSON value, applied in place at a slot chosen by index.

type Container = Record<string, unknown> | unknown[];
interface Slot {
  parent: Container;
  key: string | number;
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** Every (parent, key) pair under `root`, iteratively: mutations may have made it deep. */
function slotsOf(root: unknown, limit = 5_000): Slot[] {
  const slots: Slot[] = [];
  const stack: unknown[] = [root];
  const seen = new Set<unknown>();
  while (stack.length > 0 && slots.length < limit) {
    const value = stack.pop();
    if (!isContainer(value) || seen.has(value)) continue;
    seen.add(value);
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (const key of keys) {
      slots.push({ parent: value, key });
      stack.push((value as Record<string | number, unknown>)[key]);
    }
  }
  return slots;
}

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function deepObject(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** A chain of spans `depth` levels deep, built bottom-up. */
function deepSpans(depth: number): unknown {
  let child: Record<string, unknown> | undefined;
  for (let level = depth - 1; level >= 0; level--) {
    child = {
      id: `deep-${level}`,
      name: 'deep',
      type: 'TOOL',
      duration: '1ms',
      start_time: '2025-11-19T10:30:00Z',
      end_time: '2025-11-19T10:30:00.001Z',
      status: 'OK',
      ...(child ? { spans: [child] } : {}),
    };
  }
  return child;
}

const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(null, undefined, true, false, '', 0, -0, 1, -1) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER + 2,
      2 ** 64,
      0.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ),
  },
  { weight: 2, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<img src=x onerror=alert(1)>',
      '__proto__',
      'constructor',
      '2025-11-19T10:30:00',
      'not a date',
      '9999-12-31T23:59:59.999999Z',
    ),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [[]], [{}], [null], { spans: [] }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      () => 'x'.repeat(200_000),
      () => deepArray(5_000),
      () => deepObject(5_000),
      () => deepSpans(2_000),
    ),
  },
);

type Mutation =
  | { op: 'delete' | 'wrap' | 'unwrap' | 'stringify' | 'duplicate' | 'proto-key'; at: number }
  | { op: 'set'; at: number; value: unknown }
  | { op: 'share'; at: number; from: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constantFrom(
      'delete' as const,
      'wrap' as const,
      'unwrap' as const,
      'stringify' as const,
      'duplicate' as const,
      'proto-key' as const,
    ),
    at: fc.nat(),
  }),
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: weirdValue }),
  },
  fc.record({ op: fc.constant('share' as const), at: fc.nat(), from: fc.nat() }),
);

function materialize(value: unknown): unknown {
  // Lazily built values (big strings, deep nesting) are made only when picked.
  return typeof value === 'function' ? (value as () => unknown)() : value;
}

function applyMutation(root: unknown, m: Mutation): unknown {
  const slots = slotsOf(root);
  if (slots.length === 0) return m.op === 'set' ? materialize(m.value) : root;
  const { parent, key } = slots[m.at % slots.length]!;
  const record = parent as Record<string | number, unknown>;
  const current = record[key];
  switch (m.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete record[key];
      break;
    case 'set':
      record[key] = materialize(m.value);
      break;
    case 'wrap':
      record[key] = [current];
      break;
    case 'unwrap':
      if (Array.isArray(current)) record[key] = current[0];
      else if (isContainer(current)) record[key] = Object.values(current)[0];
      break;
    case 'stringify':
      record[key] = stringifyOrMark(current);
      break;
    case 'duplicate':
      // The first array item again: duplicate span ids, a span listed under two parents.
      if (Array.isArray(current) && current.length > 0) current.push(current[0]);
      break;
    case 'proto-key':
      if (isContainer(current) && !Array.isArray(current)) {
        Object.assign(current, JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}'));
        Object.defineProperty(current, '__proto__', {
          value: { spans: 'polluted' },
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      break;
    case 'share': {
      // The same object in two places (a DAG, as a shared subtree): never a cycle, which JSON
      // cannot express; unless the target is inside the source.
      const source = slots[m.from % slots.length]!;
      const shared = (source.parent as Record<string | number, unknown>)[source.key];
      if (!contains(shared, parent)) record[key] = shared;
      break;
    }
  }
  return root;
}

function contains(haystack: unknown, needle: unknown): boolean {
  const stack = [haystack];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === needle) return true;
    if (!isContainer(value) || seen.has(value)) continue;
    seen.add(value);
    stack.push(...(Array.isArray(value) ? value : Object.values(value)));
  }
  return false;
}

/** JSON.stringify recurses: on 5,000-level values it overflows, which is the harness's problem. */
function stringifyOrMark(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return '(too deep to stringify)';
  }
}

function mutate(root: unknown, mutations: readonly Mutation[]): unknown {
  let value = root;
  for (const m of mutations) value = applyMutation(value, m);
  return value;
}

/** A fresh, valid TraceDetail as JSON would give it (so mutations never touch shared state). */
function validTrace(seed: number, spanCount: number): unknown {
  return JSON.parse(
    JSON.stringify(generateTrace({ seed, spanCount, startMs: DEFAULT_NOW_MS })),
  ) as unknown;
}

const traceSeed = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  spanCount: fc.integer({ min: 1, max: 30 }),
});

/** Spans in a parsed tree, shared subtrees counted where they appear. */
function countNodes(roots: readonly TraceNode[]): number {
  let count = 0;
  const stack = [...roots];
  for (let node = stack.pop(); node; node = stack.pop()) {
    count++;
    for (const child of node.spans ?? []) stack.push(child);
  }
  return count;
}

// ---------------------------------------------------------------------------------------------

describe('parseTraceDetail under random mutations', () => {
  it('returns a usable trace or a SchemaError, for thousands of mutated answers', () => {
    let schemaErrors = 0;
    fc.assert(
      fc.property(traceSeed, fc.array(mutation, { minLength: 1, maxLength: 6 }), (base, muts) => {
        const json = mutate(validTrace(base.seed, base.spanCount), muts);
        let parsed: ReturnType<typeof parseTraceDetail> | undefined;
        const outcome = outcomeOf(() => (parsed = parseTraceDetail(json)));
        if (outcome === 'schema-error') {
          schemaErrors++;
          return;
        }
        // A trace that passed is one the page can build and lay out.
        const tree = buildSpanTree(parsed!.tree);
        expect(tree.count).toBe(countNodes(parsed!.tree));
      }),
      { numRuns: 2_500 },
    );
    // The mutations do break things: most runs end in the typed error, some still pass.
    expect(schemaErrors).toBeGreaterThan(500);
  });

  it('accepts every unmutated generated trace', () => {
    fc.assert(
      fc.property(traceSeed, ({ seed, spanCount }) => {
        expect(outcomeOf(() => parseTraceDetail(validTrace(seed, spanCount)))).toBe('ok');
      }),
      { numRuns: 200 },
    );
  });

  it('names the wrong span by its path', () => {
    const json = validTrace(7, 12) as { tree: { spans: { start_time: unknown }[] }[] };
    json.tree[0]!.spans[1]!.start_time = 42;
    expect(() => parseTraceDetail(json)).toThrow(SchemaError);
    try {
      parseTraceDetail(json);
    } catch (error) {
      expect((error as SchemaError).path).toBe('$.tree[0].spans[1].start_time');
    }
  });

  it('survives 10,000 levels and a 10,000-level array where a span belongs', () => {
    expect(outcomeOf(() => parseTraceNode(deepSpans(10_000)))).toBe('ok');
    const json = validTrace(1, 3) as { tree: unknown[] };
    json.tree.push(deepArray(10_000));
    expect(outcomeOf(() => parseTraceDetail(json))).toBe('schema-error');
  });

  it('never pollutes Object.prototype, whatever keys arrive', () => {
    const json = JSON.parse(
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
    ) as unknown;
    for (const parse of [
      () => parseTraceDetail(json),
      () => parseTraceNode(json),
      () => parseWithSchema(traceListResponseSchema, json),
    ]) {
      outcomeOf(parse);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the other answer schemas', () => {
  const parsers: [string, (json: unknown) => unknown][] = [
    ['trace detail', (json) => parseTraceDetail(json)],
    ['span', (json) => parseTraceNode(json)],
    ['trace list', (json) => parseWithSchema(traceListResponseSchema, json)],
    ['session stats', (json) => parseWithSchema(sessionStatsResponseSchema, json)],
    ['config', (json) => parseWithSchema(configResponseSchema, json)],
    ['filter schema', (json) => parseWithSchema(filterSchemaResponseSchema, json)],
    ['error body', (json) => parseWithSchema(errorBodySchema, json)],
  ];

  it('take any random value without throwing anything but a SchemaError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (json) => {
        for (const [, parse] of parsers) outcomeOf(() => parse(json));
      }),
      { numRuns: 1_500 },
    );
  });

  it('take mutated trace lists', () => {
    const page = (seed: number) => ({
      data: [1, 2, 3].map((k) =>
        toSummary(generateTrace({ seed: seed + k, spanCount: 3, startMs: DEFAULT_NOW_MS })),
      ),
      meta: { page: 1, limit: 20, total_pages: 1, total_count: 3, search_time_ms: 1.5 },
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(mutation, { minLength: 1, maxLength: 5 }),
        (seed, muts) => {
          const json = mutate(JSON.parse(JSON.stringify(page(seed))), muts);
          for (const [, parse] of parsers) outcomeOf(() => parse(json));
        },
      ),
      { numRuns: 800 },
    );
  });
});

describe('the client on random bodies', () => {
  const statuses = fc.constantFrom(200, 200, 200, 204, 400, 401, 404, 422, 500, 502);
  const bodies = fc.oneof(
    fc.string(),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    // Valid answers cut short, as a dropped connection leaves them.
    fc
      .tuple(traceSeed, fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([{ seed, spanCount }, cut]) => {
        const text = JSON.stringify(validTrace(seed, spanCount));
        return text.slice(0, Math.floor(text.length * cut));
      }),
    fc.constantFrom('', '<html><title>Bad gateway</title></html>', 'null', '[]', '{"detail":[]}'),
  );

  it('resolves or rejects with a typed ApiError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(statuses, bodies, async (status, body) => {
        const client = createApiClient({
          baseUrl: 'http://agentos.test',
          fetch: () =>
            Promise.resolve(
              new Response(status === 204 ? null : body, {
                status,
                headers: { 'Content-Type': 'application/json' },
              }),
            ),
        });
        for (const call of [() => client.getTrace('t'), () => client.listTraces({})]) {
          try {
            await call();
          } catch (error) {
            expect(isApiError(error), String(error)).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
