import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

/*
 * Issue 10: traces recorded from the real AgentOS (agno 2.9.0), opened with "Open trace file":
 * a model call's prompt and reply read as chat messages, tool calls lead to the spans that ran
 * them, and a model call that lost attributes says so.
 */

const RECORDED = new URL('../src/mocks/recorded/real-agentos/', import.meta.url);

async function openRecordedTrace(page: Page, file: string) {
  await page.goto('/file');
  const header = page.getByRole('banner').filter({ hasText: 'AgentOS Traces' });
  await header.getByLabel('Open trace file').setInputFiles({
    name: file,
    mimeType: 'application/json',
    buffer: await readFile(new URL(file, RECORDED)),
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
