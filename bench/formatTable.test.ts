import { describe, expect, it } from 'vitest';
import type { RunMetrics, SizeResult } from './benchReport';
import { formatBytes, formatMs, formatTable } from './formatTable';

function makeSize(spans: number, overrides: Partial<RunMetrics> = {}): SizeResult {
  const median = {
    open: 1200,
    afterData: 450,
    select: 60,
    heapBytes: 5e6,
    scrollP95: 50.1,
    ...overrides,
  } as RunMetrics;
  return { spans, traceId: `bench-${spans}`, jsonBytes: 1e6, median, runs: [] };
}

describe('formatTable', () => {
  const table = formatTable({
    options: { runs: 3, sizes: [1000, 100000], dist: 'dist-bench', seed: 42 },
    sizes: [makeSize(1000), makeSize(100000, { open: 2500, heapBytes: 9e6 })],
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
  const rowOf = (label: string) => table.split('\n').find((line) => line.startsWith(`| ${label}`));

  it('has a column per size and checks each value against its target', () => {
    expect(table).toContain('| measure | target | 1,000 spans | 100,000 spans |');
    expect(rowOf('**open**')).toBe('| **open** | ≤ 1,500 ms | 1,200 ms ✓ | 2,500 ms ✗ |');
    expect(rowOf('**select**')).toContain('60 ms ✗');
    expect(rowOf('↳ heap ÷ JSON')).toBe('| ↳ heap ÷ JSON received | ≤ 4× | 5.0× ✗ | 9.0× ✗ |');
  });

  it('judges the figure as shown', () => {
    expect(rowOf('**scroll** frame, p95')).toBe(
      '| **scroll** frame, p95 | ≤ 50 ms | 50 ms ✓ | 50 ms ✓ |',
    );
  });

  it('shows missing figures as a dash, without a verdict', () => {
    expect(rowOf('**expand all**')).toBe('| **expand all** | ≤ 100 ms | – | – |');
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
  });
});
