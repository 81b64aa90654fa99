/**
 * A real HTTP server speaking the mock AgentOS API, for the end-to-end tests and trying the
 * viewer against a "remote" server (the benchmark embeds the same code: bench/server.ts).
 *
 *   npx tsx scripts/mock-server.ts --port 7787 [--key SECRET] [--seed N] [--traces 95]
 *                                  [--big 1000,10000,100000]
 */
import { parseArgs } from 'node:util';
import { createAgentOsServer } from './agentosServer';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '7787' },
    host: { type: 'string', default: '127.0.0.1' },
    key: { type: 'string' },
    seed: { type: 'string', default: '42' },
    traces: { type: 'string', default: '95' },
    big: { type: 'string', default: '' },
  },
});

const { origin } = await createAgentOsServer({
  port: Number(args.port),
  host: args.host,
  securityKey: args.key ?? null,
  seed: Number(args.seed),
  traceCount: Number(args.traces),
  bigTraces: args.big
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0),
});
console.log(`mock AgentOS listening on ${origin}`);
