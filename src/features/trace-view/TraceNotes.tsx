import { useMemo } from 'react';
import type { TraceDetail } from '../../api/schemas';
import { measure } from '../../lib/perf';
import { diagnoseTrace } from './treeDiagnostics';
import type { TraceModel } from '../../domain/trace/traceModel';
import './traceNotes.css';

export interface TraceNotesProps {
  trace: TraceDetail;
  tree: TraceModel;
}

/**
 * What is odd about the trace's data (duplicate ids, missing spans, impossible times…), as a
 * short list under the header; nothing when the data is ordinary. Examples are span ids and raw
 * values from the server, shown as text.
 */
export function TraceNotes({ trace, tree }: TraceNotesProps) {
  const notes = useMemo(
    () => measure('app:diagnoseTrace', () => diagnoseTrace(trace, tree)),
    [trace, tree],
  );
  if (notes.length === 0) return null;
  return (
    // Folded to one line: the notes matter, but must not push the waterfall off the screen.
    <details className="trace-notes" role="note" aria-label="Data notes">
      <summary className="trace-notes-title">
        About this data: {notes[0]!.message}
        {notes.length > 1 && <span className="muted"> (+{notes.length - 1} more)</span>}
      </summary>
      <ul>
        {notes.map((note) => (
          <li key={note.kind} className={`trace-note trace-note-${note.severity}`}>
            {note.message}
            {note.examples.length > 0 && (
              <span className="trace-note-examples">
                {' '}
                E.g.{' '}
                {note.examples.map((value, i) => (
                  <span key={i}>
                    {i > 0 && ', '}
                    <code>{value}</code>
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
