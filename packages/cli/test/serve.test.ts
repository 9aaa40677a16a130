// `bridgework serve` starts the same server as `pnpm start`, with flags over the environment,
// and stops cleanly on SIGINT (Ctrl-C).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '../../..');
const TINY = join(REPO, 'packages/importers/test/fixtures/native/tiny');

describe('bridgework serve', () => {
  it('serves on --port with --db and exits 0 on SIGINT', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bw-serve-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--db', join(dir, 'serve.db')], {
      cwd: REPO,
      env: { ...process.env, BRIDGEWORK_DEFAULT_FRAMEWORK: 'tiny', BRIDGEWORK_DEFAULT_SOURCE: `native:${TINY}`, PORT: '1' },
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
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const frameworks = (await (await fetch(`${url}/v1/frameworks`)).json()) as { items: { id: string }[] };
      expect(frameworks.items.map((f) => f.id)).toEqual(['tiny']);
      expect(out).toContain(`1 framework(s), 1 version(s) in ${join(dir, 'serve.db')}`);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(out.trim().split('\n').slice(-2)).toEqual(['SIGINT: shutting down', 'stopped']);
    } finally {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
