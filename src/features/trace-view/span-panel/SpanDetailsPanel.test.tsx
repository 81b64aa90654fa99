import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TraceNode } from '../../../api/schemas';
import type { TraceModel } from '../../../domain/trace/traceModel';
import { testModel } from '../../../test/testModel';
import { makeSpan } from '../../../test/testSpans';
import { SpanDetailsPanel } from './SpanDetailsPanel';

// Trimmed from /work/shared/examples/trace-agent.json.
const agentRoot: TraceNode = {
  id: 'a1f0c3d2e4b50617',
  name: 'Stock_Price_Agent.run',
  type: 'AGENT',
  duration: '3.42s',
  start_time: '2025-11-19T10:30:00.104233+00:00',
  end_time: '2025-11-19T10:30:03.524871+00:00',
  status: 'OK',
  metadata: { total_input_tokens: 2114, total_output_tokens: 187 },
  spans: [
    {
      id: 'b2e1d4c3f5a60728',
      name: 'gpt-4o-mini.invoke',
      type: 'LLM',
      duration: '1.18s',
      start_time: '2025-11-19T10:30:00.131902+00:00',
      end_time: '2025-11-19T10:30:01.311450+00:00',
      status: 'OK',
      input:
        '[{"role": "system", "content": "You are a stock analyst."}, {"role": "user", "content": "What is Tesla\'s stock price and how did it move this week?"}]',
      output:
        '{"role": "assistant", "tool_calls": [{"id": "call_1", "function": {"name": "get_current_stock_price", "arguments": "{\\"symbol\\": \\"TSLA\\"}"}}]}',
      metadata: {
        model: 'gpt-4o-mini',
        input_tokens: 912,
        output_tokens: 64,
        session_id: '37029bc6-1794-4ba8-a629-1efedc53dcad',
        user_id: 'ana@example.com',
      },
    },
    {
      id: 'c3f2e5d4a6b70839',
      name: 'get_current_stock_price',
      type: 'TOOL',
      duration: '412ms',
      start_time: '2025-11-19T10:30:01.318004+00:00',
      end_time: '2025-11-19T10:30:01.730377+00:00',
      status: 'OK',
      input: '{"symbol": "TSLA"}',
      output: '245.67',
      metadata: { tool_name: 'get_current_stock_price', parameters: '{"symbol": "TSLA"}' },
    },
  ],
};

// Trimmed from /work/shared/examples/trace-workflow-error.json.
const workflowRoot: TraceNode = {
  id: '1a2b3c4d5e6f7081',
  name: 'Content_Pipeline.run',
  type: 'WORKFLOW',
  duration: '8.07s',
  start_time: '2025-11-19T11:02:14.000512+00:00',
  end_time: '2025-11-19T11:02:22.071907+00:00',
  status: 'ERROR',
  metadata: {
    total_input_tokens: 3021,
    total_output_tokens: 944,
    description: 'Research, summarize, fact-check, write',
    steps_count: 3,
    steps: ['research', 'summarize', 'fact_check'],
    step_types: ['Agent', 'Agent', 'Condition'],
  },
  spans: [
    {
      id: '2b3c4d5e6f708192',
      name: 'Researcher.run',
      type: 'AGENT',
      step_type: 'Agent',
      duration: '4.21s',
      start_time: '2025-11-19T11:02:14.010021+00:00',
      end_time: '2025-11-19T11:02:18.220443+00:00',
      status: 'OK',
      input: 'Write a short brief on solid-state batteries',
      output: 'Solid-state batteries replace the liquid electrolyte with a solid one ...',
      metadata: { run_id: 'r-research-01' },
    },
    {
      id: '6f708192a3b4c5d6',
      name: 'fact_check',
      type: 'TOOL',
      step_type: 'Condition',
      duration: '1.33s',
      start_time: '2025-11-19T11:02:20.740000+00:00',
      end_time: '2025-11-19T11:02:22.069000+00:00',
      status: 'ERROR',
      input: '{"claims": 3}',
      error: 'FactCheckError: source https://example.org/ss-batteries returned 503',
      metadata: { tool_name: 'fact_check', parameters: '{"claims": 3}' },
    },
  ],
};

function renderPanel(
  tree: TraceModel,
  index: number,
  extra: { selfTimeUs?: number; onClose?: () => void } = {},
) {
  const onClose = extra.onClose ?? vi.fn();
  const user = userEvent.setup();
  render(
    <SpanDetailsPanel tree={tree} index={index} selfTimeUs={extra.selfTimeUs} onClose={onClose} />,
  );
  return { user, onClose, panel: screen.getByRole('region', { name: 'Span details' }) };
}

function renderSpan(node: TraceNode) {
  return renderPanel(testModel([node]), 0);
}

/** The value (`definition`) next to the `term` with this text. */
function fact(scope: HTMLElement, label: string): HTMLElement {
  const term = within(scope)
    .getAllByRole('term')
    .find((element) => element.textContent === label);
  if (!term) throw new Error(`No fact "${label}"`);
  const value = within(scope)
    .getAllByRole('definition')
    .find((element) => element === term.nextElementSibling);
  if (!value) throw new Error(`No value for "${label}"`);
  return value;
}

describe('SpanDetailsPanel', () => {
  it('shows the common facts, with ids that can be copied', async () => {
    const { panel, user } = renderPanel(testModel([agentRoot]), 1, { selfTimeUs: 1_000_000 });
    expect(within(panel).getByRole('heading', { name: 'gpt-4o-mini.invoke' })).toBeVisible();
    expect(fact(panel, 'Duration')).toHaveTextContent('1.18s');
    expect(fact(panel, 'Duration')).not.toHaveAttribute('title'); // no server text: from the times
    expect(fact(panel, 'Self time')).toHaveTextContent('1.00s (85%)');
    expect(fact(panel, 'Offset')).toHaveTextContent('+28ms');
    expect(fact(panel, 'Start')).toHaveTextContent(/\.131902/);
    expect(fact(panel, 'End')).toHaveTextContent(/\.311450/);
    expect(fact(panel, 'Span id')).toHaveTextContent('b2e1d4c3f5a60728');
    // The parent by name, its id a copy away.
    expect(fact(panel, 'Parent span')).toHaveTextContent('Stock_Price_Agent.run');
    expect(fact(panel, 'Session id')).toHaveTextContent('37029bc6-1794-4ba8-a629-1efedc53dcad');
    expect(fact(panel, 'User id')).toHaveTextContent('ana@example.com');

    await user.click(within(panel).getByRole('button', { name: 'Copy span id' }));
    expect(await navigator.clipboard.readText()).toBe('b2e1d4c3f5a60728');
    await user.click(within(panel).getByRole('button', { name: 'Copy parent span id' }));
    expect(await navigator.clipboard.readText()).toBe('a1f0c3d2e4b50617');
    await user.click(within(panel).getByRole('button', { name: 'Copy input' }));
    expect(await navigator.clipboard.readText()).toBe(agentRoot.spans![0]!.input);
    expect(within(panel).getByRole('button', { name: 'Copy output' })).toBeVisible();
  });

  it('shows an LLM call: model, tokens, and the prompt and reply as chat messages', async () => {
    const { panel, user } = renderPanel(testModel([agentRoot]), 1);
    const call = within(panel).getByRole('region', { name: 'LLM call' });
    expect(fact(call, 'Model')).toHaveTextContent('gpt-4o-mini');
    expect(fact(call, 'Tokens')).toHaveTextContent('912 in · 64 out · 976 total');

    const input = within(panel).getByRole('list', { name: 'Input messages' });
    const messages = within(input).getAllByRole('listitem');
    expect(messages).toHaveLength(2);
    expect(messages[0]).toHaveTextContent('system');
    expect(messages[0]).toHaveTextContent('You are a stock analyst.');
    expect(messages[1]).toHaveTextContent('user');
    expect(messages[1]).toHaveTextContent("What is Tesla's stock price");

    const output = within(panel).getByRole('list', { name: 'Output messages' });
    expect(within(output).getByText('assistant')).toBeVisible();
    const calls = within(output).getByRole('list', { name: 'Tool calls' });
    expect(within(calls).getByText('get_current_stock_price')).toBeVisible();
    expect(within(calls).getByText('call_1')).toBeVisible();
    expect(within(calls).getByText('{ "symbol": "TSLA" }', { normalizer: squash })).toBeVisible();

    // The raw text stays one click away.
    const inputRegion = within(panel).getByRole('region', { name: 'Input' });
    await user.click(within(inputRegion).getByRole('button', { name: 'Raw text' }));
    expect(within(panel).queryByRole('list', { name: 'Input messages' })).toBeNull();
    expect(within(inputRegion).getByText(/^\[\{"role": "system"/)).toBeVisible();
  });

  it('shows an LLM input that is not chat messages as text', () => {
    const { panel } = renderSpan(
      makeSpan({ type: 'LLM', input: 'Summarize: [1, 2, 3]', metadata: { model: 'm' } }),
    );
    expect(within(panel).queryByRole('list', { name: 'Input messages' })).toBeNull();
    const input = within(panel).getByRole('region', { name: 'Input' });
    expect(within(input).getByText('Summarize: [1, 2, 3]')).toBeVisible();
  });

  it('shows a tool call: the tool, parameters as a JSON tree or as text, and the result', async () => {
    const { panel, user } = renderPanel(testModel([agentRoot]), 2);
    expect(
      fact(within(panel).getByRole('region', { name: 'Tool call' }), 'Tool'),
    ).toHaveTextContent('get_current_stock_price');
    const parameters = within(panel).getByRole('region', { name: 'Parameters' });
    expect(
      await within(parameters).findByRole('tree', { name: 'Parameters as JSON' }),
    ).toHaveTextContent('{symbol:"TSLA"}');
    await user.click(within(parameters).getByRole('button', { name: 'Text' }));
    expect(parameters.querySelector('pre')?.textContent).toBe('{\n  "symbol": "TSLA"\n}');
    expect(within(parameters).getByRole('button', { name: 'Copy parameters' })).toBeVisible();
    // The input only repeats the parameters here, so it is not shown twice.
    expect(within(panel).queryByRole('region', { name: 'Input' })).toBeNull();
    const result = within(panel).getByRole('region', { name: 'Result' });
    expect(within(result).getByText('245.67')).toBeVisible();
  });

  it('shows tool parameters that are not JSON as sent, and parsed ones formatted', () => {
    const { panel } = renderSpan(
      makeSpan({ type: 'TOOL', metadata: { tool_name: 'grep', parameters: 'pattern=foo  bar' } }),
    );
    const parameters = within(panel).getByRole('region', { name: 'Parameters' });
    expect(parameters.querySelector('pre')?.textContent).toBe('pattern=foo  bar');
    expect(within(parameters).getByText('not JSON, shown as sent')).toBeVisible();
  });

  it('formats tool parameters that arrive as an object', async () => {
    const { panel, user } = renderSpan(
      makeSpan({ type: 'TOOL', metadata: { tool_name: 'f', parameters: { claims: 3 } } }),
    );
    const parameters = within(panel).getByRole('region', { name: 'Parameters' });
    await user.click(within(parameters).getByRole('button', { name: 'Text' }));
    expect(parameters.querySelector('pre')?.textContent).toBe('{\n  "claims": 3\n}');
  });

  it('shows the error of an ERROR span first, and its step type', () => {
    const { panel } = renderPanel(testModel([workflowRoot]), 2);
    const error = within(panel).getByRole('note', { name: 'Span error' });
    expect(error).toHaveTextContent(
      'FactCheckError: source https://example.org/ss-batteries returned 503',
    );
    expect(within(panel).getByRole('heading', { name: 'fact_check' })).toBeVisible();
    expect(fact(panel, 'Step type')).toHaveTextContent('Condition');
  });

  it('shows a workflow root: description, steps and step types', () => {
    const { panel } = renderPanel(testModel([workflowRoot]), 0);
    const workflow = within(panel).getByRole('region', { name: 'Workflow' });
    expect(fact(workflow, 'Description')).toHaveTextContent(
      'Research, summarize, fact-check, write',
    );
    expect(fact(workflow, 'Steps')).toHaveTextContent('3');
    const rows = within(
      within(workflow).getByRole('table', { name: 'Workflow steps' }),
    ).getAllByRole('row');
    expect(rows.slice(1).map((row) => row.textContent)).toEqual([
      '1researchAgent',
      '2summarizeAgent',
      '3fact_checkCondition',
    ]);
    expect(fact(panel, 'Trace input tokens')).toHaveTextContent('3,021');
    // The root's error is the trace's, shown elsewhere.
    expect(within(panel).getByRole('note', { name: 'Span error' })).toHaveTextContent(
      'trace header',
    );
    // Workflow keys are not repeated in the key–value list.
    expect(within(panel).queryByRole('region', { name: 'Other metadata' })).toBeNull();
  });

  it('treats a span loaded on its own as a span, not as the trace root', () => {
    const tree = testModel([makeSpan({ type: 'AGENT', status: 'ERROR' })]);
    render(
      <SpanDetailsPanel tree={tree} index={0} isTraceRoot={false} onClose={() => undefined} />,
    );
    const panel = screen.getByRole('region', { name: 'Span details' });
    expect(fact(panel, 'Parent span')).toHaveTextContent('not loaded');
    expect(within(panel).getByRole('note', { name: 'Span error' })).toHaveTextContent(
      'but no error message',
    );
    expect(within(panel).getByText('No input or output was recorded for this span.')).toBeVisible();
  });

  it('shows the run id of an agent span with a copy button', () => {
    const { panel } = renderPanel(testModel([workflowRoot]), 1);
    expect(fact(panel, 'Run id')).toHaveTextContent('r-research-01');
    expect(within(panel).getByRole('button', { name: 'Copy run id' })).toBeVisible();
    expect(within(panel).getByRole('region', { name: 'Input' })).toHaveTextContent(
      'Write a short brief on solid-state batteries',
    );
  });

  it('lists every other metadata, extra_data and unknown field in key–value lists', async () => {
    const { panel } = renderSpan(
      makeSpan({
        type: 'LLM',
        metadata: { model: 'gpt', custom_flag: 'beta', limits: { retries: 2 } },
        extra_data: { region: 'eu-west-1' },
        events: [{ name: 'retry' }],
      }),
    );
    const other = within(panel).getByRole('region', { name: 'Other metadata' });
    expect(fact(other, 'custom_flag')).toHaveTextContent('beta');
    expect(await within(fact(other, 'limits')).findByRole('tree')).toHaveTextContent('{retries:2}');
    expect(within(other).queryByText('model')).toBeNull();
    const extra = within(panel).getByRole('region', { name: 'Extra data' });
    expect(fact(extra, 'region')).toHaveTextContent('eu-west-1');
    const fields = within(panel).getByRole('region', { name: 'Other fields' });
    expect(await within(fact(fields, 'events')).findByRole('tree')).toHaveTextContent(
      '[{name:"retry"}]',
    );
  });

  it('opens a 5 MB output collapsed with its size and expands it on demand', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const { panel, user } = renderSpan(makeSpan({ type: 'AGENT', output: big }));
    const output = within(panel).getByRole('region', { name: 'Output' });
    const pre = () => output.querySelector('pre')!;
    expect(pre().textContent.length).toBeLessThan(2100);
    expect(within(output).getByText(/5,242,880 characters \(5\.0 MB\)/)).toBeVisible();

    await user.click(within(output).getByRole('button', { name: 'Show all (5.0 MB)' }));
    expect(pre().textContent).toHaveLength(big.length);
    await user.click(within(output).getByRole('button', { name: 'Collapse' }));
    expect(pre().textContent.length).toBeLessThan(2100);
  });

  it('shows markup from a span as text and never creates elements from it', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    const script = '<script>alert(1)</script>';
    const { panel, user } = renderSpan(
      makeSpan({
        type: 'LLM',
        name: markup,
        input: JSON.stringify([{ role: 'user', content: script }]),
        output: markup,
        metadata: { model: script, note: markup },
      }),
    );
    expect(within(panel).getByRole('heading', { name: markup })).toBeVisible();
    expect(within(panel).getByText(script, { selector: 'pre' })).toBeVisible();
    expect(within(panel).getByRole('region', { name: 'Output' })).toHaveTextContent(markup);
    expect(document.querySelector('img, script')).toBeNull();

    await user.click(within(panel).getByRole('tab', { name: 'Raw JSON' }));
    expect(within(panel).getByRole('tabpanel')).toHaveTextContent(markup);
    expect(document.querySelector('img, script')).toBeNull();
  });

  it('shows the node as sent in a Raw JSON tab, without its children', async () => {
    const { panel, user } = renderPanel(testModel([agentRoot]), 0);
    const details = within(panel).getByRole('tab', { name: 'Details' });
    const raw = within(panel).getByRole('tab', { name: 'Raw JSON' });
    expect(details).toHaveAttribute('aria-selected', 'true');

    await user.click(raw);
    expect(raw).toHaveAttribute('aria-selected', 'true');
    const tabpanel = within(panel).getByRole('tabpanel', { name: 'Raw JSON' });
    expect(await within(tabpanel).findByRole('tree', { name: 'The span as JSON' })).toBeVisible();
    await user.click(within(tabpanel).getByRole('button', { name: 'Text' }));
    const text = tabpanel.querySelector('pre')!.textContent;
    expect(text).toContain('"id": "a1f0c3d2e4b50617"');
    expect(text).toContain('"total_input_tokens": 2114');
    expect(text).toContain('"spans": "[2 child spans not shown]"');
    expect(text).not.toContain('b2e1d4c3f5a60728');

    // Arrow keys move between the tabs.
    raw.focus();
    await user.keyboard('{ArrowLeft}');
    expect(details).toHaveFocus();
    expect(details).toHaveAttribute('aria-selected', 'true');
  });

  it('closes with its button and with Esc from inside the panel', async () => {
    const onClose = vi.fn();
    const { panel, user } = renderPanel(testModel([agentRoot]), 1, { onClose });
    await user.click(within(panel).getByRole('button', { name: 'Close span details' }));
    expect(onClose).toHaveBeenCalledTimes(1);

    const outer = vi.fn();
    document.addEventListener('keydown', outer);
    within(panel).getByRole('tab', { name: 'Details' }).focus();
    await user.keyboard('{Escape}');
    document.removeEventListener('keydown', outer);
    expect(onClose).toHaveBeenCalledTimes(2);
    // Handled here, so a page-level Esc handler does not close a second time.
    expect(outer).not.toHaveBeenCalled();
  });
});

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe('SpanDetailsPanel content', () => {
  it('puts the content before the timing facts and links the parent by name', async () => {
    const onSelectSpan = vi.fn();
    render(
      <SpanDetailsPanel
        tree={testModel([agentRoot])}
        index={1}
        onClose={() => {}}
        onSelectSpan={onSelectSpan}
      />,
    );
    const panel = screen.getByRole('region', { name: 'Span details' });
    const input = within(panel).getByRole('region', { name: 'Input' });
    const timing = within(panel).getByRole('region', { name: 'Timing and ids' });
    // The prompt comes first in the document; the facts follow the content.
    expect(input.compareDocumentPosition(timing) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await userEvent.click(within(timing).getByRole('button', { name: 'Stock_Price_Agent.run' }));
    expect(onSelectSpan).toHaveBeenCalledWith(0);
  });

  it('renders an agent output as Markdown, and as text once switched off (remembered)', async () => {
    localStorage.removeItem('agentos-trace-viewer:markdown');
    const output = '# Brief\n\n- first point\n- second point\n\n[docs](https://docs.agno.com)';
    const { panel, user } = renderSpan(makeSpan({ type: 'AGENT', output }));
    const region = within(panel).getByRole('region', { name: 'Output' });
    expect(await within(region).findByRole('heading', { name: 'Brief' })).toBeVisible();
    expect(
      within(region)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['first point', 'second point']);
    const link = within(region).getByRole('link', { name: 'docs' });
    expect(link).toHaveAttribute('href', 'https://docs.agno.com');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(region).toHaveTextContent('docs (https://docs.agno.com)');

    await user.click(within(panel).getByRole('button', { name: 'Markdown', pressed: true }));
    expect(within(region).queryByRole('heading', { name: 'Brief' })).toBeNull();
    expect(region.querySelector('pre')?.textContent).toBe(output);
    expect(localStorage.getItem('agentos-trace-viewer:markdown')).toBe('off');
    await user.click(within(panel).getByRole('button', { name: 'Markdown', pressed: false }));
    expect(localStorage.getItem('agentos-trace-viewer:markdown')).toBe('on');
  });

  it('never loads an image or keeps a script link from Markdown', async () => {
    const output = '![chart](https://evil.example/x.png) [click](javascript:alert(1)) <b>bold</b>';
    const { panel } = renderSpan(makeSpan({ type: 'AGENT', output }));
    const region = within(panel).getByRole('region', { name: 'Output' });
    await within(region).findByText('click');
    expect(
      await within(region).findByText('[image: chart — https://evil.example/x.png]'),
    ).toBeVisible();
    expect(within(region).queryByRole('link')).toBeNull();
    expect(region).toHaveTextContent('click');
    expect(region).toHaveTextContent('<b>bold</b>');
    expect(document.querySelector('img, script, a[href^="javascript"]')).toBeNull();
  });

  it('folds a system prompt of more than 8 lines until asked', async () => {
    const prompt = Array.from({ length: 30 }, (_, i) => `Rule ${i + 1}.`).join('\n');
    const { panel, user } = renderSpan(
      makeSpan({
        type: 'LLM',
        input: JSON.stringify([
          { role: 'system', content: prompt },
          { role: 'user', content: 'Hello' },
        ]),
      }),
    );
    const input = within(panel).getByRole('list', { name: 'Input messages' });
    expect(
      within(input).getByText('Rule 1.\nRule 2.\nRule 3.', { normalizer: (t) => t }),
    ).toBeVisible();
    expect(within(input).queryByText(/Rule 30\./)).toBeNull();
    expect(within(input).getByText('Hello')).toBeVisible();
    await user.click(within(input).getByRole('button', { name: 'Show full system prompt' }));
    expect(within(input).getByText(/Rule 30\./)).toBeVisible();
  });
});
