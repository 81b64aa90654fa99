import { entryPointDifference } from '../../domain/trace/spanNames';
import type { Alignment } from './alignTraces';

export interface EntryPointNoteProps {
  nameA: string;
  nameB: string;
  alignment: Alignment;
}

/**
 * Says that spans were matched across entry points (a run started through AgentOS is `.arun`,
 * a direct one `.run`), so nobody wonders why differently named spans share a row. Nothing when
 * every matched name is the same.
 */
export function EntryPointNote({ nameA, nameB, alignment }: EntryPointNoteProps) {
  if (alignment.entryPointMatches === 0) return null;
  const traces = entryPointDifference(nameA, nameB);
  return (
    <p className="compare-entry-points" role="note">
      <strong>Names matched across entry points.</strong>{' '}
      {traces && (
        <>
          A was started with <code>{traces.a}</code>, B with <code>{traces.b}</code>.{' '}
        </>
      )}
      {alignment.entryPointMatches.toLocaleString()}{' '}
      {alignment.entryPointMatches === 1 ? 'span whose name differs' : 'spans whose names differ'}{' '}
      only by the async <code>a</code> {alignment.entryPointMatches === 1 ? 'is' : 'are'} matched:{' '}
      {alignment.entryPointPairs.map((pair, i) => (
        <span key={`${pair.a} ${pair.b}`}>
          {i > 0 && ', '}
          <code>{pair.a}</code> with <code>{pair.b}</code>
        </span>
      ))}
      .
    </p>
  );
}
