import { lazy, Suspense, useRef, useState } from 'react';
import type { TraceDetail } from '../../api/schemas';
import { Popover } from '../../components/Popover';
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
  const exportButton = useRef<HTMLButtonElement>(null);
  const compareButton = useRef<HTMLButtonElement>(null);

  const handleDownload = async () => {
    const { downloadTrace } = await import('./export/downloadTrace');
    downloadTrace(trace);
  };
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };

  const [isExportOpen, setExportOpen] = useState(false);
  const openDialog = (which: Exclude<OpenDialog, null>) => {
    setExportOpen(false);
    setDialog(which);
  };

  return (
    <>
      <Popover
        label="Export"
        contentLabel="Export"
        title="Save the trace as JSON, or copy it as Markdown"
        align="end"
        triggerRef={exportButton}
        open={isExportOpen}
        onOpenChange={setExportOpen}
      >
        <button
          type="button"
          className="button"
          title="Save the trace as the JSON it came in, to open later or hand to someone"
          onClick={() => {
            setExportOpen(false);
            void handleDownload();
          }}
        >
          Download JSON
        </button>
        <button
          type="button"
          className="button"
          aria-haspopup="dialog"
          title="Copy the trace (or the selected span) as Markdown, to paste into an issue or a chat"
          onClick={() => openDialog('markdown')}
        >
          Copy as Markdown
        </button>
      </Popover>
      {source.kind === 'server' && (
        <button
          ref={compareButton}
          type="button"
          className="button"
          aria-haspopup="dialog"
          aria-label="Compare with…"
          title="Compare this run with another trace"
          onClick={() => setDialog('compare')}
        >
          Compare…
        </button>
      )}
      <Suspense fallback={null}>
        {dialog === 'markdown' && (
          <CopyMarkdownDialog
            trace={trace}
            tree={tree}
            selectedIndex={selectedIndex}
            returnFocusTo={exportButton}
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
