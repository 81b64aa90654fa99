import { describe, expect, it } from 'vitest';
import type { TraceDetail, TraceNode } from '../../../api/schemas';
import { timedSpan as span, at } from '../../../test/testTraces';
import { buildTraceModel } from '../../../domain/trace/traceModel';
import { code, cutText, MAX_INDENT_LEVEL, traceToMarkdown } from './traceMarkdown';

function sampleTrace(): TraceDetail {
  const tree: TraceNode[] = [
    span(0, 3_200_000, {
      id: 'root',
      name: 'Stock_Agent.run',
      type: 'AGENT',
      status: 'ERROR',
      metadata: { total_input_tokens: 1500, total_output_tokens: 130 },
      spans: [
        span(0, 1_530_000, {
          name: 'gpt-4o-mini.invoke',
          type: 'LLM',
          input: 'x'.repeat(500),
          output: 'Calling the price tool.',
          metadata: { model: 'gpt-4o-mini', input_tokens: 1202, output_tokens: 123 },
        }),
        span(1_530_000, 1_542_000, {
          id: 'tool',
          name: 'get_price',
          type: 'TOOL',
          status: 'ERROR',
          input: '{"symbol": "TSLA"}',
          error:
            'Traceback (most recent call last):\n  File "tools.py", line 3\nTimeoutError: `fetch` timed out',
          metadata: { tool_name: 'stock_tools.get_price', parameters: '{"symbol": "TSLA"}' },
        }),
      ],
    }),
  ];
  return {
    trace_id: 'trace-1',
    name: 'Stock_Agent.run',
    status: 'ERROR',
    duration: '3.20s',
    start_time: at(0),
    end_time: at(3_200_000),
    created_at: at(3_200_000),
    total_spans: 3,
    error_count: 2,
    agent_id: 'stock_agent',
    run_id: 'run-9',
    input: 'What is TSLA at?',
    error: 'TimeoutError: `fetch` timed out',
    tree,
  };
}

function markdown(options: Parameters<typeof traceToMarkdown>[2], trace = sampleTrace()) {
  return traceToMarkdown(trace, buildTraceModel(trace), options);
}

describe('traceToMarkdown', () => {
  it('writes a summary and one line per span, errors in full, texts cut', () => {
    expect(markdown({ textLimit: 200 })).toBe(
      [
        '# Trace `Stock_Agent.run` (ERROR)',
        '',
        '- Trace id: `trace-1`',
        '- Start: `2025-11-19T10:30:00.000000Z` · Duration: 3.20s · Spans: 3 · Errors: 2',
        '- Tokens: 1,500 in · 130 out',
        '- Agent: `stock_agent` · Run: `run-9`',
        '- Input: `What is TSLA at?`',
        '- Error: ``TimeoutError: `fetch` timed out``',
        '',
        '## Spans',
        '',
        '- AGENT `Stock_Agent.run` · 3.20s · **ERROR**',
        '  - LLM `gpt-4o-mini.invoke` · 1.53s · `gpt-4o-mini` · 1,202 → 123 tokens',
        `    - input (first 200 of 500 characters): \`${'x'.repeat(200)}\``,
        '    - output: `Calling the price tool.`',
        '  - TOOL `get_price` · 12ms · tool `stock_tools.get_price` · **ERROR**',
        '    - error:',
        '      ```',
        '      Traceback (most recent call last):',
        '        File "tools.py", line 3',
        '      TimeoutError: `fetch` timed out',
        '      ```',
        '    - input: `{"symbol": "TSLA"}`',
        '',
      ].join('\n'),
    );
  });

  it('counts tokens sent as numeric strings as the header and the comparison do', () => {
    const trace = sampleTrace();
    const [llm] = trace.tree[0]!.spans!;
    trace.tree[0]!.metadata = {};
    llm!.metadata = { model: 'gpt-4o-mini', input_tokens: '912', output_tokens: '64' };
    const lines = markdown({ textLimit: 0 }, trace).split('\n');
    // Summed over the spans, the root recording no totals: the model's `tokenTotals`.
    expect(lines).toContain('- Tokens: 912 in · 64 out');
    expect(lines).toContain(
      '  - LLM `gpt-4o-mini.invoke` · 1.53s · `gpt-4o-mini` · 912 → 64 tokens',
    );
  });

  it('calls a trace whose root span is OK but with a failing span failed, and says so', () => {
    const trace = sampleTrace();
    trace.status = 'OK';
    trace.tree[0]!.status = 'OK';
    const text = traceToMarkdown(trace, buildTraceModel(trace), { textLimit: 0 });
    expect(text.split('\n')[0]).toBe(
      '# Trace `Stock_Agent.run` (ERROR; root span OK · 1 failing span)',
    );
  });

  it('leaves inputs and outputs out, or keeps them whole, as asked', () => {
    const without = markdown({ textLimit: 0 });
    expect(without).not.toContain('input');
    expect(without).not.toContain('output');
    expect(without).toContain('- error:'); // errors are always there, in full
    const whole = markdown({ textLimit: null });
    expect(whole).toContain(`- input: \`${'x'.repeat(500)}\``);
  });

  it('exports the subtree of one span, indented from it', () => {
    const trace = sampleTrace();
    const tree = buildTraceModel(trace);
    const text = traceToMarkdown(trace, tree, {
      textLimit: 0,
      rootIndex: tree.indexById.get('tool')!,
    });
    expect(text.split('\n').slice(0, 7)).toEqual([
      '# Span `get_price` (ERROR) in trace `Stock_Agent.run`',
      '',
      '- Trace id: `trace-1` · Span id: `tool`',
      '- Start: `2025-11-19T10:30:01.530000Z` · Duration: 12ms · Spans: 1 · Errors: 1',
      '',
      '## Spans',
      '',
    ]);
    expect(text).toContain('\n- TOOL `get_price` · 12ms');
    expect(text).not.toContain('gpt-4o-mini');
  });

  it('puts multi-line texts in a fence longer than any backtick run in them', () => {
    const trace = sampleTrace();
    trace.tree[0]!.spans![0]!.output = 'line one\n```js\ncode\n```';
    expect(markdown({ textLimit: null }, trace)).toContain(
      [
        '    - output:',
        '      ````',
        '      line one',
        '      ```js',
        '      code',
        '      ```',
        '      ````',
      ].join('\n'),
    );
  });

  it('caps the indentation of very deep spans and says their level', () => {
    let node = span(0, 1, { name: 'deepest' });
    for (let level = 0; level < 9_999; level++)
      node = span(0, 1, { name: `n${level}`, spans: [node] });
    const trace = { ...sampleTrace(), tree: [node] };
    const text = markdown({ textLimit: 0 }, trace);
    const last = text.trimEnd().split('\n').at(-1)!;
    expect(last).toBe(`${'  '.repeat(MAX_INDENT_LEVEL)}- TOOL \`deepest\` · 1µs · level 10,000`);
  });
});

describe('traceToMarkdown durations', () => {
  it('takes them from the times, never from the server text', () => {
    const trace = sampleTrace();
    trace.duration = '3199.995747795105ms';
    trace.tree[0]!.duration = '3199.995747795105ms';
    trace.tree[0]!.spans![1]!.duration = '12.000123ms';
    const text = markdown({ textLimit: 0 }, trace);
    expect(text).toContain('Duration: 3.20s ·');
    expect(text).toContain('- AGENT `Stock_Agent.run` · 3.20s ·');
    expect(text).toContain('- TOOL `get_price` · 12ms ·');
    expect(text).not.toContain('3199');
  });

  it('writes "–" for a span that ends before it starts, or whose time is not a date', () => {
    const trace = sampleTrace();
    trace.tree[0]!.spans![0]!.end_time = at(-1_000);
    trace.tree[0]!.spans![1]!.start_time = 'not a date';
    const text = markdown({ textLimit: 0 }, trace);
    expect(text).toContain('- LLM `gpt-4o-mini.invoke` · – ·');
    expect(text).toContain('- TOOL `get_price` · – ·');
  });
});

describe('code', () => {
  it('wraps text in a code span that its own backticks cannot close', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('a `b` c')).toBe('``a `b` c``');
    expect(code('`edge`')).toBe('`` `edge` ``');
    expect(code('two\nlines')).toBe('`two lines`');
    expect(code('')).toBe('(empty)');
  });
});

describe('cutText', () => {
  it('does not split a surrogate pair', () => {
    expect(cutText('ab😀cd', 3)).toBe('ab');
    expect(cutText('ab😀cd', 4)).toBe('ab😀');
    expect(cutText('short', 200)).toBe('short');
    expect(cutText('short', null)).toBe('short');
  });
});

describe('traceToMarkdown preview', () => {
  it('stops after `spanLimit` spans and says how many are left', () => {
    const trace = sampleTrace();
    const text = traceToMarkdown(trace, buildTraceModel(trace), { textLimit: 0, spanLimit: 1 });
    expect(text.trimEnd().split('\n').slice(-2)).toEqual([
      '- AGENT `Stock_Agent.run` · 3.20s · **ERROR**',
      '- … 2 more spans',
    ]);
  });
});
