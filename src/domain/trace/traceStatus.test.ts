import { describe, expect, it } from 'vitest';
import { countFailingSpans, traceStatus } from './traceStatus';

describe('traceStatus', () => {
  it('shows a trace OK at the root but with failing spans as failed, keeping the server’s word', () => {
    expect(traceStatus('OK', 3)).toEqual({
      status: 'ERROR',
      isFailed: true,
      serverStatus: 'OK',
      failingSpans: 3,
      note: 'root span OK · 3 failing spans',
    });
    expect(traceStatus('OK', 1).note).toBe('root span OK · 1 failing span');
    expect(traceStatus('UNSET', 2).note).toBe('root span UNSET · 2 failing spans');
  });

  it('agrees with the server when the root failed or nothing failed', () => {
    expect(traceStatus('ERROR', 2)).toMatchObject({ status: 'ERROR', isFailed: true, note: null });
    expect(traceStatus('ERROR', 0)).toMatchObject({ status: 'ERROR', isFailed: true, note: null });
    expect(traceStatus('OK', 0)).toMatchObject({ status: 'OK', isFailed: false, note: null });
    expect(traceStatus('UNSET', 0)).toMatchObject({ status: 'UNSET', isFailed: false });
  });

  it('ignores counts that are not a positive number', () => {
    expect(traceStatus('OK', -1).isFailed).toBe(false);
    expect(traceStatus('OK', Number.NaN).isFailed).toBe(false);
  });
});

describe('countFailingSpans', () => {
  it('counts the spans marked as errors', () => {
    expect(countFailingSpans(Uint8Array.from([0, 1, 0, 1, 1]))).toBe(3);
    expect(countFailingSpans(new Uint8Array(0))).toBe(0);
  });
});
