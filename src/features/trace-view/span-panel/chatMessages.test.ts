import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldEarlierTurns,
  formatChatMetrics,
  groupHistoryRuns,
  parseChatMessages,
  systemPromptText,
  type ChatMessage,
} from './chatMessages';

describe('parseChatMessages', () => {
  it('reads an OpenAI-style list of messages', () => {
    const text = JSON.stringify([
      { role: 'system', content: 'You are a stock analyst.' },
      { role: 'user', content: "What is Tesla's stock price?" },
      { role: 'tool', tool_call_id: 'call_1', name: 'get_price', content: '245.67' },
    ]);
    expect(parseChatMessages(text)).toEqual([
      {
        role: 'system',
        parts: [{ kind: 'text', text: 'You are a stock analyst.' }],
        toolCalls: [],
      },
      {
        role: 'user',
        parts: [{ kind: 'text', text: "What is Tesla's stock price?" }],
        toolCalls: [],
      },
      {
        role: 'tool',
        name: 'get_price',
        toolCallId: 'call_1',
        parts: [{ kind: 'text', text: '245.67' }],
        toolCalls: [],
      },
    ]);
  });

  it('reads a single assistant message with tool calls (the LLM output of trace-agent.json)', () => {
    const text =
      '{"role": "assistant", "tool_calls": [{"id": "call_1", "function": {"name": "get_current_stock_price", "arguments": "{\\"symbol\\": \\"TSLA\\"}"}}, {"id": "call_2", "type": "function", "function": {"name": "search", "arguments": "not json"}}]}';
    expect(parseChatMessages(text)).toEqual([
      {
        role: 'assistant',
        parts: [],
        toolCalls: [
          {
            id: 'call_1',
            name: 'get_current_stock_price',
            arguments: '{\n  "symbol": "TSLA"\n}',
          },
          { id: 'call_2', name: 'search', arguments: 'not json' },
        ],
      },
    ]);
  });

  it('reads content that is null or a list of parts', () => {
    const text = JSON.stringify([
      { role: 'assistant', content: null, function_call: { name: 'f', arguments: '{}' } },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe this' },
          { type: 'image_url', image_url: { url: 'https://example.org/a.png' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
          { type: 'input_audio', input_audio: { format: 'wav' } },
        ],
      },
    ]);
    const messages = parseChatMessages(text)!;
    expect(messages[0]).toEqual({
      role: 'assistant',
      parts: [],
      toolCalls: [{ name: 'f', arguments: '{}' }],
    });
    expect(messages[1]!.parts).toEqual([
      { kind: 'text', text: 'Describe this' },
      { kind: 'image', source: 'https://example.org/a.png' },
      { kind: 'image', source: 'data:image/png;base64 (26 characters)' },
      {
        kind: 'other',
        type: 'input_audio',
        json: '{\n  "type": "input_audio",\n  "input_audio": {\n    "format": "wav"\n  }\n}',
      },
    ]);
  });

  it('reads Anthropic content blocks', () => {
    const text = JSON.stringify([
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 'Need the price.' },
          { type: 'text', text: 'Let me check.' },
          { type: 'tool_use', id: 'toolu_1', name: 'get_price', input: { symbol: 'TSLA' } },
        ],
      },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: 'toolu_1',
            content: [{ type: 'text', text: '245.67' }],
            is_error: false,
          },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: 'boom', is_error: true },
        ],
      },
    ]);
    expect(parseChatMessages(text)).toEqual([
      {
        role: 'assistant',
        parts: [
          { kind: 'text', text: 'Need the price.', label: 'Thinking' },
          { kind: 'text', text: 'Let me check.' },
        ],
        toolCalls: [{ id: 'toolu_1', name: 'get_price', arguments: '{\n  "symbol": "TSLA"\n}' }],
      },
      {
        role: 'user',
        parts: [
          { kind: 'tool_result', toolCallId: 'toolu_1', text: '245.67', isError: false },
          { kind: 'tool_result', toolCallId: 'toolu_2', text: 'boom', isError: true },
        ],
        toolCalls: [],
      },
    ]);
  });

  it('reads Gemini parts', () => {
    const text = JSON.stringify([
      { role: 'model', parts: [{ text: 'Hi' }, { functionCall: { name: 'f', args: { a: 1 } } }] },
    ]);
    expect(parseChatMessages(text)).toEqual([
      {
        role: 'model',
        parts: [{ kind: 'text', text: 'Hi' }],
        toolCalls: [{ name: 'f', arguments: '{\n  "a": 1\n}' }],
      },
    ]);
  });

  it('returns null for anything that is not chat messages', () => {
    for (const text of [
      '',
      'Tesla (TSLA) trades at $245.67',
      '[]',
      '{}',
      '245.67',
      '"text"',
      'null',
      '[{"date": "2025-11-13", "close": 238.05}]',
      '[{"role": "user", "content": "hi"}, 3]',
      '{"role": 5}',
      '[{"role": "user"',
    ]) {
      expect(parseChatMessages(text)).toBeNull();
    }
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          expect(() => parseChatMessages(text)).not.toThrow();
        },
      ),
    );
  });

  it('never throws on message-shaped JSON with odd field values', () => {
    const odd = fc.oneof(fc.jsonValue(), fc.constant(undefined));
    const message = fc.record({
      role: fc.constantFrom('user', 'assistant', 'tool'),
      content: odd,
      tool_calls: odd,
      parts: odd,
      name: odd,
      function_call: odd,
    });
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 4 }), (messages) => {
        const parsed = parseChatMessages(JSON.stringify(messages));
        expect(parsed).toHaveLength(messages.length);
      }),
    );
  });

  it('never throws on agno-shaped messages with odd field values', () => {
    const odd = fc.oneof(fc.jsonValue(), fc.constant(undefined));
    const message = fc.record({
      role: fc.constantFrom('user', 'assistant', 'tool'),
      content: odd,
      metrics: odd,
      from_history: odd,
      tool_call_error: odd,
      tool_name: odd,
    });
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 4 }), (messages) => {
        const parsed = parseChatMessages(JSON.stringify({ messages }));
        expect(parsed).toHaveLength(messages.length);
      }),
    );
  });
});

// Trimmed from src/mocks/recorded/real-agentos/span-llm.json (agno 2.9.0).
const AGNO_INPUT = JSON.stringify({
  messages: [
    {
      id: '17b0',
      content: 'Answers customer questions about orders.',
      from_history: false,
      stop_after_tool_call: false,
      role: 'system',
      created_at: 1795896541,
    },
    {
      id: 'd391',
      content: '',
      from_history: false,
      stop_after_tool_call: false,
      role: 'assistant',
      tool_calls: [
        {
          id: 'tooluse_0',
          type: 'function',
          function: { name: 'lookup_order', arguments: '{"order_id": "A-1002"}' },
        },
      ],
      metrics: {
        input_tokens: 62,
        output_tokens: 35,
        total_tokens: 97,
        duration: 0.11708218400008263,
        time_to_first_token: 0.0512,
      },
      created_at: 1795896541,
    },
    {
      id: '3b04',
      content: 'Refunds above 100.00 need a supervisor',
      from_history: true,
      stop_after_tool_call: false,
      role: 'tool',
      tool_call_id: 'tooluse_1',
      tool_name: 'refund_order',
      tool_args: { order_id: 'A-1002' },
      tool_call_error: true,
      created_at: 1795896541,
    },
  ],
});

describe('parseChatMessages on agno message dicts', () => {
  it('reads {"messages": [...]} with tool calls, tool results, history flags and metrics', () => {
    expect(parseChatMessages(AGNO_INPUT)).toEqual<ChatMessage[]>([
      {
        role: 'system',
        parts: [{ kind: 'text', text: 'Answers customer questions about orders.' }],
        toolCalls: [],
      },
      {
        role: 'assistant',
        parts: [],
        toolCalls: [
          { id: 'tooluse_0', name: 'lookup_order', arguments: '{\n  "order_id": "A-1002"\n}' },
        ],
        metrics: {
          inputTokens: 62,
          outputTokens: 35,
          totalTokens: 97,
          durationS: 0.11708218400008263,
          timeToFirstTokenS: 0.0512,
          other: [],
        },
      },
      {
        role: 'tool',
        toolCallId: 'tooluse_1',
        toolName: 'refund_order',
        isToolError: true,
        isFromHistory: true,
        parts: [{ kind: 'text', text: 'Refunds above 100.00 need a supervisor' }],
        toolCalls: [],
      },
    ]);
  });

  it('reads a streamed reply, {"messages": [...]} without content', () => {
    const text =
      '{"messages": [{"role": "assistant", "tool_calls": [{"id": "t1", "type": "function", "function": {"name": "get_stock_price", "arguments": "{\\"symbol\\": \\"NVDA\\"}"}}]}]}';
    expect(parseChatMessages(text)).toEqual([
      {
        role: 'assistant',
        parts: [],
        toolCalls: [{ id: 't1', name: 'get_stock_price', arguments: '{\n  "symbol": "NVDA"\n}' }],
      },
    ]);
  });

  it('keeps fields it does not read, so nothing is lost', () => {
    const text = JSON.stringify({
      messages: [
        {
          role: 'user',
          content: 'hi',
          images: ['a.png'],
          stop_after_tool_call: true,
          metrics: 'n/a',
          id: 'kept quiet',
        },
      ],
    });
    expect(parseChatMessages(text)?.[0]?.otherFields).toEqual([
      ['images', ['a.png']],
      ['stop_after_tool_call', true],
      ['metrics', 'n/a'],
    ]);
  });

  it('is null for an empty or non-message "messages" list', () => {
    expect(parseChatMessages('{"messages": []}')).toBeNull();
    expect(parseChatMessages('{"messages": [1, 2]}')).toBeNull();
    expect(parseChatMessages('{"messages": "hello"}')).toBeNull();
  });
});

describe('formatChatMetrics', () => {
  it('puts tokens, duration and time to first token on one line', () => {
    expect(
      formatChatMetrics({
        inputTokens: 1562,
        outputTokens: 35,
        totalTokens: 1597,
        durationS: 0.117,
        timeToFirstTokenS: 1.5,
        other: [['cache_read_tokens', 1200]],
      }),
    ).toBe('1,562 → 35 tokens · 117ms · first token 1.50s · cache_read_tokens 1200');
  });

  it('falls back to the total when the split is unknown', () => {
    expect(formatChatMetrics({ totalTokens: 97, other: [] })).toBe('97 tokens');
  });
});

describe('systemPromptText', () => {
  it('is the first system message, or null', () => {
    const messages = parseChatMessages(AGNO_INPUT)!;
    expect(systemPromptText(messages)).toBe('Answers customer questions about orders.');
    expect(systemPromptText(messages.slice(1))).toBeNull();
  });
});

describe('groupHistoryRuns', () => {
  it('groups each run of consecutive history messages, keeping positions', () => {
    const message = (role: string, isFromHistory: boolean): ChatMessage => ({
      role,
      parts: [],
      toolCalls: [],
      ...(isFromHistory ? { isFromHistory: true as const } : {}),
    });
    const messages = [
      message('system', false),
      message('user', true),
      message('assistant', true),
      message('user', false),
      message('assistant', true),
    ];
    const shape = groupHistoryRuns(messages).map((row) =>
      row.kind === 'message'
        ? row.position
        : row.kind === 'history'
          ? row.messages.map((m) => m.position)
          : null,
    );
    expect(shape).toEqual([0, [1, 2], 3, [4]]);
  });
});

describe('foldEarlierTurns', () => {
  const message = (role: string, isFromHistory = false): ChatMessage => ({
    role,
    parts: [],
    toolCalls: [],
    ...(isFromHistory ? { isFromHistory: true as const } : {}),
  });
  /** Positions, with folded rows nested: `['earlier', 3, [4, 5]]`. */
  const shapeOf = (rows: ReturnType<typeof foldEarlierTurns>): unknown[] =>
    rows.map((row) =>
      row.kind === 'message'
        ? row.position
        : row.kind === 'history'
          ? row.messages.map((m) => m.position)
          : ['earlier', row.count, ...shapeOf(row.rows)],
    );

  it('keeps the question and the last turn, folding the tool loop between them', () => {
    const roles = ['system', 'user', 'assistant', 'tool', 'assistant', 'tool', 'assistant', 'tool'];
    const rows = groupHistoryRuns(roles.map((role) => message(role)));
    expect(shapeOf(foldEarlierTurns(rows))).toEqual([0, 1, ['earlier', 4, 2, 3, 4, 5], 6, 7]);
  });

  it('folds two earlier messages, and leaves a shorter conversation as it is', () => {
    const loop = ['system', 'user', 'assistant', 'tool', 'assistant', 'tool'];
    const rows = groupHistoryRuns(loop.map((role) => message(role)));
    expect(shapeOf(foldEarlierTurns(rows))).toEqual([0, 1, ['earlier', 2, 2, 3], 4, 5]);
    // One message between the question and the last turn: nothing worth folding.
    const short = ['user', 'tool', 'assistant', 'tool'];
    expect(shapeOf(foldEarlierTurns(groupHistoryRuns(short.map((role) => message(role)))))).toEqual(
      [0, 1, 2, 3],
    );
    expect(shapeOf(foldEarlierTurns(groupHistoryRuns([message('user')])))).toEqual([0]);
    expect(shapeOf(foldEarlierTurns(groupHistoryRuns([message('assistant')])))).toEqual([0]);
  });

  it('counts history messages inside the fold one by one, and leaves history before the question', () => {
    const messages = [
      message('system'),
      message('user', true),
      message('assistant', true),
      message('user'),
      message('assistant'),
      message('tool'),
      message('user', true),
      message('assistant'),
      message('tool'),
    ];
    expect(shapeOf(foldEarlierTurns(groupHistoryRuns(messages)))).toEqual([
      0,
      [1, 2],
      3,
      ['earlier', 3, 4, 5, [6]],
      7,
      8,
    ]);
  });
});
