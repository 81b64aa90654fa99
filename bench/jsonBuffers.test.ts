import { describe, expect, it } from 'vitest';
import { generateTrace } from '../src/mocks/generateTrace';
import { toJsonBuffers } from './jsonBuffers';

const text = (buffers: Buffer[]) => Buffer.concat(buffers).toString('utf8');

describe('toJsonBuffers', () => {
  it('writes what JSON.stringify writes, in chunks of about the given size', () => {
    const trace = generateTrace({ seed: 5, spanCount: 2000, startMs: 0, inputDocumentBytes: 3000 });
    const buffers = toJsonBuffers(trace, 100_000);
    expect(buffers.length).toBeGreaterThan(10);
    expect(buffers.slice(0, -1).every((b) => b.length >= 100_000 && b.length < 200_000)).toBe(true);
    expect(text(buffers)).toBe(JSON.stringify(trace));
  });

  it('leaves out what JSON leaves out, escapes keys and keeps non-ASCII text', () => {
    const value = {
      a: undefined,
      'k"ey': [1, undefined, () => 0, null, 'é ✓ "q"'],
      n: { deep: [[{}], []] },
      f: () => 1,
      b: false,
    };
    expect(text(toJsonBuffers(value, 4))).toBe(JSON.stringify(value));
    expect(text(toJsonBuffers('x'))).toBe('"x"');
  });
});
