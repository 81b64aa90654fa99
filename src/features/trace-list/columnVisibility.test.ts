import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_VISIBILITY, readColumnVisibility } from './columnVisibility';

const storage = (value: string | null) => ({ getItem: () => value });

describe('readColumnVisibility', () => {
  it('starts from the defaults', () => {
    expect(readColumnVisibility(storage(null))).toEqual(DEFAULT_COLUMN_VISIBILITY);
  });

  it('applies what this browser saved over the defaults', () => {
    expect(readColumnVisibility(storage('{"input":false,"run_id":true}'))).toEqual({
      input: false,
      run_id: true,
    });
  });

  it('ignores broken or foreign values', () => {
    expect(readColumnVisibility(storage('{oops'))).toEqual(DEFAULT_COLUMN_VISIBILITY);
    expect(readColumnVisibility(storage('[1]'))).toEqual(DEFAULT_COLUMN_VISIBILITY);
    expect(readColumnVisibility(storage('{"input":"no"}'))).toEqual(DEFAULT_COLUMN_VISIBILITY);
  });
});
