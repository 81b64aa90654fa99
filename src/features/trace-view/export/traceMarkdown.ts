import { readingManyTexts } from '../../../api/lazyText';
import type { TraceDetail } from '../../../api/schemas';
import { formatDuration, formatDurationBetween } from '../../../lib/time';
import type { TraceModel } from '../../../domain/trace/traceModel';
import { traceStatus } from '../../../domain/trace/traceStatus';

export interface MarkdownOptions {
  /** Characters kept of each input and output: 0 leaves them out, null keeps them whole. */
  textLimit: number | null;
  /** Export only this span and everything under it; the whole trace when absent. */
  rootIndex?: number | null;
  /** Stop after this many spans (for a preview), saying how many were left out. */
  spanLimit?: number;
}

/** The cut lengths offered to the user, in order. */
export const TEXT_LIMITS: readonly (readonly [number | null, string])[] = [
  [0, 'Leave out'],
  [200, '200 characters'],
  [1000, '1,000 characters'],
  [null, 'Unlimited'],
];

/** Deeper spans are indented as this level (and say their level), so lines stay short. */
export const MAX_INDENT_LEVEL = 20;

const ID_FIELDS = [
  ['agent_id', 'Agent'],
  ['team_id', 'Team'],
  ['workflow_id', 'Workflow'],
  ['run_id', 'Run'],
  ['session_id', 'Session'],
  ['user_id', 'User'],
] as const;

/**
 * The trace, or one span's subtree, as a compact Markdown outline for an issue tracker or an
 * LLM: a summary, then one line per span (type, name, duration; model and tokens, or the tool),
 * errors in full, inputs and outputs cut to `textLimit`. Every text from the trace is in a code
 * span or a fenced block, so nothing in it can turn into markup. Iterative, one pass.
 */
export function traceToMarkdown(
  trace: TraceDetail,
  tree: TraceModel,
  options: MarkdownOptions,
): string {
  // Reads most spans' texts: the kept ones are decoded a batch at a time.
  return readingManyTexts(() => markdownOf(trace, tree, options));
}

function markdownOf(trace: TraceDetail, tree: TraceModel, options: MarkdownOptions): string {
  const lines: string[] = [];
  const root = options.rootIndex ?? null;
  const from = root ?? 0;
  const to = root === null ? tree.count : root + tree.subtreeSize[root]!;
  let errors = 0;
  for (let i = from; i < to; i++) errors += tree.isError[i]!;

  if (root === null) {
    // As users mean it: an OK root with failing spans reads "(ERROR; root span OK · 1 failing span)".
    const status = traceStatus(trace.status, errors);
    const statusText = status.note ? `${status.status}; ${status.note}` : status.status;
    lines.push(`# Trace ${code(trace.name)}${statusSuffix(statusText)}`, '');
    lines.push(`- Trace id: ${code(trace.trace_id)}`);
    lines.push(
      `- Start: ${code(trace.start_time)} · Duration: ${formatDurationBetween(tree.reportedStartUs, tree.reportedEndUs)} · Spans: ${count(to - from)} · Errors: ${count(errors)}`,
    );
    const tokens = traceTokens(tree);
    if (tokens) lines.push(`- Tokens: ${tokens}`);
    const ids = ID_FIELDS.filter(([field]) => trace[field]).map(
      ([field, label]) => `${label}: ${code(trace[field]!)}`,
    );
    if (ids.length > 0) lines.push(`- ${ids.join(' · ')}`);
    pushText(lines, '', 'Input', trace.input, options.textLimit);
    pushText(lines, '', 'Output', trace.output, options.textLimit);
    pushText(lines, '', 'Error', trace.error, null);
  } else {
    const node = tree.nodes[root]!;
    lines.push(
      `# Span ${code(node.name)}${statusSuffix(node.status)} in trace ${code(trace.name)}`,
      '',
    );
    lines.push(`- Trace id: ${code(trace.trace_id)} · Span id: ${code(node.id)}`);
    lines.push(
      `- Start: ${code(node.start_time)} · Duration: ${spanDuration(tree, root)} · Spans: ${count(to - from)} · Errors: ${count(errors)}`,
    );
  }

  lines.push('', '## Spans', '');
  const baseDepth = root === null ? 0 : tree.depth[root]!;
  const last = Math.min(to, from + (options.spanLimit ?? Infinity));
  for (let i = from; i < last; i++) {
    const level = tree.depth[i]! - baseDepth;
    const indent = '  '.repeat(Math.min(level, MAX_INDENT_LEVEL));
    lines.push(`${indent}- ${spanLine(tree, i, level)}`);
    const node = tree.nodes[i]!;
    const inner = `${indent}  `;
    pushText(lines, inner, 'error', node.error, null);
    pushText(lines, inner, 'input', node.input, options.textLimit);
    pushText(lines, inner, 'output', node.output, options.textLimit);
  }
  if (last < to) lines.push(`- … ${count(to - last)} more spans`);
  return `${lines.join('\n')}\n`;
}

function spanLine(tree: TraceModel, index: number, level: number): string {
  const node = tree.nodes[index]!;
  const parts = [`${plain(node.type)} ${code(node.name)}`, spanDuration(tree, index)];
  // A label taken from the span's name would only repeat the name.
  const model = tree.modelLabelOf(index);
  if (model && !model.isFromSpanName) parts.push(code(model.text));
  const tokens = tokenText(tree.inputTokens[index]!, tree.outputTokens[index]!);
  if (tokens) parts.push(tokens);
  const tool = tree.toolNameOf(index);
  if (tool !== null && tool !== node.name) parts.push(`tool ${code(tool)}`);
  if (node.status === 'ERROR') parts.push('**ERROR**');
  if (level > MAX_INDENT_LEVEL) parts.push(`level ${count(level + 1)}`);
  return parts.join(' · ');
}

/** From the parsed times, never the server's text (rounded, or a float like "498.0057ms"). */
function spanDuration(tree: TraceModel, index: number): string {
  return formatDuration(tree.durationUs[index]!);
}

/** The header's numbers: the model's totals. */
function traceTokens(tree: TraceModel): string | null {
  const { input, output, source } = tree.tokenTotals;
  return source === 'none' ? null : `${count(input)} in · ${count(output)} out`;
}

/** A span's counts; a side not recorded (NaN) is "?". */
function tokenText(input: number, output: number): string | null {
  if (Number.isNaN(input) && Number.isNaN(output)) return null;
  const show = (value: number) => (Number.isNaN(value) ? '?' : count(value));
  return `${show(input)} → ${show(output)} tokens`;
}

function statusSuffix(status: string): string {
  return status === 'OK' ? '' : ` (${plain(status)})`;
}

/** An item `label: text` under `indent`, cut to `limit`; a fenced block when it has lines. */
function pushText(
  lines: string[],
  indent: string,
  label: string,
  text: string | null | undefined,
  limit: number | null,
): void {
  if (text == null || limit === 0) return;
  const kept = cutText(text, limit);
  const cut =
    kept.length < text.length
      ? ` (first ${count(kept.length)} of ${count(text.length)} characters)`
      : '';
  if (!/[\r\n]/.test(kept)) {
    lines.push(`${indent}- ${label}${cut}: ${code(kept)}`);
    return;
  }
  lines.push(`${indent}- ${label}${cut}:`);
  const body = `${indent}  `;
  const fence = '`'.repeat(Math.max(3, longestRun(kept, '`') + 1));
  lines.push(`${body}${fence}`);
  for (const line of kept.split(/\r\n|\r|\n/)) lines.push(`${body}${line}`);
  lines.push(`${body}${fence}`);
}

/** The first `limit` UTF-16 units of `text`, not splitting a surrogate pair; all when null. */
export function cutText(text: string, limit: number | null): string {
  if (limit === null || text.length <= limit) return text;
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** A Markdown code span holding `text` as it is, backticks included. */
export function code(text: string): string {
  if (text === '') return '(empty)';
  const flat = text.replace(/[\r\n]+/g, ' ');
  const fence = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Short server words outside code spans (type, status), with Markdown's characters escaped. */
function plain(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (ch) => `\\${ch}`);
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ch) {
      run++;
      if (run > longest) longest = run;
    } else run = 0;
  }
  return longest;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
