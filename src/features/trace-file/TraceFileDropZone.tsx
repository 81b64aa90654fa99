import { useEffect, useState } from 'react';
import { useOpenTraceFile } from './useOpenTraceFile';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * The whole page accepts a dropped trace file: while a file is dragged over the window, an
 * overlay says what dropping it does. Other drags (text, links) are left alone.
 */
export function TraceFileDropZone() {
  const openFile = useOpenTraceFile();
  const [isDragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the
    // drag has left the window.
    let depth = 0;
    const handleEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const handleOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault(); // allows the drop
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const handleLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const handleDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault(); // the browser would otherwise open the file itself
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void openFile(file);
    };
    window.addEventListener('dragenter', handleEnter);
    window.addEventListener('dragover', handleOver);
    window.addEventListener('dragleave', handleLeave);
    window.addEventListener('drop', handleDrop);
    return () => {
      window.removeEventListener('dragenter', handleEnter);
      window.removeEventListener('dragover', handleOver);
      window.removeEventListener('dragleave', handleLeave);
      window.removeEventListener('drop', handleDrop);
    };
  }, [openFile]);

  if (!isDragging) return null;
  return (
    <div className="drop-overlay" role="status">
      <div className="drop-overlay-box">
        <strong>Drop a trace file to open it</strong>
        <span className="muted">It is read in this browser and never uploaded.</span>
      </div>
    </div>
  );
}
