import { describe, expect, it } from 'vitest';
import { traceFileName } from './downloadTrace';

describe('traceFileName', () => {
  it('names the file after the trace', () => {
    expect(traceFileName('0af7651916cd43dd8448eb211c80319c')).toBe(
      'trace-0af7651916cd43dd8448eb211c80319c.json',
    );
  });

  it('replaces what a file system could refuse', () => {
    expect(traceFileName('a/b\\c:d*e?"f<g>|h i\u0000j')).toBe('trace-a_b_c_d_e_f_g_h_i_j.json');
    expect(traceFileName('..')).toBe('trace-unnamed.json');
    expect(traceFileName('')).toBe('trace-unnamed.json');
    expect(traceFileName('x'.repeat(500))).toBe(`trace-${'x'.repeat(120)}.json`);
  });
});
