import { describe, expect, it } from 'vitest';
import { buildSpanTree } from '../../../domain/trace/buildSpanTree';
import { makeSpan } from '../../../test/testSpans';
import { levelCounts } from './levelCounts';

// root ─ a ─ a1, a2 ; b ─ b1 ─ b11   (depths 0, 1, 2, 2, 1, 2, 3)
const tree = buildSpanTree([
  makeSpan({
    id: 'root',
    spans: [
      makeSpan({ id: 'a', spans: [makeSpan({ id: 'a1' }), makeSpan({ id: 'a2' })] }),
      makeSpan({ id: 'b', spans: [makeSpan({ id: 'b1', spans: [makeSpan({ id: 'b11' })] })] }),
    ],
  }),
]);

describe('levelCounts', () => {
  it('counts the spans each "Expand to level N" shows, level 1 being the root alone', () => {
    expect(levelCounts(tree)).toEqual([1, 3, 6, 7]);
  });

  it('stops at the deepest level offered', () => {
    expect(levelCounts(tree, 2)).toEqual([1, 3]);
  });
});
