/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { connectSourcesFor, contentSecurityPolicy } from './server/contentSecurityPolicy.js';

/**
 * `vite preview` serves the build under the production Content-Security-Policy (README,
 * "Security"), so the end-to-end tests run the app as a strict deployment would. A plugin rather
 * than `preview.headers`: connect-src comes from the config.json of the directory actually served
 * (`--outDir`). The dev server sends none (its React refresh needs inline script).
 */
function previewContentSecurityPolicy(): Plugin {
  return {
    name: 'preview-content-security-policy',
    configurePreviewServer(server) {
      const { root, build, publicDir } = server.config;
      const policy = contentSecurityPolicy(
        connectSourcesFor(resolve(root, build.outDir), publicDir),
      );
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}

/**
 * main.tsx boots in stages, each a dynamic import evaluated in a task of its own (issue 13). Their
 * chunks are preloaded from index.html, so they download while the entry runs rather than one
 * after the other: every chunk the entry imports dynamically, with its static imports.
 */
function preloadBootStages(): Plugin {
  let base = '/';
  return {
    name: 'preload-boot-stages',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const entries = chunks.filter((chunk) => chunk.isEntry);
        const inHtml = new Set(entries.flatMap((entry) => [entry.fileName, ...entry.imports]));
        const stages = new Set<string>();
        const add = (fileName: string) => {
          if (stages.has(fileName) || inHtml.has(fileName)) return;
          stages.add(fileName);
          byFile.get(fileName)?.imports.forEach(add);
        };
        entries.forEach((entry) => entry.dynamicImports.forEach(add));
        return [...stages].map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${fileName}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), previewContentSecurityPolicy(), preloadBootStages()],
  server: { port: 3000, strictPort: true },
  preview: { port: 3000, strictPort: true },
  build: { sourcemap: true, manifest: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts', 'server/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // Property tests run thousands of cases; on a busy 2-core machine 5 s is not enough.
    testTimeout: 20_000,
  },
});
