import { describe, expect, it } from 'vitest';
import { suggestionsFrom } from './suggestions';

type Row = { user_id?: string | null };

describe('suggestionsFrom', () => {
  it('puts named choices first, then the ids of the rows, once each', () => {
    const rows: Row[] = [
      { user_id: 'bob@example.com' },
      { user_id: 'alice@example.com' },
      { user_id: null },
      { user_id: 'bob@example.com' },
      {},
      { user_id: '' },
    ];
    expect(
      suggestionsFrom([{ value: 'alice@example.com', label: 'Alice' }], rows, (r) => r.user_id),
    ).toEqual([{ value: 'alice@example.com', label: 'Alice' }, { value: 'bob@example.com' }]);
  });

  it('stops at the limit', () => {
    const rows: Row[] = [{ user_id: 'a' }, { user_id: 'b' }, { user_id: 'c' }];
    expect(suggestionsFrom(undefined, rows, (r) => r.user_id, 2)).toEqual([
      { value: 'a' },
      { value: 'b' },
    ]);
  });

  it('offers nothing when there is nothing to offer', () => {
    expect(suggestionsFrom(undefined, undefined, (r: Row) => r.user_id)).toEqual([]);
  });
});
