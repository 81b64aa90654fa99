/*
 * Retakes the README's screenshots (docs/screenshots/) from the production build on demo data and
 * on the recorded real AgentOS traces, at 1440×900 unless a shot names its own size (the
 * "reading-*" shots: an LLM span selected at a laptop, a desktop, a big screen and a phone). `npm run build` first, then
 * `npx tsx scripts/screenshots.ts [--only name,name] [--out dir]`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './findChromium';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    out: { type: 'string', default: 'docs/screenshots' },
    port: { type: 'string', default: '4190' },
  },
});
const only = values.only ? new Set(values.only.split(',')) : null;
const baseUrl = `http://localhost:${values.port}`;
const RECORDED = 'recorded-agentos';

interface Summary {
  trace_id: string;
  name: string;
  status: string;
  total_spans: number;
  error_count: number;
  agent_id?: string;
  team_id?: string;
  workflow_id?: string;
}

/** The demo's own API, asked from inside the page (the service worker answers it). */
async function listTraces(page: Page, query: string): Promise<Summary[]> {
  return page.evaluate(async (q) => {
    const response = await fetch(`/demo-api/traces?limit=100&${q}`);
    return ((await response.json()) as { data: Summary[] }).data;
  }, query);
}

async function openTrace(page: Page, id: string, query = '') {
  await page.goto(`${baseUrl}/traces/${encodeURIComponent(id)}${query}`);
  await page.getByRole('treegrid', { name: 'Span waterfall' }).getByRole('row').first().waitFor();
}

async function selectRow(page: Page, name: RegExp | string, nth = 0) {
  const row = page
    .getByRole('treegrid', { name: 'Span waterfall' })
    .getByRole('row')
    .filter({ hasText: name })
    .nth(nth);
  await row.click();
  await page.getByRole('region', { name: 'Span details' }).waitFor();
}

/** A model call of a real-shaped demo run, selected: what a reader opens most. */
async function readLlmSpan(page: Page) {
  const traces = await listTraces(page, 'agent_id=support_agent');
  const run = traces.find((t) => t.error_count === 0 && t.total_spans >= 6) ?? traces[0]!;
  await openTrace(page, run.trace_id);
  await selectRow(page, /OpenAIChat|invoke/, 1);
}

const SIZES = {
  laptop: { width: 1024, height: 768 },
  desktop: { width: 1440, height: 900 },
  big: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
};

const sized: Record<string, keyof typeof SIZES> = {
  'reading-1024': 'laptop',
  'reading-1440': 'desktop',
  'reading-1920': 'big',
  'reading-phone': 'phone',
};

const shots: Record<string, (page: Page) => Promise<void>> = {
  'reading-1024': readLlmSpan,
  'reading-1440': readLlmSpan,
  'reading-1920': readLlmSpan,
  'reading-phone': readLlmSpan,
  'trace-list': async (page) => {
    await page.goto(`${baseUrl}/traces`);
    await page.getByRole('table', { name: 'Traces' }).getByRole('row').nth(5).waitFor();
    // The results chart loads after the table has painted.
    await page.locator('.recharts-surface').first().waitFor();
  },
  'trace-page': async (page) => {
    const traces = await listTraces(page, '');
    const largest = traces.reduce((a, b) => (b.total_spans > a.total_spans ? b : a));
    await openTrace(page, largest.trace_id);
    await selectRow(page, /invoke/, 1);
  },
  'critical-path': async (page) => {
    const traces = await listTraces(page, 'agent_id=support_agent');
    const ok = traces.find((t) => t.error_count === 0 && t.total_spans >= 6) ?? traces[0]!;
    await openTrace(page, ok.trace_id);
    await page.getByRole('checkbox', { name: /Critical path/ }).check();
  },
  'where-the-time-went': async (page) => {
    const traces = await listTraces(page, 'team_id=research-team');
    await openTrace(page, traces.find((t) => t.error_count === 0)!.trace_id);
    await page.getByRole('tab', { name: 'Charts' }).click();
    await page.getByLabel('Group by').selectOption({ label: 'Model' });
  },
  'error-first-landing': async (page) => {
    const traces = await listTraces(page, 'status=ERROR&workflow_id=content-pipeline');
    await openTrace(page, (traces[0] ?? (await listTraces(page, 'status=ERROR'))[0]!).trace_id);
    await page.getByRole('note', { name: 'Error-first landing' }).waitFor();
  },
  'copy-as-markdown': async (page) => {
    const traces = await listTraces(page, 'agent_id=stock_agent');
    await openTrace(page, traces[0]!.trace_id);
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await page.getByRole('dialog').waitFor();
  },
  compare: async (page) => {
    const traces = (await listTraces(page, 'agent_id=support_agent')).filter(
      (t) => t.total_spans >= 4,
    );
    await page.goto(`${baseUrl}/compare?a=${traces[1]!.trace_id}&b=${traces[0]!.trace_id}`);
    await page.getByRole('table').first().waitFor();
  },
  // The real AgentOS answers, served by the demo as the "recorded" database.
  'chat-messages': async (page) => {
    await openTrace(page, '44499f90eea1c19da8c105c689773670', `?db_id=${RECORDED}`);
    await selectRow(page, /AwsBedrock/, 2);
    // The messages, not the span's facts above them.
    await page
      .getByRole('region', { name: 'Span details' })
      .getByText('Same system prompt as')
      .evaluate((element) => element.scrollIntoView({ block: 'start' }));
  },
  delegation: async (page) => {
    await openTrace(page, '5eeb8e69da2ce65fa94a1c0735a561b5', `?db_id=${RECORDED}`);
    await selectRow(page, /delegate_task_to_member/, 0);
  },
};

// vite's own preview server, in this process: the build as users get it, with its CSP.
const server = await preview({ preview: { port: Number(values.port), strictPort: true } });
try {
  const browser = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: CHROMIUM_ARGS,
  });
  mkdirSync(values.out, { recursive: true });
  for (const [name, take] of Object.entries(shots)) {
    if (only && !only.has(name)) continue;
    const context = await browser.newContext({ viewport: SIZES[sized[name] ?? 'desktop'] });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/traces`);
    await page.getByRole('table', { name: 'Traces' }).waitFor();
    await take(page);
    // Lazy panels and charts settle within a frame or two of their data.
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(values.out, `${name}.png`) });
    console.log(`${name}.png`);
    await context.close();
  }
  await browser.close();
} finally {
  await server.close();
}
