import type { VisibilityState } from '@tanstack/react-table';
import { useState } from 'react';

/** Which table columns this browser shows; remembered across visits. */
const STORAGE_KEY = 'agentos-viewer.trace-list.columns';

/** Hidden until asked for: the run id is long and rarely read in a list. */
export const DEFAULT_COLUMN_VISIBILITY: VisibilityState = { run_id: false };

export function readColumnVisibility(storage: Pick<Storage, 'getItem'>): VisibilityState {
  try {
    const parsed = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return DEFAULT_COLUMN_VISIBILITY;
    }
    const saved = Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, boolean] => typeof entry[1] === 'boolean',
      ),
    );
    return { ...DEFAULT_COLUMN_VISIBILITY, ...saved };
  } catch {
    return DEFAULT_COLUMN_VISIBILITY;
  }
}

export function useColumnVisibility() {
  const [visibility, setVisibility] = useState<VisibilityState>(() =>
    readColumnVisibility(localStorage),
  );
  const update = (next: VisibilityState) => {
    setVisibility(next);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      /* not persisted; this visit still uses it */
    }
  };
  return [visibility, update] as const;
}
