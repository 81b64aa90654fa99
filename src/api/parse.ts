import type { z } from 'zod/mini';
import { SchemaError } from './errors';
import { formatJsonPath } from './jsonPath';
import {
  traceDetailFieldsSchema,
  traceNodeFieldsSchema,
  type TraceDetail,
  type TraceNode,
} from './schemas';

/** Validates `json` against `schema`, or throws a SchemaError naming the first wrong path. */
export function parseWithSchema<T extends z.ZodMiniType>(
  schema: T,
  json: unknown,
  root = '$',
  url?: string,
): z.infer<T> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new SchemaError(
    formatJsonPath(issue?.path ?? [], root),
    issue ? describeIssue(issue) : 'a valid value',
    url,
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // zod's messages read "Invalid input: expected string, received number"; keep the useful half.
  return issue.message.replace(/^Invalid input: /, '');
}

/** A single span, as GET /traces/{id}?span_id= answers it. */
export function parseTraceNode(json: unknown, url?: string): TraceNode {
  return parseTraceTree([json], '$', url)[0] as TraceNode;
}

export function parseTraceDetail(json: unknown, url?: string): TraceDetail {
  const fields = parseWithSchema(traceDetailFieldsSchema, json, '$', url);
  return { ...fields, tree: parseTraceTree(fields.tree, '$.tree', url) };
}

interface PendingNode {
  raw: unknown;
  target: TraceNode[];
  index: number;
  parent: PendingNode | null;
}

/**
 * Validates a span tree node by node with an explicit stack. Trees can be 100,000 spans and
 * 10,000 levels deep, which a recursive schema would not survive. The JSON path of a failure is
 * rebuilt from parent links only when something is wrong, so the happy path stays cheap.
 */
export function parseTraceTree(roots: unknown[], rootPath = '$.tree', url?: string): TraceNode[] {
  const result: TraceNode[] = new Array<TraceNode>(roots.length);
  const stack: PendingNode[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    stack.push({ raw: roots[i], target: result, index: i, parent: null });
  }
  while (stack.length > 0) {
    const pending = stack.pop() as PendingNode;
    const node = parseNodeFields(pending.raw, () => nodePath(pending), rootPath, url);
    pending.target[pending.index] = node;
    const children = node.spans;
    if (children) {
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push({ raw: children[i], target: children, index: i, parent: pending });
      }
    }
  }
  return result;
}

/**
 * One span's own fields (its children are the caller's), by the rules of `traceNodeFieldsSchema`.
 * `path` gives the node's place below `rootPath`; it is asked for only when something is wrong.
 */
export function parseNodeFields(
  raw: unknown,
  path: () => PropertyKey[],
  rootPath: string,
  url?: string,
): TraceNode {
  // The common case: the object is already what the schema describes; keep it as sent.
  if (isWellFormedNode(raw)) return raw;
  const parsed = traceNodeFieldsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SchemaError(
      formatJsonPath([...path(), ...(issue?.path ?? [])], rootPath),
      issue ? describeIssue(issue) : 'a span object',
      url,
    );
  }
  return parsed.data as TraceNode;
}

const REQUIRED_NODE_STRINGS = [
  'id',
  'name',
  'type',
  'duration',
  'start_time',
  'end_time',
  'status',
] as const;
const OPTIONAL_NODE_STRINGS = ['input', 'output', 'error', 'step_type'] as const;

/**
 * The same rules as `traceNodeFieldsSchema`, checked by hand: at 100,000 spans the schema
 * library's generic walk and its copy of every node cost more than the rest of the page's work.
 * Anything this check does not accept goes through the schema, which says precisely what is
 * wrong (a unit test keeps the two in agreement).
 */
export function isWellFormedNode(raw: unknown): raw is TraceNode {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const node = raw as Record<string, unknown>;
  for (const key of REQUIRED_NODE_STRINGS) {
    if (typeof node[key] !== 'string') return false;
  }
  for (const key of OPTIONAL_NODE_STRINGS) {
    const value = node[key];
    if (value != null && typeof value !== 'string') return false;
  }
  return (
    isOptionalRecord(node.metadata) &&
    isOptionalRecord(node.extra_data) &&
    (node.spans == null || Array.isArray(node.spans))
  );
}

function isOptionalRecord(value: unknown): boolean {
  return value == null || (typeof value === 'object' && !Array.isArray(value));
}

function nodePath(pending: PendingNode): PropertyKey[] {
  const segments: PropertyKey[] = [];
  for (let at: PendingNode | null = pending; at; at = at.parent) {
    segments.push(at.index);
    if (at.parent) segments.push('spans');
  }
  return segments.reverse();
}
