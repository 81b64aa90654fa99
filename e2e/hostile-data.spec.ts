import { expect, test, type Locator, type Page } from '@playwright/test';
import type { TraceNode } from '../src/api/schemas';
import { CANARY, HOSTILE_PAYLOADS, generateHostileTraces } from '../src/mocks/hostileTraces';
import { guardPage, type InertGuard } from './support/inertGuard';
import { openTraceSummary } from './support/tracePage';

/*
 * Script-injection payloads served through the demo's mock AgentOS (database `hostile-traces`,
 * src/mocks/hostileTraces.ts), in every field the viewer shows and in the ids it puts in URLs.
 * Each must reach the screen as exactly the text that was sent, and nothing may run: no dialog,
 * no write to `window.__pwned`, no script, frame, image, handler attribute or script URL in the
 * DOM at any moment.
 *
 * The Content-Security-Policy of the preview would block most of this anyway; it is bypassed
 * here so the test checks the viewer itself (e2e/csp.spec.ts checks the policy).
 */
test.use({ bypassCSP: true });

/*
 * Model text (agent outputs, replies) is rendered as Markdown when the reader has it on: the
 * whole spec runs with it on (the default), and checks the texts Markdown reshapes exactly
 * once it is switched off.
 */
const MARKDOWN_KEY = 'agentos-trace-viewer:markdown';

const DB = 'hostile-traces';
// Only the structure is used (ids, names, where each payload goes): the times differ.
const TRACES = generateHostileTraces(Date.now());

let guard: InertGuard;
/** Requests to any origin but the app's: a rendered image or link must load nothing. */
let foreignRequests: string[];

test.beforeEach(async ({ page, baseURL }) => {
  guard = await guardPage(page, CANARY);
  await page.addInitScript((key) => localStorage.setItem(key, 'on'), MARKDOWN_KEY);
  foreignRequests = [];
  const origin = new URL(baseURL!).origin;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== origin) {
      foreignRequests.push(request.url());
    }
  });
});

test.afterEach(async () => {
  await guard.expectInert();
  expect(foreignRequests, 'requests to other origins').toEqual([]);
});

/** Outputs the panel renders as Markdown (while on): an agent's, a model call's plain reply. */
function isMarkdownOutput(node: TraceNode): boolean {
  return (
    (node.type === 'LLM' || node.type === 'AGENT') &&
    node.output != null &&
    !node.output.startsWith('{"role"')
  );
}

/** Texts over this open folded in the panel (LongText), showing a preview and an ellipsis. */
const FOLDED_ABOVE_CHARS = 20_000;

/** What must be some element's exact text: the text itself, or the folded preview's start. */
function shownAs(text: string): { exact: string } | { prefix: string } {
  return text.length > FOLDED_ABOVE_CHARS ? { prefix: text.slice(0, 1_000) } : { exact: text };
}

/** Strings from `expected` that no element inside `scope` shows as its exact text. */
async function missingTexts(scope: Locator, expected: readonly string[]): Promise<string[]> {
  const wanted = expected.map(shownAs);
  const missing = await scope.evaluate((root, checks) => {
    const texts = Array.from(root.querySelectorAll('*'), (element) => element.textContent ?? '');
    texts.push(root.textContent ?? '');
    const exact = new Set(texts);
    return checks
      .map((check, i) =>
        'exact' in check
          ? exact.has(check.exact)
            ? -1
            : i
          : texts.some((text) => text.startsWith(check.prefix))
            ? -1
            : i,
      )
      .filter((i) => i >= 0);
  }, wanted);
  // Named briefly: a failure must not print 12 KB payloads.
  return missing.map((i) => {
    const text = expected[i]!;
    return text.length > 120
      ? `${JSON.stringify(text.slice(0, 120))}… (${text.length} chars)`
      : JSON.stringify(text);
  });
}

async function expectTexts(scope: Locator, expected: readonly string[], what: string) {
  expect(await missingTexts(scope, expected), `${what}: shown as exact text`).toEqual([]);
}

const panelOf = (page: Page) => page.getByRole('region', { name: 'Span details' });
const waterfallOf = (page: Page) => page.getByRole('treegrid', { name: 'Span waterfall' });

/**
 * A tool span's parameters as the panel shows them. The corpus gives a tool either its payload as
 * plain text, shown as sent, or `{"query": payload, "nested": {"html": payload}}` as compact JSON,
 * shown indented by two spaces: see PARAMETERS_SHOWN for one written out.
 */
function shownParameters(node: TraceNode): string {
  const payload = node.name;
  if (node.metadata?.parameters === payload) return payload;
  expect(node.metadata?.parameters).toBe(
    `{"query":${JSON.stringify(payload)},"nested":{"html":${JSON.stringify(payload)}}}`,
  );
  return [
    '{',
    `  "query": ${JSON.stringify(payload)},`,
    '  "nested": {',
    `    "html": ${JSON.stringify(payload)}`,
    '  }',
    '}',
  ].join('\n');
}

/** The first span of hostile trace 1, a tool: its parameters as sent, and as the panel shows them. */
const PARAMETERS_SENT =
  '{"query":"<script>alert(2)</script>","nested":{"html":"<script>alert(2)</script>"}}';
const PARAMETERS_SHOWN = `{
  "query": "<script>alert(2)</script>",
  "nested": {
    "html": "<script>alert(2)</script>"
  }
}`;

/**
 * Every text the panel's Details tab must show for `node`, exactly: with Markdown on, all but
 * the output it renders as Markdown; tool parameters as text (their "Text" view).
 */
function expectedPanelTexts(node: TraceNode, isMarkdownOn = true): string[] {
  const texts = [node.name, node.type, node.id, node.status];
  if (node.error) texts.push(node.error);
  const metadata = node.metadata ?? {};
  const isTool = node.type === 'TOOL';
  if (node.output != null && !node.output.startsWith('{"role"')) {
    if (!(isMarkdownOn && isMarkdownOutput(node))) texts.push(node.output);
  }
  if (
    node.input != null &&
    !node.input.startsWith('[{') &&
    !(isTool && node.input === metadata.parameters)
  ) {
    texts.push(node.input);
  }
  if (isTool && metadata.parameters !== undefined) texts.push(shownParameters(node));
  if (node.type === 'LLM' && typeof metadata.model === 'string') texts.push(metadata.model);
  if (node.step_type) texts.push(node.step_type);
  if (typeof metadata.session_id === 'string') texts.push(metadata.session_id);
  // Metadata keys named by payloads, with their values ("Other metadata").
  for (const [key, value] of Object.entries(metadata)) {
    if (key === value) texts.push(key);
  }
  for (const key of Object.keys(node.extra_data ?? {})) texts.push(key);
  for (const key of Object.keys(node)) if (key.startsWith('x-')) texts.push(key);
  return texts;
}

async function openList(page: Page) {
  await page.goto(`/traces?db_id=${DB}`);
  await expect(page.getByRole('table', { name: 'Traces' })).toBeVisible();
}

test('the corpus is big and varied enough', () => {
  expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  expect(new Set(HOSTILE_PAYLOADS).size).toBe(HOSTILE_PAYLOADS.length);
  // Every payload is on some span of some trace.
  const carried = new Set(TRACES.flatMap((t) => t.payloads));
  expect(HOSTILE_PAYLOADS.filter((p) => !carried.has(p))).toEqual([]);
});

test('the list shows every hostile name, input and id as text', async ({ page }) => {
  await openList(page);
  const table = page.getByRole('table', { name: 'Traces' });
  const names = TRACES.map((t) => t.detail.name);
  // Wait for the hostile rows, then compare texts exactly.
  await expect(table.getByText('Hostile trace 5', { exact: false })).toBeVisible();
  await expectTexts(table, names, 'trace names');
  await guard.expectInert();

  // The sessions page lists the hostile session ids.
  await page.goto(`/sessions?db_id=${DB}`);
  const sessions = TRACES.map((t) => t.detail.session_id!);
  await expect(page.getByText('session 5', { exact: false }).first()).toBeVisible();
  await expectTexts(page.getByRole('main'), sessions, 'session ids');
});

for (const [t, { detail, payloads }] of TRACES.entries()) {
  test(`hostile trace ${t}: header, every span's panel, raw JSON, charts, ids through URLs`, async ({
    page,
  }) => {
    test.slow();
    const root = detail.tree[0]!;
    const children = root.spans ?? [];

    // From the list, through the router: the trace id goes into the path.
    await openList(page);
    await page
      .getByRole('table', { name: 'Traces' })
      .locator('a.trace-link')
      .filter({ hasText: `Hostile trace ${t}` })
      .click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toBeVisible();
    expect(await heading.textContent()).toBe(detail.name);

    // The header: ids, input, output or error (in its summary, unfolded).
    await openTraceSummary(page);
    const header = page.locator('header').filter({ has: heading });
    await expectTexts(
      header,
      [
        detail.name,
        detail.run_id!,
        detail.session_id!,
        detail.user_id!,
        detail.agent_id!,
        detail.input!,
        (detail.error ?? detail.output)!,
      ],
      'trace header',
    );
    await guard.expectInert();

    // Every span: select it, read its panel.
    const grid = waterfallOf(page);
    await grid
      .getByRole('row')
      .filter({ hasNot: page.getByRole('columnheader') })
      .first()
      .click();
    await grid.press('Enter');
    const panel = panelOf(page);
    await expect(panel).toBeVisible();
    /** Presses `key` in the waterfall and waits until the panel shows `node`. */
    const moveTo = async (key: string, node: TraceNode) => {
      await grid.press(key);
      await expect
        .poll(() => panel.getByRole('heading', { level: 2 }).textContent(), {
          message: `panel shows ${JSON.stringify(node.id)}`,
        })
        .toBe(node.name);
    };
    for (const node of [root, ...children]) {
      await moveTo(node === root ? 'Home' : 'ArrowDown', node);
      // JSON parameters open as a tree: their text is a toggle away.
      const parameters = panel.getByRole('region', { name: 'Parameters' });
      const asText = parameters.getByRole('button', { name: 'Text' });
      if (node.type === 'TOOL' && (await asText.count()) > 0) await asText.click();
      await expectTexts(panel, expectedPanelTexts(node), `span ${JSON.stringify(node.id)}`);
      if (t === 1 && node === children[0]) {
        expect(node.metadata?.parameters).toBe(PARAMETERS_SENT);
        await expectTexts(panel, [PARAMETERS_SHOWN], 'tool parameters, indented');
      }
      // The waterfall row shows the name as text too.
      await expectTexts(grid, [node.name], 'waterfall row');
    }
    // The chat span: roles, names, image URLs and tool calls, all as text.
    const chat = children[children.length - 1]!;
    await expectTexts(panel, [payloads[0]!, 'javascript:window.__pwned=120'], 'chat messages');
    expect(chat.name).toBe('hostile-chat.invoke');
    await guard.expectInert();

    // Markdown off: the outputs it rendered are shown exactly as sent. Then on again.
    await panel.getByRole('button', { name: 'Markdown', pressed: true }).click();
    await moveTo('Home', root);
    for (const node of children) {
      await moveTo('ArrowDown', node);
      if (isMarkdownOutput(node)) {
        await expectTexts(panel, [node.output!], `output of ${JSON.stringify(node.id)}`);
      }
    }
    await panel.getByRole('button', { name: 'Markdown', pressed: false }).click();
    await guard.expectInert();

    // Raw JSON: the span as sent, escaped by JSON, as text.
    await moveTo('Home', root);
    await moveTo('ArrowDown', children[0]!);
    await panel.getByRole('tab', { name: 'Raw JSON' }).click();
    const first = children[0]!;
    const raw = panel.getByRole('region', { name: 'Raw JSON of the span' });
    await expect(raw.getByRole('tree', { name: 'The span as JSON' })).toBeVisible();
    await guard.expectInert();
    await raw.getByRole('button', { name: 'Text' }).click();
    const rawText = await raw.locator('pre').first().textContent();
    // Times aside (this process generated the corpus at another moment), field by field.
    for (const key of ['id', 'name', 'input', 'output', 'error'] as const) {
      if (first[key] != null) {
        expect(rawText).toContain(`${JSON.stringify(key)}: ${JSON.stringify(first[key])}`);
      }
    }
    await panel.getByRole('tab', { name: 'Details' }).click();

    // Span ids through the URL: reload on two hostile ids and land on the same span.
    for (const k of [t % 8, (t + 3) % 8]) {
      const node = children[k]!;
      await moveTo('Home', root);
      for (let step = 0; step <= k; step++) await moveTo('ArrowDown', children[step]!);
      // The URL follows the view a moment later (it is not rewritten on every key press): wait
      // for the span and for the Details tab (no `panel`), since for k = 0 the span is already
      // the one whose Raw JSON was open, and a reload before the write would land on Raw JSON.
      await expect
        .poll(() => {
          const search = new URL(page.url()).searchParams;
          return [search.get('span')?.replace(/^"|"$/g, ''), search.get('panel')];
        })
        .toEqual([node.id.replace(/^"|"$/g, ''), null]);
      await page.reload();
      await expect
        .poll(() => panelOf(page).getByRole('heading', { level: 2 }).textContent(), {
          message: `deep link to span ${JSON.stringify(node.id)}`,
        })
        .toBe(node.name);
      await expectTexts(panelOf(page), [node.id], 'span id after reload');
      await guard.expectInert();
    }

    // Charts: span types named by payloads are table rows, as text.
    await page.getByRole('tab', { name: 'Charts' }).click();
    const charts = page.getByRole('tabpanel', { name: 'Charts' });
    await expect(charts.getByRole('table').first()).toBeVisible();
    await expectTexts(charts, [...new Set(children.map((c) => c.type))], 'span types');
    await guard.expectInert();

    // A hostile id from the header, as a list filter in the URL.
    await page.getByRole('tab', { name: 'Waterfall' }).click();
    const idLink = header
      .locator('a', { has: page.locator('code') })
      .filter({ hasText: detail.session_id! });
    await idLink.click();
    await expect(page.getByRole('table', { name: 'Traces' })).toBeVisible();
    await expectTexts(
      page.getByRole('group', { name: 'Active filters' }),
      [detail.session_id!],
      'filter chip',
    );
    await expect(page.locator('a.trace-link')).toHaveCount(1);
    expect(await page.locator('a.trace-link').textContent()).toBe(detail.name);
  });
}

test('hand-made URLs: encoded ids, and search parameters that try prototype pollution', async ({
  page,
}) => {
  // Six page loads of the demo, each generating its databases in the browser: slow on a busy machine.
  test.slow();
  const { detail } = TRACES[1]!;
  const node = detail.tree[0]!.spans![2]!;
  await page.goto(
    `/traces/${encodeURIComponent(detail.trace_id)}?db_id=${DB}&span=${encodeURIComponent(node.id)}`,
  );
  await expect
    .poll(() => panelOf(page).getByRole('heading', { level: 2 }).textContent(), {
      timeout: 30_000,
    })
    .toBe(node.name);
  await guard.expectInert();

  for (const query of [
    'span=%7B%22__proto__%22%3A%7B%22polluted%22%3A1%7D%7D',
    '__proto__%5Bpolluted%5D=1&constructor%5Bprototype%5D%5Bpolluted%5D=1',
    'span=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
    '__proto__=%7B%22span%22%3A%22x%22%7D&constructor=%7B%7D',
    'span=123&db_id=%5B%22hostile-traces%22%5D',
  ]) {
    await page.goto(`/traces/${encodeURIComponent(detail.trace_id)}?db_id=${DB}&${query}`);
    // The trace, or a page saying what is wrong (an unknown database): never a crash.
    await expect(
      page.getByRole('heading', { level: 1 }).or(page.getByRole('alert')).first(),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
    await guard.expectInert();
  }
});

test('the guard itself notices markup that runs', async ({ page }) => {
  await openList(page);
  // What a viewer that rendered HTML would do with one payload.
  await page.evaluate(() => {
    const div = document.createElement('div');
    // eslint-disable-next-line no-restricted-syntax -- deliberately unsafe: the guard must see it
    div.innerHTML = '<img src=x onerror="window.__pwned=999">';
    document.body.append(div);
  });
  await expect.poll(() => page.evaluate(() => window.__inert?.canary.length)).toBe(1);
  await expect(guard.expectInert()).rejects.toThrow();
  // Clean up, so the check after the test passes.
  await page.evaluate(() => {
    document.querySelector('img[src="x"]')?.parentElement?.remove();
    window.__inert = { canary: [], suspicious: [] };
  });
});

/** Markdown built to reach out or run: images, script links, raw HTML, reference links. */
const HOSTILE_MARKDOWN = [
  '# Report',
  '',
  '**bold** and a [safe link](https://example.com/docs)',
  '',
  '![tracking pixel](https://evil.example/pixel.png) ![local](/favicon.svg)',
  '',
  '[click me](javascript:window.__pwned=901) [data](data:text/html,<script>window.__pwned=902</script>)',
  '',
  '<img src=x onerror="window.__pwned=903"> <script>window.__pwned=904</script>',
  '<a href="javascript:window.__pwned=905">raw link</a>',
  '',
  '![ref image][pixel] [ref link][js]',
  '',
  '[pixel]: https://evil.example/ref.png',
  '[js]: javascript:window.__pwned=906',
  '',
  '<https://evil.example/autolink>',
].join('\n');

test('with Markdown on, hostile model text renders inert and loads nothing', async ({ page }) => {
  const at = '2025-11-19T10:30:00.000000+00:00';
  const end = '2025-11-19T10:30:01.000000+00:00';
  const span = (id: string, type: string, output: string): TraceNode => ({
    id,
    name: `${type.toLowerCase()}-markdown`,
    type,
    duration: '1.00s',
    start_time: at,
    end_time: end,
    status: 'OK',
    input: 'Write the report',
    output,
  });
  const trace = {
    trace_id: 'hostile-markdown',
    name: 'Hostile Markdown',
    status: 'OK',
    duration: '1.00s',
    start_time: at,
    end_time: end,
    total_spans: 3,
    error_count: 0,
    created_at: end,
    tree: [
      {
        ...span('root', 'AGENT', HOSTILE_MARKDOWN),
        name: 'Hostile Markdown',
        spans: [
          span('agent-1', 'AGENT', HOSTILE_MARKDOWN),
          span('llm-1', 'LLM', JSON.stringify({ role: 'assistant', content: HOSTILE_MARKDOWN })),
        ],
      },
    ],
  };
  await page.goto('/file');
  await page
    .getByRole('banner')
    .filter({ hasText: 'AgentOS Traces' })
    .getByLabel('Open trace file')
    .setInputFiles({
      name: 'hostile-markdown.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(trace)),
    });
  const grid = waterfallOf(page);
  const panel = panelOf(page);
  for (const name of ['agent-markdown', 'llm-markdown']) {
    await grid.getByRole('row').filter({ hasText: name }).click();
    await expect(panel.getByRole('heading', { level: 2, name })).toBeVisible();
    const output = panel.getByRole('region', { name: 'Output' });
    // Rendered as Markdown: the heading and the bold text are elements.
    await expect(output.getByRole('heading', { name: 'Report' })).toBeVisible();
    await expect(output.locator('strong')).toHaveText('bold');
    // Images are text, never elements; the raw HTML is text too.
    await expect(output).toContainText('[image: tracking pixel — https://evil.example/pixel.png]');
    await expect(output).toContainText('[image: ref image — https://evil.example/ref.png]');
    await expect(output).toContainText('<img src=x onerror="window.__pwned=903">');
    await expect(output.locator('img, script, iframe')).toHaveCount(0);
    // Only the http(s) links are links, each with its target shown and opening elsewhere.
    const links = output.getByRole('link');
    await expect(links).toHaveText(['safe link', 'https://evil.example/autolink']);
    for (const link of await links.all()) {
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      await expect(link).toHaveAttribute('target', '_blank');
    }
    await expect(output).toContainText('safe link (https://example.com/docs)');
    await expect(output.locator('[href^="javascript"], [href^="data"]')).toHaveCount(0);
    await expect(output).toContainText('click me');
    await guard.expectInert();
  }
  expect(await page.locator('img').count()).toBe(0);
});
