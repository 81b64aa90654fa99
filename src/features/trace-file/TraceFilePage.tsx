import type { ReactNode } from 'react';
import { ApiErrorState } from '../../components/ApiErrorState';
import { EmptyState, LoadingState } from '../../components/PageState';
import { OpenTraceFileButton } from './OpenTraceFileButton';
import { useOpenedTraceFile, type OpenedTraceFile } from './traceFileStore';

export interface TraceFilePageProps {
  /** The trace page for a file that read well (the route supplies the trace screen). */
  renderTrace: (file: Extract<OpenedTraceFile, { status: 'loaded' }>) => ReactNode;
}

/** /file: the trace file opened in this tab, or how to open one. */
export function TraceFilePage({ renderTrace }: TraceFilePageProps) {
  const file = useOpenedTraceFile();
  if (file === null) {
    return (
      <section className="page" aria-label="Trace file">
        <EmptyState title="No trace file is open">
          <p className="muted trace-file-hint">
            Open a trace saved with “Download JSON” (or any answer of AgentOS’s{' '}
            <code>GET /traces/&#123;id&#125;</code>), or drop the file anywhere on this page. It is
            read in this browser and never uploaded; reloading the page forgets it.
          </p>
          <OpenTraceFileButton className="button primary" />
        </EmptyState>
      </section>
    );
  }
  if (file.status === 'reading') return <LoadingState label={`Reading ${file.fileName}…`} />;
  if (file.status === 'failed') {
    return (
      <section className="page" aria-label="Trace file">
        <ApiErrorState error={file.error} action={`open “${file.fileName}”`} />
        <p className="muted">
          The file was read in this browser and checked as a server’s answer would be. A trace file
          is the JSON of one trace, as “Download JSON” saves it or AgentOS’s{' '}
          <code>GET /traces/&#123;id&#125;</code> answers it.
        </p>
        <div>
          <OpenTraceFileButton label="Open another file" />
        </div>
      </section>
    );
  }
  return renderTrace(file);
}
