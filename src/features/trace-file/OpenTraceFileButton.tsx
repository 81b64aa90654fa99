import { useRef, type ChangeEvent } from 'react';
import { useOpenTraceFile } from './useOpenTraceFile';

export interface OpenTraceFileButtonProps {
  /** The button's text; "Open trace file" unless the place calls for other words. */
  label?: string;
  className?: string;
}

/**
 * A button that opens a saved trace file from this computer. The file is read in the browser
 * and never uploaded. The input it drives is hidden but labelled, for tests and for tools.
 */
export function OpenTraceFileButton({
  label = 'Open trace file',
  className = 'button',
}: OpenTraceFileButtonProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const openFile = useOpenTraceFile();
  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again still counts as a change.
    event.target.value = '';
    if (file) void openFile(file);
  };
  return (
    <>
      <button
        type="button"
        className={className}
        title="Show a trace saved with “Download JSON”; it is read in this browser, never uploaded"
        onClick={() => inputRef.current?.click()}
      >
        {label}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        aria-label="Open trace file"
        hidden
        onChange={handleChange}
      />
    </>
  );
}
