// The server entry as an operator runs it (`pnpm start` is `tsx api/src/server.ts`): configured by
// environment variables, it logs its start-up, serves, and on SIGTERM stops and exits cleanly.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, TINY } from './helpers/server.ts';

describe('api/src/server.ts', () => {
  it('starts from the environment, serves, and stops on SIGTERM with exit code 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bridgework-process-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
      cwd: REPO,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        BRIDGEWORK_DB: join(dir, 'process.db'),
        BRIDGEWORK_DEFAULT_FRAMEWORK: 'tiny',
        BRIDGEWORK_DEFAULT_SOURCE: `native:${TINY}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "listening" line in:\n${out}`)), 20_000);
        child.stdout.on('data', () => {
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const lines = out.trim().split('\n');
      expect(lines[0]).toMatch(/^imported tiny 1\.0\.0: 2 occupations, 3 competencies, 4 requirements in [\d.]+ s$/);
      expect(lines.slice(-3).map((l) => l.replace(/ [\d.]+ms [0-9a-f]+$/, ''))).toEqual(['GET /readyz 200', 'SIGTERM: shutting down', 'stopped']);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
