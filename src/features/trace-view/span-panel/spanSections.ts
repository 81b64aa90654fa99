import { inSentOrder } from '../../../api/lazyText';
import type { TraceNode } from '../../../api/schemas';
import { SpanKind, spanKind } from '../../../domain/trace/spanKind';

/** Which per-type section the panel shows for a span. */
export type SpanSectionKind = 'llm' | 'tool' | 'run' | 'workflow' | 'generic';

type Metadata = Record<string, unknown>;

const WORKFLOW_KEYS = ['description', 'steps_count', 'steps', 'step_types'] as const;

/**
 * Chosen by `type`, compared case-insensitively. A workflow may arrive as `WORKFLOW` or as the
 * OpenInference `CHAIN` it is recorded as; a CHAIN counts as a workflow only when it carries
 * workflow metadata (steps), since other chains exist.
 */
export function spanSectionKind(node: TraceNode): SpanSectionKind {
  const kind = spanKind(node.type);
  if (kind === SpanKind.Llm) return 'llm';
  if (kind === SpanKind.Tool) return 'tool';
  if (kind === SpanKind.Agent || kind === SpanKind.Team) return 'run';
  if (kind === SpanKind.Workflow) return 'workflow';
  const metadata = node.metadata;
  if (
    node.type.toUpperCase() === 'CHAIN' &&
    metadata &&
    (metadata.steps != null || metadata.step_types != null || metadata.steps_count != null)
  ) {
    return 'workflow';
  }
  return 'generic';
}

/** Metadata keys each section shows in its own place (the rest go to the key–value list). */
const SECTION_KEYS: Record<SpanSectionKind, readonly string[]> = {
  llm: ['model', 'input_tokens', 'output_tokens'],
  tool: ['tool_name', 'parameters'],
  run: [],
  workflow: WORKFLOW_KEYS,
  generic: [],
};

const ID_KEYS = [
  ['run_id', 'Run id'],
  ['session_id', 'Session id'],
  ['user_id', 'User id'],
  ['agent_id', 'Agent id'],
  ['team_id', 'Team id'],
  ['workflow_id', 'Workflow id'],
] as const;

/** Trace-wide totals the root node carries. */
const TOTAL_KEYS = [
  ['total_input_tokens', 'Trace input tokens'],
  ['total_output_tokens', 'Trace output tokens'],
] as const;

export interface LabelledValue {
  key: string;
  label: string;
  value: string;
}

/** Strings and numbers are shown as facts; anything else stays in the key–value list. */
function scalarText(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function labelledValues(
  metadata: Metadata | null | undefined,
  keys: readonly (readonly [string, string])[],
): LabelledValue[] {
  if (!metadata) return [];
  const values: LabelledValue[] = [];
  for (const [key, label] of keys) {
    const value = scalarText(metadata[key]);
    if (value !== null) values.push({ key, label, value });
  }
  return values;
}

/** The run, session, user… ids in the metadata, in a fixed order. */
export function spanIds(metadata: Metadata | null | undefined): LabelledValue[] {
  return labelledValues(metadata, ID_KEYS);
}

export function traceTotals(metadata: Metadata | null | undefined): LabelledValue[] {
  return labelledValues(metadata, TOTAL_KEYS);
}

/** The metadata keys the panel shows outside the key–value list, for this span. */
export function shownMetadataKeys(kind: SpanSectionKind, metadata: Metadata | null | undefined) {
  const shown = new Set<string>(SECTION_KEYS[kind]);
  for (const { key } of spanIds(metadata)) shown.add(key);
  for (const { key } of traceTotals(metadata)) shown.add(key);
  return shown;
}

/** The node fields the panel shows; any others a newer server sends go to a key–value list. */
export const KNOWN_NODE_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'type',
  'duration',
  'start_time',
  'end_time',
  'status',
  'input',
  'output',
  'error',
  'spans',
  'step_type',
  'metadata',
  'extra_data',
]);

/** Entries of `record` not in `shown`, in the server's order. Explicit nulls are kept. */
export function otherEntries(
  record: Record<string, unknown> | null | undefined,
  shown: ReadonlySet<string>,
): [string, unknown][] {
  if (!record) return [];
  return Object.entries(record).filter(([key, value]) => !shown.has(key) && value !== undefined);
}

export interface WorkflowStep {
  name: string;
  type: string | null;
}

function stepText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'name' in value) {
    if (typeof value.name === 'string') return value.name;
  }
  const json = JSON.stringify(value) as string | undefined;
  return json ?? '–';
}

/** `steps` and `step_types` zipped; either may be missing or shorter than the other. */
export function workflowSteps(metadata: Metadata | null | undefined): WorkflowStep[] {
  const rawSteps = metadata?.steps;
  const rawTypes = metadata?.step_types;
  const steps: unknown[] = Array.isArray(rawSteps) ? rawSteps : [];
  const types: unknown[] = Array.isArray(rawTypes) ? rawTypes : [];
  const length = Math.max(steps.length, types.length);
  const rows: WorkflowStep[] = [];
  for (let i = 0; i < length; i++) {
    rows.push({
      name: i < steps.length ? stepText(steps[i]) : '–',
      type: i < types.length ? stepText(types[i]) : null,
    });
  }
  return rows;
}

/**
 * The node as the server sent it, for the "Raw JSON" view: its children are replaced by a count,
 * or a big trace's root would print the whole trace.
 */
export function nodeForRawView(node: TraceNode): Record<string, unknown> {
  const sent = inSentOrder(node);
  const { spans, ...rest } = sent;
  if (!Array.isArray(spans)) return sent;
  const count = spans.length;
  return {
    ...rest,
    spans: `[${count.toLocaleString('en-US')} child span${count === 1 ? '' : 's'} not shown]`,
  };
}
