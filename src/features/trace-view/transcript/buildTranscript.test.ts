import { describe, expect, it } from 'vitest';
import { recordedTree, indexOf } from '../../../test/recordedTraces';
import { makeSpan } from '../../../test/testSpans';
import { testModel } from '../../../test/testModel';
import { buildTranscript, type TranscriptEntry } from './buildTranscript';

/** An entry as one line a reader would see: indentation, kind, and its gist. */
function line(entry: TranscriptEntry, names: (index: number) => string): string {
  const pad = '  '.repeat(entry.depth);
  switch (entry.kind) {
    case 'run':
      return `${pad}[${names(entry.index)}]`;
    case 'input':
      return `${pad}${entry.isTask ? 'task' : 'input'}: ${entry.text}`;
    case 'message':
      return `${pad}${entry.role}: ${entry.text}`;
    case 'reply':
      return `${pad}reply: ${entry.text}${entry.toolCalls.map((call) => ` → ${call.name}`).join('')}`;
    case 'tool':
      return `${pad}tool ${entry.name}(${entry.args ?? ''}) = ${(entry.result ?? '∅').slice(0, 30)}`;
    case 'output':
      return `${pad}output: ${entry.text}`;
    case 'error':
      return `${pad}error in ${names(entry.index)}`;
  }
}

describe('buildTranscript', () => {
  it('reads the recorded team run as a conversation, members as nested cards', () => {
    const tree = recordedTree('trace-team-delegation.json');
    const transcript = buildTranscript(tree, 'Write a brief on solid-state batteries');
    const names = (index: number) => tree.nodes[index]!.name;
    expect(transcript.entries.map((entry) => line(entry, names))).toEqual([
      '[Research_Team.run]',
      '  input: Write a brief on solid-state batteries',
      '  reply:  → delegate_task_to_member',
      '  tool delegate_task_to_member({"member_id": "researcher", "task": "Research solid-state batteries: state of the art in 2025."}) = Solid-state batteries: pilot l',
      '  [Researcher.run]',
      '    task: Research solid-state batteries: state of the art in 2025.',
      '    reply:  → web_search',
      '    tool web_search({"query": "solid-state batteries 2025", "max_results": 3}) = [{"title": "Result 1 for solid',
      '    reply:  → fetch_page → fetch_page',
      '    tool fetch_page({"url": "https://example.org/1"}) = <article>Text of https://examp',
      '    tool fetch_page({"url": "https://paywall.example.com/ssb"}) = ∅',
      '    reply: Solid-state batteries: pilot lines in 2025; one source was behind a paywall.',
      '  reply:  → delegate_task_to_member',
      '  tool delegate_task_to_member({"member_id": "writer", "task": "Write a 3-paragraph brief from these findings."}) = # Draft\n\nA short, clear summar',
      '  [Writer.run]',
      '    task: Write a 3-paragraph brief from these findings.',
      '    reply: # Draft\n\nA short, clear summary of the findings, in three paragraphs.\n\n1. Context\n2. Findings\n3. Outlook',
      '  reply: Here is the brief on solid-state batteries.',
    ]);
    // A card ends after its last entry.
    const researcher = transcript.entries.findIndex(
      (entry) => entry.kind === 'run' && names(entry.index) === 'Researcher.run',
    );
    expect(transcript.entries[researcher]).toMatchObject({ end: 12 });
    // Each span finds its entry: the failing fetch_page, and the Writer's model call.
    expect(transcript.entryOf[indexOf(tree, '18f491865c91282e')]).toBe(10);
    expect(transcript.entryOf[indexOf(tree, '683f8ae5e588b937')]).toBe(16);
  });

  it('shows each user turn once, though every model call resends the conversation', () => {
    const messages = (...turns: [string, string][]) =>
      JSON.stringify({
        messages: turns.map(([role, content]) => ({ role, content })),
      });
    const history = JSON.stringify({
      messages: [
        { role: 'user', content: 'Earlier question', from_history: true },
        { role: 'assistant', content: 'Earlier answer', from_history: true },
        { role: 'system', content: 'Be brief' },
        { role: 'user', content: 'What is the price of ACME?' },
      ],
    });
    const tree = testModel([
      makeSpan({
        name: 'Agent.run',
        type: 'AGENT',
        spans: [
          makeSpan({
            type: 'LLM',
            input: history,
            output: messages(['assistant', 'Let me look.']),
          }),
          makeSpan({
            type: 'LLM',
            input: messages(
              ['system', 'Be brief'],
              ['user', 'What is the price of ACME?'],
              ['assistant', 'Let me look.'],
              ['user', 'And of Globex?'],
            ),
            output: messages(['assistant', 'ACME 12, Globex 7.']),
          }),
        ],
      }),
    ]);
    const names = (index: number) => tree.nodes[index]!.name;
    expect(buildTranscript(tree, null).entries.map((entry) => line(entry, names))).toEqual([
      '[Agent.run]',
      '  user: What is the price of ACME?',
      '  reply: Let me look.',
      '  user: And of Globex?',
      '  reply: ACME 12, Globex 7.',
    ]);
  });

  it('says where a run failed with nothing else to show, and shows a step’s own output', () => {
    const tree = testModel([
      makeSpan({
        name: 'Flow.run',
        type: 'WORKFLOW',
        input: 'batch 7',
        spans: [
          makeSpan({ name: 'load.execute', type: 'WORKFLOW', output: 'loaded 12 rows' }),
          makeSpan({ name: 'Broken.run', type: 'AGENT', status: 'ERROR' }),
        ],
      }),
    ]);
    const names = (index: number) => tree.nodes[index]!.name;
    expect(
      buildTranscript(tree, 'ignored: the root has its own').entries.map((entry) =>
        line(entry, names),
      ),
    ).toEqual([
      '[Flow.run]',
      '  input: batch 7',
      '  [load.execute]',
      '    output: loaded 12 rows',
      '  [Broken.run]',
      '    error in Broken.run',
    ]);
  });
});
