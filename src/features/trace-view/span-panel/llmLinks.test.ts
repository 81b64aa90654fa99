import { describe, expect, it } from 'vitest';
import { parseChatMessages } from './chatMessages';
import { linkToolCalls, previousLlmSpan } from './llmLinks';
import { indexOf, recordedTree } from '../../../test/recordedTraces';
import type { TraceModel } from '../../../domain/trace/traceModel';

function messagesOf(tree: TraceModel, index: number, field: 'input' | 'output') {
  const text = tree.nodes[index]![field];
  return text == null ? null : parseChatMessages(text);
}

/** Tool call id → the id of the span it is linked to, for every linked call. */
function linkedCallIds(tree: TraceModel, index: number) {
  const input = messagesOf(tree, index, 'input');
  const output = messagesOf(tree, index, 'output');
  const links = linkToolCalls(tree, index, input, output);
  const byCallId: Record<string, string> = {};
  for (const [call, span] of links.calls) byCallId[call.id ?? call.name] = tree.nodes[span]!.id;
  const byResult: Record<string, string> = {};
  for (const [message, span] of links.results) byResult[message.toolCallId!] = tree.nodes[span]!.id;
  return { byCallId, byResult };
}

describe('linkToolCalls on real agno traces', () => {
  it("links the calls in a model call's input to the TOOL spans that ran before it", () => {
    const tree = recordedTree('trace-agent-tool-error.json');
    const { byCallId, byResult } = linkedCallIds(tree, indexOf(tree, 'd4ee654fc39a6bda'));
    const lookupOrder = tree.nodes.find((n) => n.name === 'lookup_order')!.id;
    const refundOrder = tree.nodes.find((n) => n.name === 'refund_order')!.id;
    expect(byCallId).toEqual({
      tooluse_0_0_81e74ef5: lookupOrder,
      tooluse_1_0_11e20b8f: refundOrder,
    });
    expect(byResult).toEqual(byCallId);
  });

  it('links the calls in its output to the TOOL span that ran after it', () => {
    const tree = recordedTree('trace-agent-async-stream.json');
    const first = tree.nodes.findIndex((n) => n.type === 'LLM');
    const { byCallId } = linkedCallIds(tree, first);
    expect(byCallId).toEqual({
      tooluse_0_0_3250572b: tree.nodes.find((n) => n.name === 'get_stock_price')!.id,
    });
  });

  it('sends two parallel calls of one tool to the spans with their arguments', () => {
    const tree = recordedTree('trace-team-delegation.json');
    const { byCallId } = linkedCallIds(tree, indexOf(tree, '49c5cc7f4b159a70'));
    expect(byCallId).toEqual({
      tooluse_0_0_1a81682c: '43147a055be665bf', // web_search
      tooluse_1_0_3571810a: '9665d02cd4c5cc01', // fetch_page https://example.org/1
      tooluse_1_1_298cb3a5: '18f491865c91282e', // fetch_page, paywalled (failed)
    });
  });

  it("stays within the run: a member run's tools are not linked from the team leader", () => {
    const tree = recordedTree('trace-team-delegation.json');
    const leaderFirst = tree.nodes.findIndex((n) => n.type === 'LLM');
    const { byCallId } = linkedCallIds(tree, leaderFirst);
    const linked = Object.values(byCallId).map((id) => tree.nodes[indexOf(tree, id)]!.name);
    expect(linked).toEqual(['delegate_task_to_member']);
  });

  it('leaves calls from history (earlier runs) unlinked', () => {
    const tree = recordedTree('trace-agent-tool-error.json');
    const index = indexOf(tree, 'd4ee654fc39a6bda');
    const input = messagesOf(tree, index, 'input')!.map((m) => ({
      ...m,
      isFromHistory: true as const,
    }));
    expect(linkToolCalls(tree, index, input, null).calls.size).toBe(0);
  });
});

describe('previousLlmSpan', () => {
  it('is the model call that started last before this one, across runs', () => {
    const tree = recordedTree('trace-team-delegation.json');
    // The Researcher's first call comes after the team leader's first call.
    const researcherFirst = indexOf(tree, 'f29616328972ff83');
    expect(tree.nodes[previousLlmSpan(tree, researcherFirst)]!.id).toBe(
      tree.nodes.find((n) => n.type === 'LLM')!.id,
    );
    expect(tree.nodes[previousLlmSpan(tree, indexOf(tree, '43c0176b152c1452'))]!.id).toBe(
      'f29616328972ff83',
    );
  });

  it('is -1 for the first model call', () => {
    const tree = recordedTree('trace-agent-tool-error.json');
    expect(
      previousLlmSpan(
        tree,
        tree.nodes.findIndex((n) => n.type === 'LLM'),
      ),
    ).toBe(-1);
  });
});
