import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { readTraceFile } from './readTraceFile';
import { newTraceFileId, setOpenedTraceFile } from './traceFileStore';

/** Opens a file chosen or dropped by the user: reads it here, then shows the /file page. */
export function useOpenTraceFile(): (file: File) => Promise<void> {
  const navigate = useNavigate();
  return useCallback(
    async (file: File) => {
      const id = newTraceFileId();
      const fileName = file.name;
      setOpenedTraceFile({ status: 'reading', id, fileName });
      void navigate({ to: '/file', search: {} });
      try {
        const trace = await readTraceFile(file);
        setOpenedTraceFile({ status: 'loaded', id, fileName, trace });
      } catch (error) {
        setOpenedTraceFile({ status: 'failed', id, fileName, error });
      }
    },
    [navigate],
  );
}
