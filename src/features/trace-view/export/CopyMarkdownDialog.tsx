import { useId, useMemo, useState, type RefObject } from 'react';
import type { TraceDetail } from '../../../api/schemas';
import type { TraceModel } from '../../../domain/trace/traceModel';
import { traceFileName } from './downloadTrace';
import { TEXT_LIMITS, traceToMarkdown, type MarkdownOptions } from './traceMarkdown';
import { ModalDialog } from '../../../components/ModalDialog';

/** The preview shows this many spans; the copy has them all. */
const PREVIEW_SPANS = 25;

export interface CopyMarkdownDialogProps {
  trace: TraceDetail;
  tree: TraceModel;
  selectedIndex: number | null;
  /** The button that opened the dialog, which gets the focus back when it closes. */
  returnFocusTo: RefObject<HTMLElement | null>;
  onOpenChange: (open: boolean) => void;
}

type Status =
  { kind: 'idle' } | { kind: 'copied'; characters: number; lines: number } | { kind: 'failed' };

/** Copies the trace, or the selected span's subtree, as a Markdown outline. */
export function CopyMarkdownDialog({
  trace,
  tree,
  selectedIndex,
  returnFocusTo,
  onOpenChange,
}: CopyMarkdownDialogProps) {
  const [scope, setScope] = useState<'trace' | 'subtree'>('trace');
  const [limitChoice, setLimitChoice] = useState(1); // 200 characters
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const baseId = useId();
  const options: MarkdownOptions = {
    textLimit: TEXT_LIMITS[limitChoice]![0],
    rootIndex: scope === 'subtree' ? selectedIndex : null,
  };
  const { textLimit, rootIndex } = options;
  const preview = useMemo(
    () => traceToMarkdown(trace, tree, { textLimit, rootIndex, spanLimit: PREVIEW_SPANS }),
    [trace, tree, textLimit, rootIndex],
  );
  const spanCount = rootIndex == null ? tree.count : tree.subtreeSize[rootIndex]!;

  const handleCopy = () => {
    const text = traceToMarkdown(trace, tree, options);
    // Without a secure context (http:// other than localhost) there is no clipboard API.
    if (!navigator.clipboard) {
      setStatus({ kind: 'failed' });
      return;
    }
    navigator.clipboard.writeText(text).then(
      () =>
        setStatus({ kind: 'copied', characters: text.length, lines: text.split('\n').length - 1 }),
      () => setStatus({ kind: 'failed' }),
    );
  };
  const handleSave = () => {
    const blob = new Blob([traceToMarkdown(trace, tree, options)], { type: 'text/markdown' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = traceFileName(trace.trace_id).replace(/\.json$/, '.md');
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  return (
    <ModalDialog
      title="Copy as Markdown"
      open
      onOpenChange={onOpenChange}
      isWide
      returnFocusTo={returnFocusTo}
      description={
        <>
          A compact outline for an issue tracker or an LLM: one line per span with its type, name,
          duration, model and tokens or tool; errors in full.
        </>
      }
      actions={
        <>
          <button type="button" className="button primary" onClick={handleCopy}>
            Copy
          </button>
          <button type="button" className="button" onClick={handleSave}>
            Save as .md
          </button>
          <span className="muted" role="status">
            {status.kind === 'copied'
              ? `Copied ${status.characters.toLocaleString()} characters (${status.lines.toLocaleString()} lines)`
              : status.kind === 'failed'
                ? 'The browser refused the clipboard: use “Save as .md” instead'
                : ''}
          </span>
        </>
      }
    >
      <div className="export-options">
        <fieldset className="export-scope">
          <legend>What to copy</legend>
          <label className="inline-field">
            <input
              type="radio"
              name={`${baseId}-scope`}
              checked={scope === 'trace'}
              onChange={() => setScope('trace')}
            />
            The whole trace ({tree.count.toLocaleString()} spans)
          </label>
          <label className="inline-field">
            <input
              type="radio"
              name={`${baseId}-scope`}
              checked={scope === 'subtree'}
              disabled={selectedIndex === null}
              onChange={() => setScope('subtree')}
            />
            {selectedIndex === null ? (
              'The selected span and below (select a span first)'
            ) : (
              <span>
                The selected span and below: <code>{tree.nodes[selectedIndex]!.name}</code> (
                {tree.subtreeSize[selectedIndex]!.toLocaleString()} spans)
              </span>
            )}
          </label>
        </fieldset>
        <label className="field">
          Inputs and outputs
          <select
            value={limitChoice}
            onChange={(event) => setLimitChoice(Number(event.target.value))}
          >
            {TEXT_LIMITS.map(([, label], choice) => (
              <option key={label} value={choice}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <section className="markdown-preview" aria-label="Preview">
        <h3 className="muted">
          Preview
          {spanCount > PREVIEW_SPANS &&
            ` (first ${PREVIEW_SPANS} of ${spanCount.toLocaleString()} spans)`}
        </h3>
        <pre tabIndex={0}>{preview}</pre>
      </section>
    </ModalDialog>
  );
}
