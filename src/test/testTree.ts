import type { TraceDetail, TraceNode } from '../api/schemas';
import { parseTimestampUs } from '../lib/time';

const BASE_MS = Date.UTC(2025, 10, 19, 10, 30, 0);
let nextId = 0;

/** A span from `startUs` to `endUs` (microseconds after a fixed base), for tests. */
export function span(
  startUs: number,
  endUs: number,
  overrides: Partial<TraceNode> = {},
): TraceNode {
  nextId += 1;
  return {
    id: `span-${nextId}`,
    name: `span ${nextId}`,
    type: 'TOOL',
    duration: '',
    start_time: at(startUs),
    end_time: at(endUs),
    status: 'OK',
    ...overrides,
  };
}

/** A timestamp `us` microseconds after the base, with all six fraction digits. */
function at(us: number): string {
  const ms = Math.floor(us / 1000);
  const micros = String(us - ms * 1000).padStart(3, '0');
  return new Date(BASE_MS + ms).toISOString().replace('Z', `${micros}Z`);
}

/** The span tree's arrays that the domain reads, built from nested nodes, for tests. */
export interface TestTree {
  count: number;
  nodes: TraceNode[];
  parentIndex: Int32Array;
  subtreeSize: Int32Array;
  startUs: Float64Array;
  endUs: Float64Array;
  isError: Uint8Array;
}

export function testTree(roots: readonly TraceNode[]): TestTree {
  const nodes: TraceNode[] = [];
  const parents: number[] = [];
  const walk = (node: TraceNode, parent: number) => {
    const index = nodes.length;
    nodes.push(node);
    parents.push(parent);
    for (const child of node.spans ?? []) walk(child, index);
  };
  for (const root of roots) walk(root, -1);
  const count = nodes.length;
  const parentIndex = Int32Array.from(parents);
  const subtreeSize = new Int32Array(count).fill(1);
  for (let i = count - 1; i > 0; i--) {
    if (parentIndex[i]! >= 0) subtreeSize[parentIndex[i]!]! += subtreeSize[i]!;
  }
  return {
    count,
    nodes,
    parentIndex,
    subtreeSize,
    startUs: Float64Array.from(nodes, (node) => parseTimestampUs(node.start_time)),
    endUs: Float64Array.from(nodes, (node) => parseTimestampUs(node.end_time)),
    isError: Uint8Array.from(nodes, (node) => (node.status === 'ERROR' ? 1 : 0)),
  };
}

/** The index of the `nth` span (0-based) named `name`, in tree order. */
export function indexOfName(tree: TestTree, name: string, nth = 0): number {
  let seen = 0;
  for (let i = 0; i < tree.count; i++) {
    if (tree.nodes[i]!.name === name && seen++ === nth) return i;
  }
  throw new Error(`no span #${nth} named ${name}`);
}

const RECORDED = import.meta.glob<unknown>('../mocks/recorded/real-agentos/*.json', {
  eager: true,
  import: 'default',
});

/** An answer the real AgentOS sent (agno 2.9.0), from src/mocks/recorded/real-agentos. */
export function realAnswer(file: string): unknown {
  const answer = RECORDED[`../mocks/recorded/real-agentos/${file}`];
  if (answer === undefined) throw new Error(`no recorded answer ${file}`);
  return answer;
}

/** A trace the real AgentOS sent. */
export function realTrace(file: string): TraceDetail {
  return realAnswer(file) as TraceDetail;
}
