import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChatMessages } from './chatMessages';

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
});
