/**
 * A real HTTP server speaking the mock AgentOS API, for the end-to-end tests and trying the
 * viewer against a "remote" server (the benchmark embeds the same code: bench/server.ts).
 *
 *   npx tsx scripts/mock-server.ts --port 7787 [--key SECRET] [--seed N] [--traces 95]
 *                                  [--big 1000,10000,100000]
 *                                  [--cors-origin http://localhost:3000 ...]
 *
 * Like AgentOS, it lets browsers call it from `http://localhost:3000` only, unless given other
 * origins (repeat --cors-origin for each; `*` allows any).
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
    'cors-origin': { type: 'string', multiple: true },
  },
});

const { origin } = await createAgentOsServer({
  port: Number(args.port),
  host: args.host,
  securityKey: args.key ?? null,
  seed: Number(args.seed),
  traceCount: Number(args.traces),
  ...(args['cors-origin'] ? { corsOrigins: args['cors-origin'] } : {}),
  bigTraces: args.big
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0),
});
console.log(`mock AgentOS listening on ${origin}`);
console.log(
  `allowed browser origins: ${(args['cors-origin'] ?? ['http://localhost:3000']).join(', ')}`,
);
