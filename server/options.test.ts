// @vitest-environment node
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './options.js';

function optionsOf(argv: string[]) {
  const command = parseCommandLine(argv);
  if (!('options' in command)) throw new Error('expected options');
  return command.options;
}

describe('the command line', () => {
  it('serves on 127.0.0.1:3000 through the proxy by default', () => {
    const options = optionsOf(['--agentos', 'http://localhost:7777']);
    expect(options).toMatchObject({ port: 3000, host: '127.0.0.1', proxy: true, dbId: null });
    expect(options.upstreams.map((u) => [u.name, u.url.href, u.proxyPath])).toEqual([
      ['localhost-7777', 'http://localhost:7777/', '/agentos/localhost-7777'],
    ]);
  });

  it('takes several AgentOS, named or not, in order', () => {
    const options = optionsOf([
      '--agentos',
      'prod=https://os.example.com/api/',
      '--agentos',
      'http://127.0.0.1:7777',
      '--agentos',
      'https://staging.example.com',
      '--db-id',
      'traces',
      '--port',
      '3131',
      '--host',
      '0.0.0.0',
      '--no-proxy',
    ]);
    expect(options.upstreams.map((u) => [u.name, u.url.href])).toEqual([
      ['prod', 'https://os.example.com/api'],
      ['127.0.0.1-7777', 'http://127.0.0.1:7777/'],
      ['staging.example.com', 'https://staging.example.com/'],
    ]);
    expect(options).toMatchObject({ port: 3131, host: '0.0.0.0', proxy: false, dbId: 'traces' });
  });

  it.each([
    [['--agentos', 'ftp://os.example.com'], 'only http:// and https://'],
    [['--agentos', 'localhost'], 'not a URL'],
    [['--agentos', 'https://user:secret@os.example.com'], 'leave credentials out of the URL'],
    [['--agentos', 'https://os.example.com/?key=secret'], 'without ? or #'],
    [['--agentos', 'a b=http://x'], 'a name is up to 40 letters'],
    [['--agentos', 'http://a:1', '--agentos', 'http://a:1'], 'the name "a-1" is taken'],
    [['--port', '70000'], '--port 70000'],
    [['--port', 'http'], '--port http'],
    [['--db-id', 'x'], '--db-id needs an --agentos'],
    [['--max-response-mb', '0'], '--max-response-mb 0'],
    [['--agentos'], 'argument missing'],
    [['--proxy-everything'], "Unknown option '--proxy-everything'"],
  ])('refuses %j with a message that says why', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('never echoes credentials given in a URL', () => {
    expect(() => parseCommandLine(['--agentos', 'https://user:hunter2@os.example.com'])).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') as string }),
    );
  });
});

/** Runs the CLI until it says where it listens, then stops it; returns everything it printed. */
function runCli(args: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'cli.js'), ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('AgentOS Trace Viewer: http://')) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ stdout, stderr, code })));
}

describe('the agentos-trace-viewer command', () => {
  it('warns when it listens beyond this machine, and not otherwise', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'viewer-cli-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html>');
    try {
      const upstream = ['--agentos', 'http://127.0.0.1:7777', '--dist', dist, '--port', '0'];
      const exposed = await runCli([...upstream, '--host', '0.0.0.0']);
      expect(exposed.stdout).toContain('/agentos/127.0.0.1-7777 → http://127.0.0.1:7777/');
      expect(exposed.stderr).toContain('Warning: listening on 0.0.0.0, not only this machine');

      const local = await runCli(upstream);
      expect(local.stdout).toMatch(/AgentOS Trace Viewer: http:\/\/127\.0\.0\.1:\d+\//);
      expect(local.stderr).toBe('');
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('stops with the usage on a bad option', async () => {
    const result = await runCli(['--agentos', 'ftp://x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('only http:// and https:// URLs are supported');
    expect(result.stderr).toContain('Usage: agentos-trace-viewer');
  });
});
