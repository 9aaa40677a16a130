// Another process holding a SQLite lock (test/fixtures/hold-lock.ts), for the tests of what the
// store does meanwhile: it resolves once the child has the lock; release() ends it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./fixtures/hold-lock.ts', import.meta.url));

export interface HeldLock {
  release(): Promise<void>;
}

export async function holdLock(path: string, mode: 'write' | 'read', holdMs?: number): Promise<HeldLock> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, path, mode, ...(holdMs !== undefined ? [String(holdMs)] : [])], {
    stdio: ['pipe', 'pipe', 'inherit'],
    cwd: fileURLToPath(new URL('../../../', import.meta.url)),
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('holding')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`hold-lock exited with ${code} before holding the lock`)));
  });
  return {
    release: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
