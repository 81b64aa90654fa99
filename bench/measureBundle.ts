import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import type { BundleFile, RouteBundle } from './benchReport';
import { probesScript } from './inPage';
import { VIEWPORT } from './measureTrace';
import { SPAN_ROWS, TRACE_LIST_ROWS } from './selectors';
import { waitForQuiet } from './waitForQuiet';

const ROUTES = [
  { route: '/traces', content: TRACE_LIST_ROWS },
  { route: '/traces/:id', content: SPAN_ROWS },
];

/** A built file's size as sent and gzipped (zlib's default level, as Vite's build report). */
function builtFile(distDir: string, path: string): BundleFile {
  const bytes = readFileSync(join(distDir, path));
  return { path, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}

/**
 * The JavaScript each route requests before its first content (the trace list's rows, the
 * waterfall's rows) is painted, from the page's Resource Timing, on a fresh cache.
 */
export async function measureBundles(
  browser: Browser,
  origin: string,
  distDir: string,
  traceId: string,
): Promise<RouteBundle[]> {
  const results: RouteBundle[] = [];
  for (const { route, content } of ROUTES) {
    const url = route.replace(':id', traceId);
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      await context.addInitScript({ content: probesScript({ [content]: content }) });
      const page = await context.newPage();
      await page.goto(origin + url, { waitUntil: 'commit' });
      await waitForQuiet(page, { paintedKey: content, quietMs: 1000, timeoutMs: 60_000 });
      const scripts = await page.evaluate(
        (selector) =>
          performance
            .getEntriesByType('resource')
            .map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime }))
            .filter((entry) => entry.path.endsWith('.js'))
            .map((entry) => ({
              ...entry,
              beforePaint: entry.start < window.__bench.firstPainted[selector]!,
            })),
        content,
      );
      const firstPaint = scripts
        .filter((s) => s.beforePaint)
        .map((s) => builtFile(distDir, s.path));
      results.push({
        route,
        url,
        firstPaint,
        firstPaintGzipBytes: firstPaint.reduce((sum, file) => sum + file.gzipBytes, 0),
        later: scripts.filter((s) => !s.beforePaint).map((s) => builtFile(distDir, s.path)),
      });
    } finally {
      await context.close();
    }
  }
  return results;
}

interface ManifestChunk {
  file: string;
  isDynamicEntry?: boolean;
}

/** Chunks only ever loaded by a dynamic import(), from Vite's manifest when the build has one. */
export function lazyChunks(distDir: string): BundleFile[] {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) return [];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  return Object.values(manifest)
    .filter((chunk) => chunk.isDynamicEntry)
    .map((chunk) => builtFile(distDir, `/${chunk.file}`));
}
