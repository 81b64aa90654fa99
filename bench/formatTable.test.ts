import { describe, expect, it } from 'vitest';
import type { RunMetrics, SizeResult } from './benchReport';
import { formatBytes, formatMs, formatTable } from './formatTable';

function makeSize(spans: number, overrides: Partial<RunMetrics> = {}): SizeResult {
  const median = {
    open: 1200,
    afterData: 450,
    select: 60,
    heapBytes: 5e5,
    backingStorageBytes: 2e5,
    scrollP95: 50.1,
    firstRows: 400,
    longestTask: 120,
    ...overrides,
  };
  return {
    token: String(spans),
    spans,
    traceId: `bench-${spans}`,
    jsonBytes: 1e6,
    median,
    runs: [{ metrics: median, details: {} }],
    failures: [],
  };
}

const OPTIONS = {
  runs: 3,
  bigRuns: 1,
  sizes: ['1000', '100000'],
  isThrottled: false,
  dist: 'dist-bench',
  seed: 42,
};

describe('formatTable', () => {
  const table = formatTable({
    options: OPTIONS,
    sizes: [
      makeSize(1000),
      { ...makeSize(100000, { open: 2500, heapBytes: 9e8 }), jsonBytes: 1e8 },
    ],
    bundles: [
      {
        route: '/traces',
        url: '/traces',
        firstPaint: [{ path: '/assets/index.js', bytes: 9e5, gzipBytes: 250_000 }],
        firstPaintGzipBytes: 250_000,
        later: [],
      },
    ],
  });
  const rowOf = (label: string, text = table) =>
    text.split('\n').find((line) => line.startsWith(`| ${label}`));

  it('has a column per size and checks each value against its target', () => {
    expect(table).toContain('| measure | target | 1,000 spans | 100,000 spans |');
    expect(rowOf('**open**')).toBe('| **open** | ≤ 1,500 ms | 1,200 ms ✓ | 2,500 ms ✗ |');
    expect(rowOf('**select**')).toContain('60 ms ✗');
    expect(rowOf('**first rows**')).toContain('| ≤ 1,000 ms | 400 ms ✓ | 400 ms ✓ |');
    expect(rowOf('**longest task**')).toContain('| ≤ 100 ms | 120 ms ✗ | 120 ms ✗ |');
  });

  it('judges the heap from 100 MB of JSON on, with and without ArrayBuffers', () => {
    expect(rowOf('↳ JS heap ÷ JSON')).toBe(
      '| ↳ JS heap ÷ JSON received | ≤ 0.6× from 100 MB | 0.5× | 9.0× ✗ |',
    );
    expect(rowOf('↳ JS heap + ArrayBuffers')).toBe(
      '| ↳ JS heap + ArrayBuffers ÷ JSON | ≤ 0.6× from 100 MB | 0.7× | 9.0× ✗ |',
    );
  });

  it('judges the figure as shown', () => {
    expect(rowOf('**scroll** frame, p95')).toBe(
      '| **scroll** frame, p95 | ≤ 50 ms | 50 ms ✓ | 50 ms ✓ |',
    );
  });

  it('shows missing figures as a dash, without a verdict', () => {
    expect(rowOf('**expand all**')).toBe('| **expand all** | ≤ 100 ms | – | – |');
  });

  it('leaves out the throttled rows when nothing was throttled', () => {
    expect(table).not.toContain('100 Mbit/s');
  });

  it('shows the throttled runs and says which runs failed, and why', () => {
    const big: SizeResult = {
      ...makeSize(50_000),
      token: '1gb',
      inputDocumentBytes: 24_000,
      jsonBytes: 1.02e9,
      median: {},
      runs: [],
      failures: ['the page crashed (out of memory?)'],
      throttled: { median: {}, runs: [], failures: ['not painted | within 300 s'] },
    };
    const small = {
      ...makeSize(1000),
      throttled: { median: { firstRows: 1200 }, runs: [], failures: [] },
    };
    const text = formatTable({ options: OPTIONS, sizes: [small, big], bundles: [] });
    expect(text).toContain('| measure | target | 1,000 spans | 1.02 GB, 50,000 spans |');
    expect(rowOf('**opens**', text)).toBe(
      '| **opens** | opens | ✓ | ✗ fails: the page crashed (out of memory?); at 100 Mbit/s ✗ fails: not painted / within 300 s |',
    );
    expect(rowOf('↳ at 100 Mbit/s', text)).toBe(
      '| ↳ at 100 Mbit/s | ≤ 1,000 ms | 1,200 ms ✗ | – |',
    );
    expect(text).toContain('(over 100,000 spans or given in bytes: 1)');
  });

  it('lists the bundle of each route', () => {
    expect(table).toContain('| `/traces` | 250.0 kB ✗ | 1 | ≤ 200.0 kB |');
  });
});

describe('formatters', () => {
  it('rounds durations and sizes for reading', () => {
    expect(formatMs(3.14159)).toBe('3.1 ms');
    expect(formatMs(1234.5)).toBe('1,235 ms');
    expect(formatBytes(100_808_463)).toBe('100.8 MB');
    expect(formatBytes(51_234)).toBe('51.2 kB');
    expect(formatBytes(1_023_456_789)).toBe('1.02 GB');
  });
});
