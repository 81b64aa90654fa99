/**
 * `npm run bench`: the performance benchmark of issue 5. Builds the app into dist-bench, serves it
 * with generated traces from one local HTTP server, drives Chromium with Playwright, prints a
 * Markdown table and writes bench/results/<timestamp>.json and latest.json.
 *
 *   npm run bench [-- --sizes 1000,10000 --runs 3 --no-build --dist <dir> --port 0 --seed 42]
 *   npm run bench -- --quick      1,000 spans, one run (part of `npm test`)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/findChromium';
import type { BenchReport, SizeResult } from './benchReport';
import { formatBytes, formatMs, formatTable } from './formatTable';
import { lazyChunks, measureBundles } from './measureBundle';
import { measureTrace } from './measureTrace';
import { createBenchServer } from './server';
import { medianOfRuns } from './stats';

const BENCH_DIST = 'dist-bench';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    dist: { type: 'string' },
    port: { type: 'string', default: '0' },
    seed: { type: 'string', default: '42' },
  },
});

const sizes = args.quick
  ? [1000]
  : (args.sizes ?? '1000,10000,100000').split(',').map((s) => Number(s.trim()));
const runs = args.quick ? 1 : Number(args.runs ?? 3);
const distDir = args.dist ?? BENCH_DIST;
const seed = Number(args.seed);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error('bench: --sizes takes span counts (e.g. 1000,10000), --runs a positive integer');
  process.exit(2);
}

async function main(): Promise<void> {
  if (!args['no-build'] && args.dist === undefined) {
    const build = spawnSync('npx', ['vite', 'build', '--outDir', BENCH_DIST], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`no build in ${distDir}/ (run without --no-build, or build it first)`);
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: set CHROMIUM_PATH');

  const loadBefore = loadavg()[0]!;
  console.log(`Generating traces of ${sizes.join(', ')} spans…`);
  const server = await createBenchServer({ distDir, sizes, seed, port: Number(args.port) });
  const browser = await chromium
    .launch({ executablePath, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] })
    .catch(async (error: unknown) => {
      await server.close();
      throw error;
    });
  try {
    console.log(`Serving ${distDir}/ and the mock AgentOS on ${server.origin}`);
    // A first page in a fresh browser also pays for starting the browser's renderer and caches,
    // which no user waits for: one unrecorded run first.
    await measureTrace(browser, server.origin, server.traces[0]!);
    const results: SizeResult[] = [];
    for (const trace of server.traces) {
      console.log(`${trace.traceId}: ${formatBytes(trace.jsonBytes)} of JSON`);
      const runResults = [];
      for (let run = 1; run <= runs; run++) {
        const result = await measureTrace(browser, server.origin, trace);
        const m = result.metrics;
        console.log(
          `  run ${run}/${runs}: open ${formatMs(m.open)} (app work ${formatMs(m.afterData)}),` +
            ` select ${formatMs(m.select)}, search ${formatMs(m.search)},` +
            ` collapse ${formatMs(m.collapseAll)}, expand ${formatMs(m.expandAll)},` +
            ` scroll p95 ${formatMs(m.scrollP95)} (${result.details.scrollBlankFrames} blank),` +
            ` flame graph ${formatMs(m.flameOpen)} (draw ${formatMs(m.flameDraw)}),` +
            ` overview ${formatMs(m.overviewDraw)}, zoom ${formatMs(m.zoomWheel)}` +
            ` (max ${formatMs(m.zoomWheelMax)}), lanes ${formatMs(m.lanesOpen)},` +
            ` heap ${formatBytes(m.heapBytes)}`,
        );
        runResults.push(result);
      }
      const median = medianOfRuns(runResults.map((r) => r.metrics));
      results.push({ ...trace, median, runs: runResults });
    }
    const bundles = await measureBundles(
      browser,
      server.origin,
      distDir,
      server.traces[0]!.traceId,
    );

    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryBytes: totalmem(),
        node: process.version,
        chromium: browser.version(),
        loadAverage: [loadBefore, loadavg()[0]!],
      },
      options: { runs, sizes, dist: distDir, seed },
      sizes: results,
      bundles,
      lazyChunks: lazyChunks(distDir),
    };
    const table = formatTable(report);
    console.log(`\n${table}\n`);
    const load = Math.max(...report.machine.loadAverage);
    if (load > report.machine.cpus) {
      console.log(`Note: load average ${load.toFixed(1)} on ${report.machine.cpus} cores: noisy.`);
    }
    writeReport(report);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** bench/results/<timestamp>.json and latest.json; the quick run keeps its own "latest". */
function writeReport(report: BenchReport): void {
  const dir = resolve(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const suffix = args.quick ? '-quick' : '';
  const text = `${JSON.stringify(report, null, 2)}\n`;
  const stamped = join(dir, `${report.date.replace(/[:.]/g, '-')}${suffix}.json`);
  writeFileSync(stamped, text);
  writeFileSync(join(dir, `latest${suffix}.json`), text);
  console.log(`Wrote ${stamped}`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
