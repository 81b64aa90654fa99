import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { parseTraceDetail, parseTraceNode, parseWithSchema } from '../api/parse';
import {
  configResponseSchema,
  errorBodySchema,
  filterSchemaResponseSchema,
  healthResponseSchema,
  paginatedSchema,
  sessionStatsResponseSchema,
  traceListResponseSchema,
  type TraceNode,
} from '../api/schemas';
import { parsePayloadMessages } from '../features/trace-view/span-panel/chatMessages';

/*
 * Every answer recorded from the real AgentOS (agno 2.9.0) goes through the validation the app
 * uses for its endpoint, and every model call in them through the span panel's message reading:
 * the viewer must read what the real server sends, not only what our mocks make.
 */

const RECORDED = import.meta.glob<unknown>('./recorded/real-agentos/*.json', {
  eager: true,
  import: 'default',
});
// The shared originals beside the repository, when this checkout has them (see fixtures.test.ts).
const SHARED = import.meta.glob<unknown>('../../../shared/examples/real-agentos/*.json', {
  eager: true,
  import: 'default',
});

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const recordedFiles = Object.entries(RECORDED).map(([p, json]) => [fileName(p), json] as const);
const sharedFiles = Object.entries(SHARED).map(([p, json]) => [fileName(p), json] as const);

/** The schema the app validates a plain (tree-less) answer with, from the request the file records. */
function plainSchemaFor(name: string): z.ZodMiniType | null {
  if (name.startsWith('error-')) return errorBodySchema;
  if (name === 'config.json') return configResponseSchema;
  if (name.startsWith('health')) return healthResponseSchema;
  if (name === 'traces-filter-schema.json') return filterSchemaResponseSchema;
  if (name === 'trace-session-stats.json') return sessionStatsResponseSchema;
  if (name.startsWith('traces-') || name.startsWith('auth-')) return traceListResponseSchema;
  return null;
}

/** Validates `json` as the app does for the request the file name says; returns its span trees. */
function validateAsTheAppDoes(name: string, json: unknown): TraceNode[] {
  const schema = plainSchemaFor(name);
  if (schema) {
    parseWithSchema(schema, json, '$', name);
    return [];
  }
  if (name.startsWith('search-')) {
    // The app asks for runs (whole trees) or sessions; the recorded rows say which this was.
    const page = parseWithSchema(paginatedSchema(z.unknown()), json, '$', name);
    const isRuns = page.data.some(
      (row) => typeof row === 'object' && row !== null && 'tree' in row,
    );
    if (isRuns) return page.data.flatMap((row) => parseTraceDetail(row, name).tree);
    parseWithSchema(sessionStatsResponseSchema, json, '$', name);
    return [];
  }
  if (name.startsWith('trace-')) return parseTraceDetail(json, name).tree;
  if (name.startsWith('span-')) return [parseTraceNode(json, name)];
  throw new Error(`No validation is known for the recorded answer ${name}: add one to this test`);
}

function allNodes(roots: readonly TraceNode[]): TraceNode[] {
  const out: TraceNode[] = [];
  const stack = [...roots];
  for (let node = stack.pop(); node; node = stack.pop()) {
    out.push(node);
    stack.push(...(node.spans ?? []));
  }
  return out;
}

/** Whether an LLM output is a list of messages as JSON: `[{role…}]` or `{"messages": [...]}`. */
function isMessageListJson(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  const list =
    typeof value === 'object' && value !== null && 'messages' in value ? value.messages : value;
  return (
    Array.isArray(list) &&
    list.length > 0 &&
    list.every((m) => typeof m === 'object' && m !== null && 'role' in m)
  );
}

function checkModelCalls(name: string, roots: TraceNode[]) {
  let withInput = 0;
  for (const node of allNodes(roots)) {
    if (node.type !== 'LLM') continue;
    if (node.input != null) {
      withInput += 1;
      expect(parsePayloadMessages(node.input)?.length, `${name} ${node.id} input`).toBeGreaterThan(
        0,
      );
    }
    if (node.output != null && isMessageListJson(node.output)) {
      expect(
        parsePayloadMessages(node.output)?.length,
        `${name} ${node.id} output`,
      ).toBeGreaterThan(0);
    }
  }
  return withInput;
}

describe.each([
  ['recorded (src/mocks/recorded/real-agentos)', recordedFiles],
  ['shared (../shared/examples/real-agentos)', sharedFiles],
])('real AgentOS answers, %s', (_where, files) => {
  if (files.length === 0) {
    it.skip('skipped: the directory is absent in this checkout', () => {});
    return;
  }

  it.each(files)('%s validates as the app validates it', (name, json) => {
    expect(() => validateAsTheAppDoes(name, json)).not.toThrow();
  });

  it('shows chat messages for every model call with input, and for every message-list reply', () => {
    let modelCallsWithInput = 0;
    for (const [name, json] of files) {
      modelCallsWithInput += checkModelCalls(name, validateAsTheAppDoes(name, json));
    }
    // The files hold dozens of model calls: a parse that silently skipped them all must fail.
    expect(modelCallsWithInput).toBeGreaterThanOrEqual(20);
  });
});

describe('span-llm.json, the third model call of a support agent', () => {
  const json = recordedFiles.find(([name]) => name === 'span-llm.json')![1];
  const span = parseTraceNode(json);
  const input = parsePayloadMessages(span.input)!;

  it('reads the conversation in order, with the tool calls by name', () => {
    expect(input.map((m) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'assistant',
      'tool',
    ]);
    expect(input.flatMap((m) => m.toolCalls.map((call) => call.name))).toEqual([
      'lookup_order',
      'refund_order',
    ]);
    expect(input[4]!.toolCalls[0]!.arguments).toContain('"amount": 312');
  });

  it('marks the refund result as failed and the lookup result as not', () => {
    const results = input.filter((m) => m.role === 'tool');
    expect(results.map((m) => [m.toolName, m.toolCallId, m.isToolError ?? false] as const)).toEqual(
      [
        ['lookup_order', 'tooluse_0_0_81e74ef5', false],
        ['refund_order', 'tooluse_1_0_11e20b8f', true],
      ],
    );
  });

  it('reads the reply, a plain list with one assistant message', () => {
    const output = parsePayloadMessages(span.output)!;
    expect(output.map((m) => m.role)).toEqual(['assistant']);
    expect(output[0]!.parts).toEqual([
      {
        kind: 'text',
        text: 'I could not refund 312.00 myself: refunds above 100.00 need a supervisor. I have escalated your request.',
      },
    ]);
  });
});
