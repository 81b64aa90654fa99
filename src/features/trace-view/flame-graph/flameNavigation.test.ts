import { describe, expect, it } from 'vitest';
import { buildSpanTree } from '../../../domain/trace/buildSpanTree';
import { makeSpan } from '../../../test/testSpans';
import { pathLabel, pathTo, stepFrom } from './flameNavigation';

// root ─ a ─ a1, a2 ; b ─ b1 ─ b11 ; c      and a second root, r2
const tree = buildSpanTree([
  makeSpan({
    name: 'root',
    spans: [
      makeSpan({ name: 'a', spans: [makeSpan({ name: 'a1' }), makeSpan({ name: 'a2' })] }),
      makeSpan({
        name: 'b',
        spans: [makeSpan({ name: 'b1', spans: [makeSpan({ name: 'b11' })] })],
      }),
      makeSpan({ name: 'c' }),
    ],
  }),
  makeSpan({ name: 'r2' }),
]);
const at = (name: string) => tree.nodes.findIndex((node) => node.name === name);
const name = (index: number | null) => (index === null ? null : tree.nodes[index]!.name);

describe('stepFrom', () => {
  it('goes up to the parent and down to the first child', () => {
    expect(name(stepFrom(tree, at('a2'), 'parent'))).toBe('a');
    expect(name(stepFrom(tree, at('root'), 'parent'))).toBeNull();
    expect(name(stepFrom(tree, at('b'), 'firstChild'))).toBe('b1');
    expect(name(stepFrom(tree, at('c'), 'firstChild'))).toBeNull();
  });

  it('moves between siblings over their subtrees, and stops at the ends', () => {
    expect(name(stepFrom(tree, at('a'), 'next'))).toBe('b');
    expect(name(stepFrom(tree, at('b'), 'next'))).toBe('c');
    expect(name(stepFrom(tree, at('c'), 'next'))).toBeNull();
    expect(name(stepFrom(tree, at('c'), 'previous'))).toBe('b');
    expect(name(stepFrom(tree, at('b'), 'previous'))).toBe('a');
    expect(name(stepFrom(tree, at('a'), 'previous'))).toBeNull();
    expect(name(stepFrom(tree, at('a2'), 'previous'))).toBe('a1');
    expect(name(stepFrom(tree, at('a2'), 'next'))).toBeNull();
  });

  it('moves between roots', () => {
    expect(name(stepFrom(tree, at('root'), 'next'))).toBe('r2');
    expect(name(stepFrom(tree, at('r2'), 'previous'))).toBe('root');
    expect(name(stepFrom(tree, at('root'), 'previous'))).toBeNull();
  });
});

describe('pathTo and pathLabel', () => {
  it('lists the ancestors, root first', () => {
    expect(pathTo(tree, at('b11')).map(name)).toEqual(['root', 'b', 'b1', 'b11']);
    expect(pathLabel(['root', 'b', 'b1'])).toBe('root › b › b1');
  });

  it('shortens a deep path in the middle', () => {
    const names = Array.from({ length: 20 }, (_, i) => `s${i}`);
    expect(pathLabel(names)).toBe('s0 › … 15 levels … › s16 › s17 › s18 › s19');
  });
});
