import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TraceNode } from '../../api/schemas';
import { testModel } from '../../test/testModel';
import { alignTraces } from './alignTraces';
import { EntryPointNote } from './EntryPointNote';

function span(name: string, spans?: TraceNode[]): TraceNode {
  return {
    id: name,
    name,
    type: 'AGENT',
    duration: '1ms',
    start_time: '2026-11-28T20:09:12.000000Z',
    end_time: '2026-11-28T20:09:12.001000Z',
    status: 'OK',
    ...(spans ? { spans } : {}),
  };
}

describe('EntryPointNote', () => {
  it('says which entry point each trace was started with and what was matched', () => {
    const a = [span('Research_Team.run', [span('AwsBedrock.invoke'), span('web_search')])];
    const b = [span('Research_Team.arun', [span('AwsBedrock.ainvoke'), span('web_search')])];
    render(
      <EntryPointNote
        nameA="Research_Team.run"
        nameB="Research_Team.arun"
        alignment={alignTraces(testModel(a), testModel(b))}
      />,
    );
    expect(screen.getByRole('note')).toHaveTextContent(
      'Names matched across entry points. A was started with .run, B with .arun. 2 spans whose ' +
        'names differ only by the async a are matched: .run with .arun, .invoke with .ainvoke.',
    );
  });

  it('says nothing when every matched name is the same', () => {
    const tree = [span('Research_Team.run')];
    render(
      <EntryPointNote
        nameA="Research_Team.run"
        nameB="Research_Team.run"
        alignment={alignTraces(testModel(tree), testModel(tree))}
      />,
    );
    expect(screen.queryByRole('note')).toBeNull();
  });
});
