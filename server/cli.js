#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { isLoopbackHost, parseCommandLine, USAGE, UsageError } from './options.js';
import { createViewerServer, PACKAGED_DIST } from './viewerServer.js';

/*
 * agentos-trace-viewer: the built viewer and a same-origin proxy to your AgentOS, in one
 * command (README, "Run it against your AgentOS"). Node's standard library only, so `npx` needs
 * nothing but this package.
 */

/** @type {ReturnType<typeof parseCommandLine>} */
let command;
try {
  command = parseCommandLine(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`agentos-trace-viewer: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if ('help' in command) {
  console.log(USAGE);
  process.exit(0);
}
if ('version' in command) {
  /** @type {{ version: string }} */
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  console.log(manifest.version);
  process.exit(0);
}

const { options } = command;
/** @type {import('node:http').Server} */
let server;
try {
  server = createViewerServer({ ...options, distDir: options.distDir ?? PACKAGED_DIST });
} catch (error) {
  console.error(`agentos-trace-viewer: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

server.on('error', (error) => {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code;
  console.error(
    code === 'EADDRINUSE'
      ? `agentos-trace-viewer: port ${options.port} is in use; pick another with --port.`
      : `agentos-trace-viewer: ${error.message}`,
  );
  process.exit(1);
});

server.listen(options.port, options.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  console.log(`AgentOS Trace Viewer: http://${host}:${port}/`);
  for (const upstream of options.upstreams) {
    console.log(
      options.proxy
        ? `  ${upstream.proxyPath} → ${upstream.url.href}`
        : `  ${upstream.name}: ${upstream.url.href} (called by the browser: its CORS must allow this origin)`,
    );
  }
  if (options.upstreams.length === 0)
    console.log('  No --agentos: demo data, or pick one in Settings.');
  if (!isLoopbackHost(options.host)) {
    console.warn(
      `Warning: listening on ${options.host}, not only this machine. Anyone who can reach it can use the viewer` +
        (options.proxy && options.upstreams.length > 0
          ? ' and, through its proxy, your AgentOS (its security key still applies).'
          : '.'),
    );
  }
});

const stop = () => {
  server.close();
  server.closeAllConnections();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
