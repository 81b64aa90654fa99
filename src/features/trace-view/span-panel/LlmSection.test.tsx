import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { indexOf, recordedTree } from '../../../test/recordedTraces';
import { SpanDetailsPanel } from './SpanDetailsPanel';

/** The panel of one span of a recorded real trace, with a spy for links to other spans. */
function renderSpan(file: string, spanId: string) {
  const tree = recordedTree(file);
  const onSelectSpan = vi.fn<(index: number) => void>();
  render(
    <SpanDetailsPanel
      tree={tree}
      index={indexOf(tree, spanId)}
      onClose={() => {}}
      onSelectSpan={onSelectSpan}
    />,
  );
  return { tree, onSelectSpan };
}

const rolesOf = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .filter((item) => item.classList.contains('chat-message'))
    .map((item) => item.querySelector('.chat-role')?.textContent);

describe('LLM span panel on real agno traces', () => {
  it('shows the prompt of span-llm.json as chat messages, with the failed tool result marked', async () => {
    renderSpan('trace-agent-tool-error.json', 'd4ee654fc39a6bda');
    const input = screen.getByRole('list', { name: 'Input messages' });
    // The question and the last turn; the turn the previous model call made is folded.
    expect(rolesOf(input)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(input).not.toHaveTextContent('lookup_order');
    await userEvent.click(
      within(input).getByRole('button', { name: 'Show 2 messages earlier in this run' }),
    );
    expect(rolesOf(input)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant', 'tool']);
    const calls = within(input).getAllByRole('list', { name: 'Tool calls' });
    expect(calls.map((list) => within(list).getByText(/_order$/).textContent)).toEqual([
      'lookup_order',
      'refund_order',
    ]);
    // The refund failed: its result says so.
    const failed = within(input).getByText('Failed').closest('li')!;
    expect(failed).toHaveTextContent('Refunds above 100.00 need a supervisor');
    expect(within(input).getAllByText('Failed')).toHaveLength(1);
    // Per-message metrics of the assistant messages.
    expect(within(input).getByText('62 → 35 tokens · 117ms · first token 117ms')).toBeVisible();
    const output = screen.getByRole('list', { name: 'Output messages' });
    expect(output).toHaveTextContent('I have escalated your request.');
  });

  it('jumps from a long prompt to the reply', async () => {
    // jsdom lays nothing out: the jump's scroll is recorded, not performed.
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    renderSpan('trace-agent-tool-error.json', 'd4ee654fc39a6bda');
    await userEvent.click(screen.getByRole('button', { name: 'Go to the reply ↓' }));
    const reply = screen.getByRole('region', { name: 'Output' });
    expect(scrolled).toEqual([reply]);
    expect(reply).toHaveFocus();
  });

  it('links a tool call to the TOOL span that ran it', async () => {
    const { tree, onSelectSpan } = renderSpan('trace-agent-tool-error.json', 'd4ee654fc39a6bda');
    await userEvent.click(
      screen.getByRole('button', { name: /^Open span refund_order at \+\S+$/ }),
    );
    expect(onSelectSpan).toHaveBeenCalledTimes(1);
    expect(tree.nodes[onSelectSpan.mock.calls[0]![0]]!.name).toBe('refund_order');
  });

  it('folds a system prompt identical to the previous model call, with a link to it', async () => {
    const { tree, onSelectSpan } = renderSpan('trace-agent-tool-error.json', 'd4ee654fc39a6bda');
    const input = screen.getByRole('list', { name: 'Input messages' });
    expect(input).toHaveTextContent(/Same system prompt as AwsBedrock\.invoke at \+/);
    expect(within(input).queryByText(/Never refund more than 100\.00/)).toBeNull();
    await userEvent.click(within(input).getByRole('button', { name: 'Show prompt' }));
    expect(within(input).getByText(/Never refund more than 100\.00/)).toBeVisible();
    await userEvent.click(within(input).getByRole('button', { name: /^AwsBedrock\.invoke at \+/ }));
    const previous = onSelectSpan.mock.calls[0]![0];
    expect(tree.nodes[previous]!.id).not.toBe('d4ee654fc39a6bda');
    expect(tree.nodes[previous]!.type).toBe('LLM');
  });

  it('shows a system prompt in full when the previous model call had another one', () => {
    // The Researcher's first call follows the team leader's, which has its own prompt.
    renderSpan('trace-team-delegation.json', 'f29616328972ff83');
    const input = screen.getByRole('list', { name: 'Input messages' });
    expect(input).not.toHaveTextContent('Same system prompt');
    expect(input).toHaveTextContent('Finds and reads sources');
  });

  it('reads a streamed reply ({"messages": [...]}) as messages', () => {
    const tree = recordedTree('trace-agent-async-stream.json');
    const first = tree.nodes.find((n) => n.type === 'LLM')!;
    renderSpan('trace-agent-async-stream.json', first.id);
    const output = screen.getByRole('list', { name: 'Output messages' });
    expect(within(output).getByText('get_stock_price')).toBeVisible();
    expect(
      within(output).getByRole('button', { name: /^Open span get_stock_price at/ }),
    ).toBeVisible();
  });

  it('says what a failed model call did not record', () => {
    renderSpan('trace-agent-model-error.json', '45d4833eae346a5c');
    const note = screen.getByRole('note', { name: 'Not recorded' });
    expect(note).toHaveTextContent('Not recorded: the reply (output) and the token counts.');
    expect(note).toHaveTextContent(/provider error/);
  });
});

describe('LLM span panel on messages from history', () => {
  it('marks history messages and folds them until asked, and keeps unknown fields', async () => {
    const tree = recordedTree('trace-agent-tool-error.json');
    const index = indexOf(tree, 'd4ee654fc39a6bda');
    const node = tree.nodes[index]!;
    const { messages } = JSON.parse(node.input!) as { messages: Record<string, unknown>[] };
    messages[1]!.from_history = true;
    messages[2]!.from_history = true;
    messages[0]!.images = ['diagram.png'];
    tree.nodes[index] = { ...node, input: JSON.stringify({ messages }) };
    render(<SpanDetailsPanel tree={tree} index={index} onClose={() => {}} />);
    const input = screen.getByRole('list', { name: 'Input messages' });
    expect(within(input).queryByText('Please refund order A-1002, it arrived broken.')).toBeNull();
    await userEvent.click(
      within(input).getByRole('button', { name: 'Show 2 messages from history (earlier runs)' }),
    );
    const history = within(input).getByRole('list', {
      name: '2 messages from history (earlier runs)',
    });
    expect(
      within(history).getByText('Please refund order A-1002, it arrived broken.'),
    ).toBeVisible();
    expect(within(history).getAllByText('from history')).toHaveLength(2);
    // A field this viewer does not read is shown with its message, not dropped.
    const system = within(input).getByText('system').closest('li')!;
    const otherFields = within(system).getByRole('region', { name: 'Other message fields' });
    expect(otherFields).toHaveTextContent('images');
    expect(await within(otherFields).findByRole('tree')).toHaveTextContent('["diagram.png"]');
  });
});
