import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../api/schemas';
import { candidatesRequest, compareCandidates, ownerOf } from './compareCandidates';

function summary(trace_id: string, name: string, ids: Partial<TraceSummary> = {}): TraceSummary {
  return {
    trace_id,
    name,
    status: 'OK',
    duration: '860.0234985351562ms',
    start_time: '2026-11-28T20:27:19.402149Z',
    end_time: '2026-11-28T20:27:20.262172Z',
    created_at: '2026-11-28T20:27:19.402149Z',
    total_spans: 15,
    error_count: 0,
    ...ids,
  };
}

const team = { team_id: 'research-team' };

describe('candidatesRequest', () => {
  it('asks the server for the traces of the same team, agent or workflow', () => {
    expect(candidatesRequest(summary('t', 'Research_Team.run', team))).toEqual({
      team_id: 'research-team',
      limit: 11,
    });
    expect(ownerOf(summary('t', 'x', { agent_id: 'support-agent' }))).toEqual({
      field: 'agent_id',
      kind: 'agent',
      id: 'support-agent',
    });
  });

  it('asks for a page of recent traces when the trace has no owner id', () => {
    expect(candidatesRequest(summary('t', 'AwsBedrock.invoke'))).toEqual({ limit: 100 });
  });
});

describe('compareCandidates', () => {
  it('keeps the other traces of the owner and says which were started another way', () => {
    const trace = summary('run', 'Research_Team.run', team);
    const listed = [
      summary('arun', 'Research_Team.arun', team),
      summary('run', 'Research_Team.run', team),
      summary('run-2', 'Research_Team.run', team),
    ];
    expect(compareCandidates(trace, listed).map((c) => [c.trace.trace_id, c.entryPoints])).toEqual([
      ['arun', { a: '.run', b: '.arun' }],
      ['run-2', null],
    ]);
  });

  it('without owner ids, matches by the name with the entry point normalised', () => {
    const trace = summary('failed', 'Content_Pipeline.arun');
    const listed = [
      summary('other-team', 'Research_Team.run', team),
      summary('same-sync', 'Content_Pipeline.run', { workflow_id: 'content-pipeline' }),
      summary('same', 'Content_Pipeline.arun'),
      summary('apply', 'Content_Pipeline.apply'),
    ];
    expect(compareCandidates(trace, listed).map((c) => c.trace.trace_id)).toEqual([
      'same-sync',
      'same',
    ]);
  });

  it('offers at most 10', () => {
    const trace = summary('t', 'A.run', { agent_id: 'a' });
    const listed = Array.from({ length: 11 }, (_, i) =>
      summary(`o${i}`, 'A.run', { agent_id: 'a' }),
    );
    expect(compareCandidates(trace, listed)).toHaveLength(10);
  });
});
