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

export default defineConfig({
  plugins: [react(), previewContentSecurityPolicy()],
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
