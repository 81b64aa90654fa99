/**
 * `npm run bench`: the performance benchmark of issues 5 and 13. Builds the app into dist-bench,
 * serves it with generated traces from one local HTTP server, drives Chromium with Playwright,
 * prints a Markdown table and writes bench/results/<timestamp>.json and latest.json.
 *
 *   npm run bench [-- --sizes 1000,10000 --runs 3 --no-build --dist <dir> --port 0 --seed 42]
 *   npm run bench -- --sizes 100000,300000,1gb --throttled
 *       span counts, or a JSON size (`1gb`, `500mb`: about 20 kB per span, long inputs);
 *       --throttled also loads each trace at 100 Mbit/s. Sizes over 100,000 spans or given in
 *       bytes run once.
 *   npm run bench -- --quick      1,000 spans, one run (part of `npm test`)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/findChromium';
import type { BenchReport, NetworkResult, RunResult, SizeResult } from './benchReport';
import { formatBytes, formatMs, formatTable } from './formatTable';
import { lazyChunks, measureBundles } from './measureBundle';
import { measureTrace } from './measureTrace';
import type { MeasureOptions } from './measureTrace';
import { createBenchServer } from './server';
import type { BenchSize, BenchTrace } from './server';
import { medianOfRuns } from './stats';

const BENCH_DIST = 'dist-bench';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    throttled: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    dist: { type: 'string' },
    port: { type: 'string', default: '0' },
    seed: { type: 'string', default: '42' },
  },
});

/** A trace given by its JSON size: this much per span, in long model inputs. */
const BYTES_PER_SPAN = 20_000;
/**
 * The document added to every span's input (see generateTrace): about four spans in five have
 * an input, and each span has about 1.2 kB of other JSON, so this makes 20 kB per span.
 */
const INPUT_DOCUMENT_BYTES = 24_000;
const BIG_SPANS = 100_000;
const BIG_RUNS = 1;

/** `300000` → 300,000 spans; `1gb`, `500mb` → a trace of about that much JSON. */
function parseSize(token: string): BenchSize | null {
  const text = token.trim().toLowerCase();
  if (/^\d+$/.test(text)) return Number(text) >= 1 ? { token: text, spans: Number(text) } : null;
  const bytes = /^(\d+(?:\.\d+)?)(gb|mb)$/.exec(text);
  if (!bytes) return null;
  const total = Number(bytes[1]) * (bytes[2] === 'gb' ? 1e9 : 1e6);
  const spans = Math.round(total / BYTES_PER_SPAN);
  return spans >= 1 ? { token: text, spans, inputDocumentBytes: INPUT_DOCUMENT_BYTES } : null;
}

const isBig = (size: BenchSize) => size.spans > BIG_SPANS || size.inputDocumentBytes !== undefined;

const sizes = (args.quick ? '1000' : (args.sizes ?? '1000,10000,100000')).split(',').map(parseSize);
const runs = args.quick ? 1 : Number(args.runs ?? 3);
const isThrottled = !args.quick && args.throttled;
const distDir = args.dist ?? BENCH_DIST;
const seed = Number(args.seed);
if (sizes.some((size) => size === null) || !Number.isInteger(runs) || runs < 1) {
  console.error(
    'bench: --sizes takes span counts or JSON sizes (e.g. 1000,300000,1gb), --runs a positive integer',
  );
  process.exit(2);
}
const benchSizes = sizes as BenchSize[];

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
  console.log(`Generating traces: ${benchSizes.map((s) => s.token).join(', ')}…`);
  // The unrecorded first run and the bundle measure need a small trace: 1,000 spans if no size is.
  const warmUp: BenchSize[] = benchSizes.some((s) => s.spans <= 10_000 && !isBig(s))
    ? []
    : [{ token: 'warm-up', spans: 1000 }];
  const server = await createBenchServer({
    distDir,
    sizes: [...benchSizes, ...warmUp],
    seed,
    port: Number(args.port),
  });
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
    const smallest = server.traces.reduce((a, b) => (b.jsonBytes < a.jsonBytes ? b : a));
    const measured = server.traces.slice(0, benchSizes.length);
    await measureTrace(browser, server.origin, smallest);
    const results: SizeResult[] = [];
    for (const trace of measured) {
      console.log(
        `${trace.traceId}: ${trace.spans} spans, ${formatBytes(trace.jsonBytes)} of JSON`,
      );
      const count = isBig(trace) ? BIG_RUNS : runs;
      const loopback = await measureRuns(browser, server.origin, trace, count, {});
      const throttled = isThrottled
        ? await measureRuns(browser, server.origin, trace, count, {
            isThrottled: true,
            isLoadOnly: true,
          })
        : undefined;
      results.push({ ...trace, ...loopback, ...(throttled ? { throttled } : {}) });
    }
    const bundles = await measureBundles(browser, server.origin, distDir, smallest.traceId);

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
      options: {
        runs,
        bigRuns: BIG_RUNS,
        sizes: benchSizes.map((s) => s.token),
        isThrottled,
        dist: distDir,
        seed,
      },
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

/**
 * `count` runs of one trace on one network. A run that fails (crash, time-out) is recorded with
 * its reason, for the table to show, and the bench goes on.
 */
async function measureRuns(
  browser: Browser,
  origin: string,
  trace: BenchTrace,
  count: number,
  options: MeasureOptions,
): Promise<NetworkResult> {
  const runResults: RunResult[] = [];
  const failures: string[] = [];
  const network = options.isThrottled ? '100 Mbit/s' : 'loopback';
  for (let run = 1; run <= count; run++) {
    const started = Date.now();
    try {
      const result = await measureTrace(browser, origin, trace, options);
      const m = result.metrics;
      const load =
        `first rows ${formatMs(m.firstRows!)} (preview ${formatMs(m.previewRows!)}),` +
        ` loaded ${formatMs(m.loaded!)}, longest task ${formatMs(m.longestTask!)}`;
      console.log(
        `  ${network} run ${run}/${count}: ${load}` +
          (options.isLoadOnly
            ? ''
            : `, open ${formatMs(m.open!)} (app work ${formatMs(m.afterData!)}),` +
              ` long tasks after paint ${formatMs(m.longTasksAfterPaint!)},` +
              ` select ${formatMs(m.select!)}, search ${formatMs(m.search!)},` +
              ` collapse ${formatMs(m.collapseAll!)}, expand ${formatMs(m.expandAll!)},` +
              ` scroll p95 ${formatMs(m.scrollP95!)} (${result.details.scrollBlankFrames} blank),` +
              ` flame graph ${formatMs(m.flameOpen!)} (draw ${formatMs(m.flameDraw!)}),` +
              ` overview ${formatMs(m.overviewDraw!)}, zoom ${formatMs(m.zoomWheel!)}` +
              ` (max ${formatMs(m.zoomWheelMax!)}), lanes ${formatMs(m.lanesOpen!)},` +
              ` heap ${formatBytes(m.heapBytes!)} + ArrayBuffers ${formatBytes(m.backingStorageBytes!)}`),
      );
      runResults.push(result);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const seconds = Math.round((Date.now() - started) / 1000);
      console.log(`  ${network} run ${run}/${count} failed after ${seconds} s: ${reason}`);
      failures.push(reason);
    }
  }
  return { median: medianOfRuns(runResults.map((r) => r.metrics)), runs: runResults, failures };
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
