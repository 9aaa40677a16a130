// The server entry as an operator runs it (`pnpm start` is `tsx api/src/server.ts`): configured by
// environment variables, it logs its start-up, serves, and on SIGTERM stops and exits cleanly.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, TINY } from './helpers/server.ts';

interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves with the URL of the first "listening on" line. */
  listening: Promise<string>;
}

function startProcess(dir: string, env: Record<string, string> = {}): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      BRIDGEWORK_DB: join(dir, 'process.db'),
      BRIDGEWORK_DEFAULT_FRAMEWORK: 'tiny',
      BRIDGEWORK_DEFAULT_SOURCE: `native:${TINY}`,
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line in:\n${out}`)), 30_000);
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { child, output: () => out, exited, listening };
}

/** Process ids of a cluster's workers: the children running the server (tsx may run esbuild beside them). */
function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid), '-f', 'api/src/server.ts'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function waitFor<T>(what: string, probe: () => T | undefined, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('api/src/server.ts', () => {
  it('starts from the environment, serves, and stops on SIGTERM with exit code 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bridgework-process-'));
    const server = startProcess(dir);
    try {
      const url = await server.listening;
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      const lines = server.output().trim().split('\n');
      expect(lines[0]).toMatch(/^imported tiny 1\.0\.0: 2 occupations, 3 competencies, 4 requirements in [\d.]+ s$/);
      expect(lines.slice(-3).map((l) => l.replace(/ [\d.]+ms [0-9a-f]+-[0-9a-z]+$/, ''))).toEqual(['GET /readyz 200', 'SIGTERM: shutting down', 'stopped']);
    } finally {
      server.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with BRIDGEWORK_WORKERS=2 imports once, serves from two processes, replaces a dead worker and stops them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bridgework-cluster-'));
    const server = startProcess(dir, { BRIDGEWORK_WORKERS: '2' });
    const pid = server.child.pid!;
    try {
      const url = await server.listening;
      expect(server.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(2 workers\)/);
      expect(server.output().match(/^imported tiny/gm)).toHaveLength(1);
      const workers = childPids(pid);
      expect(workers).toHaveLength(2);

      // Connections are dealt to the workers in turn; each worker's request ids share a prefix.
      const prefixes = new Set<string>();
      for (let i = 0; i < 8; i++) {
        const response = await fetch(`${url}/v1/rank`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', connection: 'close' },
          body: JSON.stringify({ profile: { occupations: [{ occupation: 'nurse' }] } }),
        });
        expect(response.status).toBe(200);
        expect(((await response.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
        prefixes.add(response.headers.get('x-request-id')!.split('-')[0]!);
      }
      expect(prefixes.size).toBe(2);

      process.kill(workers[0]!, 'SIGKILL');
      await waitFor('a replacement worker', () => {
        const now = childPids(pid);
        return now.length === 2 && !now.includes(workers[0]!) ? now : undefined;
      });
      await waitFor('the exit to be logged', () => (server.output().includes(`worker ${workers[0]} exited (SIGKILL)`) ? true : undefined));
      let served = 0;
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`${url}/readyz`, { headers: { connection: 'close' } }).catch(() => undefined);
        if (response?.status === 200) served++;
      }
      expect(served).toBe(6);

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output().trim().split('\n').slice(-2)).toEqual(['SIGTERM: shutting down 2 workers', 'stopped']);
      expect(childPids(pid)).toEqual([]);
    } finally {
      for (const worker of childPids(pid)) process.kill(worker, 'SIGKILL');
      server.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('with workers, stops with exit code 1 when a worker cannot start (port taken) instead of restarting it', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const dir = mkdtempSync(join(tmpdir(), 'bridgework-cluster-'));
    const server = startProcess(dir, { BRIDGEWORK_WORKERS: '2', PORT: String(port) });
    try {
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain('a worker could not start; stopping');
      expect(server.output()).toContain('EADDRINUSE');
      expect(childPids(server.child.pid!)).toEqual([]);
    } finally {
      server.child.kill('SIGKILL');
      taken.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

