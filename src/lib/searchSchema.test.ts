import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { parseSearchFields } from './searchSchema';

const fields = {
  span: z.string().check(z.minLength(1)),
  depth: z.coerce.number().check(z.int(), z.minimum(1, 'depth starts at 1')),
  errors: z.optional(z.literal(true)),
};

describe('parseSearchFields', () => {
  it('keeps the values that validate and ignores keys it does not know', () => {
    expect(parseSearchFields(fields, { span: 'abc', depth: '3', utm_source: 'mail' })).toEqual({
      search: { span: 'abc', depth: 3 },
      dropped: [],
    });
  });

  it('drops a value that does not validate and says which and why', () => {
    const parsed = parseSearchFields(fields, { span: 'abc', depth: 0 });
    expect(parsed.search).toEqual({ span: 'abc' });
    expect(parsed.dropped).toEqual([{ key: 'depth', value: '0', reason: 'depth starts at 1' }]);
  });
});
