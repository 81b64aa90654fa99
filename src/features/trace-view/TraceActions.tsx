import { lazy, Suspense, useRef, useState } from 'react';
import type { TraceDetail } from '../../api/schemas';
import type { TraceSource } from './TraceScreen';
import type { TraceModel } from '../../domain/trace/traceModel';

// Each dialog's code loads the first time it is opened: none of it is needed to show a trace.
const CopyMarkdownDialog = lazy(() =>
  import('./export/CopyMarkdownDialog').then((module) => ({
    default: module.CopyMarkdownDialog,
  })),
);
const CompareWithDialog = lazy(() =>
  import('./CompareWithDialog').then((module) => ({ default: module.CompareWithDialog })),
);

export interface TraceActionsProps {
  trace: TraceDetail;
  tree: TraceModel;
  source: TraceSource;
  selectedIndex: number | null;
}

type OpenDialog = 'markdown' | 'compare' | null;

/** The header's actions on the trace: save it, copy it as Markdown, compare it with another. */
export function TraceActions({ trace, tree, source, selectedIndex }: TraceActionsProps) {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const markdownButton = useRef<HTMLButtonElement>(null);
  const compareButton = useRef<HTMLButtonElement>(null);

  const handleDownload = async () => {
    const { downloadTrace } = await import('./export/downloadTrace');
    downloadTrace(trace);
  };
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };

  return (
    <>
      <button
        type="button"
        className="button"
        title="Save the trace as the JSON it came in, to open later or hand to someone"
        onClick={() => void handleDownload()}
      >
        Download JSON
      </button>
      <button
        ref={markdownButton}
        type="button"
        className="button"
        aria-haspopup="dialog"
        onClick={() => setDialog('markdown')}
      >
        Copy as Markdown
      </button>
      {source.kind === 'server' && (
        <button
          ref={compareButton}
          type="button"
          className="button"
          aria-haspopup="dialog"
          onClick={() => setDialog('compare')}
        >
          Compare with…
        </button>
      )}
      <Suspense fallback={null}>
        {dialog === 'markdown' && (
          <CopyMarkdownDialog
            trace={trace}
            tree={tree}
            selectedIndex={selectedIndex}
            returnFocusTo={markdownButton}
            onOpenChange={close}
          />
        )}
        {dialog === 'compare' && source.kind === 'server' && (
          <CompareWithDialog
            trace={trace}
            dbId={source.dbId}
            returnFocusTo={compareButton}
            onOpenChange={close}
          />
        )}
      </Suspense>
    </>
  );
}
