import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { panelOf, rowsOf } from './support/tracePage';

/*
 * Issue 15, items 3 and 4: estimated costs at list prices (genai-prices, bundled) and the
 * context-window gauge (models.dev, bundled), on traces opened as files.
 */

async function openFile(page: Page, fileName: string, buffer: Buffer) {
  await page.goto('/file');
  await page
    .getByRole('banner')
    .filter({ hasText: 'AgentOS Traces' })
    .getByLabel('Open trace file')
    .setInputFiles({ name: fileName, mimeType: 'application/json', buffer });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

function factOf(page: Page, label: string) {
  return panelOf(page)
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

const at = (ms: number) => new Date(Date.UTC(2026, 10, 1, 12, 0, 0, ms)).toISOString();

function llm(id: string, inputTokens: number, outputTokens: number, startMs: number) {
  return {
    id,
    name: 'OpenAIChat.invoke',
    type: 'LLM',
    duration: '100ms',
    start_time: at(startMs),
    end_time: at(startMs + 100),
    status: 'OK',
    metadata: { model: 'gpt-4o', input_tokens: inputTokens, output_tokens: outputTokens },
  };
}

/** A run whose second model call fills 110,000 of gpt-4o's 128,000 tokens (86 %). */
const LONG_CONTEXT = {
  trace_id: 'long-context-1',
  name: 'Long_Context.run',
  status: 'OK',
  duration: '1s',
  start_time: at(0),
  end_time: at(1000),
  created_at: at(0),
  total_spans: 3,
  error_count: 0,
  tree: [
    {
      id: 'agent',
      name: 'Long_Context.run',
      type: 'AGENT',
      duration: '1s',
      start_time: at(0),
      end_time: at(1000),
      status: 'OK',
      spans: [llm('first-call', 2000, 100, 10), llm('full-call', 110_000, 500, 500)],
    },
  ],
};

test('a model in the price table shows its cost as an estimate, and the gauge its window', async ({
  page,
}) => {
  await openFile(page, 'long-context.json', Buffer.from(JSON.stringify(LONG_CONTEXT)));
  const rows = rowsOf(page);
  const full = rows.filter({ hasText: '110,000' });
  // 110,000 × $2.50/M + 500 × $10/M = $0.275 + $0.005
  await expect(full.getByText('≈ $0.28 est.')).toBeVisible();
  await expect(full.getByRole('img', { name: 'Context window 86% full' })).toBeVisible();
  // 2,000 × $2.50/M + 100 × $10/M = $0.005 + $0.001; 2 % of the window: no warning.
  const first = rows.filter({ hasText: '2,000' });
  await expect(first.getByText('≈ $0.006 est.')).toBeVisible();
  await expect(first.getByRole('img', { name: /Context window/ })).toHaveCount(0);

  // The trace's total in the header, with the estimate's caveats in its tooltip.
  const cost = page
    .getByRole('region', { name: 'Trace Long_Context.run' })
    .getByText('≈ $0.286 est.');
  await expect(cost).toBeVisible();
  await expect(cost).toHaveAttribute('title', /list prices from genai-prices .*priced as uncached/);

  await full.click();
  await expect(factOf(page, 'Cost')).toHaveText('≈ $0.28 est.');
  const gauge = panelOf(page).getByRole('meter', { name: 'Context window used' });
  await expect(gauge).toHaveAttribute('max', '128000');
  await expect(factOf(page, 'Context')).toContainText('85.9% of 128,000');
  await expect(factOf(page, 'Context')).toContainText('over 80 %');
  await expect(panelOf(page).getByText(/API reports no cached tokens/)).toBeVisible();
});

test('a model the price table does not know says "no price"', async ({ page }) => {
  const buffer = await readFile('src/mocks/recorded/real-agentos/trace-team-delegation.json');
  await openFile(page, 'trace-team-delegation.json', buffer);
  const mistral = rowsOf(page).filter({ hasText: 'mistral.mistral-large-2407-v1:0' });
  await expect(mistral.getByText('no price')).toBeVisible();
  const sonnet = rowsOf(page)
    .filter({ hasText: 'anthropic.claude-3-5-sonnet-20240620-v1:0' })
    .first();
  await expect(sonnet.getByText(/^≈ \$[\d.]+ est\.$/)).toBeVisible();

  await mistral.click();
  await expect(factOf(page, 'Cost')).toHaveText('no price');
  await expect(factOf(page, 'Context')).toHaveText('window unknown');
});

test('compare gives both estimates, and no difference when a call has no price', async ({
  page,
}) => {
  // A: three Bedrock Claude 3.5 Sonnet calls, 467 tokens in and 113 out at $3 and $15 per
  // million: $0.001401 + $0.001695 = $0.003096. B: the team run, one of whose models
  // (Mistral Large on Bedrock) the table does not list.
  await page.goto(
    '/compare?a=44499f90eea1c19da8c105c689773670&b=5eeb8e69da2ce65fa94a1c0735a561b5&db_id=recorded-agentos',
  );
  const row = page.getByRole('table', { name: 'Totals' }).getByRole('row', { name: /Cost/ });
  await expect(row.getByRole('cell').nth(0)).toHaveText('≈ $0.0031 est.');
  await expect(row.getByRole('cell').nth(1)).toContainText('+ 1 unpriced');
  await expect(row.getByRole('cell').nth(2)).toHaveText('– (some calls have no price)');
});
