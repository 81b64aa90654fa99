import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

/*
 * Issue 10: traces recorded from the real AgentOS (agno 2.9.0), opened with "Open trace file":
 * a model call's prompt and reply read as chat messages, tool calls lead to the spans that ran
 * them, and a model call that lost attributes says so.
 */

interface RecordedSpan {
  type: string;
  input?: string;
  metadata?: Record<string, unknown>;
  spans?: RecordedSpan[];
}
type RecordedTrace = { tree: RecordedSpan[] };

const RECORDED = new URL('../src/mocks/recorded/real-agentos/', import.meta.url);

/** Opens a recorded trace file, optionally changed first (`edit` gets the parsed JSON). */
async function openRecordedTrace(page: Page, file: string, edit?: (trace: RecordedTrace) => void) {
  let buffer = await readFile(new URL(file, RECORDED));
  if (edit) {
    const trace = JSON.parse(buffer.toString('utf8')) as RecordedTrace;
    edit(trace);
    buffer = Buffer.from(JSON.stringify(trace));
  }
  await page.goto('/file');
  const header = page.getByRole('banner').filter({ hasText: 'AgentOS Traces' });
  await header.getByLabel('Open trace file').setInputFiles({
    name: file,
    mimeType: 'application/json',
    buffer,
  });
  const grid = page.getByRole('treegrid', { name: 'Span waterfall' });
  await expect(grid).toBeVisible();
  return grid.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
}

const panelOf = (page: Page) => page.getByRole('region', { name: 'Span details' });

test('a real model call shows its conversation, and a tool call leads to its tool span', async ({
  page,
}) => {
  const rows = await openRecordedTrace(page, 'trace-agent-tool-error.json');
  await rows.filter({ hasText: 'AwsBedrock.invoke' }).last().click();
  const panel = panelOf(page);
  await expect(panel.getByRole('heading', { name: 'AwsBedrock.invoke' })).toBeVisible();

  const input = panel.getByRole('list', { name: 'Input messages' });
  await expect(input).toContainText('Please refund order A-1002, it arrived broken.');
  await expect(input).toContainText(/Same system prompt as AwsBedrock\.invoke/);
  const toolCalls = input.getByRole('list', { name: 'Tool calls' });
  // The question and this call's last turn show; the turn before, which the previous call
  // showed, is folded so the reply stays near.
  await expect(toolCalls).toHaveCount(1);
  await input.getByRole('button', { name: 'Show 2 messages earlier in this run' }).click();
  await expect(toolCalls).toHaveCount(2);
  await expect(toolCalls.first()).toContainText('lookup_order');
  await expect(toolCalls.last()).toContainText('"amount": 312');
  // The failed refund is marked as failed, with the tool's message.
  const failed = input.getByRole('listitem').filter({ hasText: 'Failed' });
  await expect(failed).toContainText(
    'Refunds above 100.00 need a supervisor (asked 312.00 on A-1002)',
  );
  await expect(panel.getByRole('list', { name: 'Output messages' })).toContainText(
    'I have escalated your request.',
  );

  await toolCalls
    .last()
    .getByRole('button', { name: /^Open span refund_order at \+/ })
    .click();
  await expect(panel.getByRole('heading', { name: 'refund_order' })).toBeVisible();
  await expect(page).toHaveURL(/\/file\?span=29685ec4cd895503/);
  await expect(rows.filter({ hasText: 'refund_order' })).toHaveAttribute('aria-selected', 'true');
});

test('a streamed reply ({"messages": [...]}) is read as messages too', async ({ page }) => {
  const rows = await openRecordedTrace(page, 'trace-agent-async-stream.json');
  await rows.filter({ hasText: 'AwsBedrock.ainvoke_stream' }).first().click();
  const output = panelOf(page).getByRole('list', { name: 'Output messages' });
  await expect(output.getByRole('list', { name: 'Tool calls' })).toContainText('get_stock_price');
});

test('a model call that recorded no reply or tokens says so', async ({ page }) => {
  const rows = await openRecordedTrace(page, 'trace-agent-model-error.json');
  await rows.filter({ hasText: 'AwsBedrock.invoke' }).click();
  const note = panelOf(page).getByRole('note', { name: 'Not recorded' });
  await expect(note).toContainText('Not recorded: the reply (output) and the token counts.');
  await expect(panelOf(page).getByRole('list', { name: 'Input messages' })).toContainText(
    'Where is my order A-1001? (throttle test)',
  );
});

test('a long model call that lost its input and model to the attribute limit says so', async ({
  page,
}) => {
  // As on a real 2,432-span trace: the last call of a long tool loop kept neither `input` nor
  // `metadata.model`. Here the call before it carries a 30-message conversation.
  const rows = await openRecordedTrace(page, 'trace-agent-tool-error.json', (trace) => {
    const calls = trace.tree[0]!.spans!.filter((span) => span.type === 'LLM');
    const before = calls[1]!;
    const { messages } = JSON.parse(before.input!) as { messages: unknown[] };
    const padded = Array.from({ length: 30 }, (_, i) => messages[i % messages.length]);
    before.input = JSON.stringify({ messages: padded });
    const last = calls[2]!;
    delete last.input;
    delete last.metadata!.model;
  });
  const last = rows.filter({ hasText: 'AwsBedrock.invoke' }).last();
  // The row names the model class from the span name instead of nothing.
  await expect(last.getByTitle(/^Model id not recorded/)).toHaveText('AwsBedrock');
  await last.click();
  const note = panelOf(page).getByRole('note', { name: 'Not recorded' });
  await expect(note).toContainText('Not recorded: the input (prompt) and the model id.');
  await expect(note).toContainText('about 30 messages');
  await expect(note).toContainText('128 attributes');
});
